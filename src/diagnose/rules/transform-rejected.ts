import type { Rule } from '../types.js';

/*
 * A CloudFormation transform or macro rejected the template before any resource was made: the SAM transform's
 * `Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document`,
 * `AWS::Include`'s and `AWS::LanguageExtensions`' own `failed with`, an account's macro (`Transform 123456789012::Macro
 * failed with`). Most often the template is wrong, but the words are the transform's, run by AWS or written by a
 * packaging CLI, so the same lines are also what a transform release that regressed, or an old `aws cloudformation
 * package` that rewrote a valid template, prints (ambiguity.ts names that second reading as a neighbour).
 */
const rule: Rule = {
  id: 'transform-rejected',
  category: 'cfn-template',
  match: [
    {
      re: /(?<what>Transform (?:AWS::[\w-]+|\d{12}::[\w-]+|[\w-]+) failed with: [^\n]{0,160})/,
    },
  ],
  cause: 'A CloudFormation transform rejected the template of {service} before creating anything ({what}).',
  fix: "Fix the property the transform names (run `sam validate` or cfn-lint locally); if the template matches the documentation, the transform or the CLI that packaged it may be at fault: deploy with a current CLI, and check the transform's issue tracker for the message.",
  confidence: 0.7,
  beats: ['template-error'],
  examples: {
    match: [
      [
        [
          'stackEvent',
          "Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Fn] is invalid. 'CodeUri' is not a valid S3 Uri",
        ],
      ],
      [
        [
          'log',
          'Failed to create the changeset: Waiter ChangeSetCreateComplete failed: Waiter encountered a terminal failure state: For expression "Status" we matched expected path: "FAILED" Status: FAILED. Reason: Transform AWS::Include failed with: The specified S3 object\'s content should be valid Yaml/JSON',
        ],
      ],
      [['stackEvent', 'Transform AWS::LanguageExtensions failed with: Fn::ForEach could not be resolved']],
      [['log', 'Transform 123456789012::PyPlate failed with: Failed to execute transform']],
    ],
    noMatch: [
      [
        [
          'log',
          'Template format error: Unresolved resource dependencies [Role] in the Resources block of the template',
        ],
      ],
      [['log', 'Reason: Received malformed response from transform AWS::Serverless-2016-10-31']],
    ],
  },
};
export default rule;
