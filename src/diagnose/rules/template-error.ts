import type { Rule } from '../types.js';

/*
 * CloudFormation refused the template as a whole, in its words and the wrappers' around them: `Template format error`,
 * `Template error:`, SAM's transform, the Serverless Framework's `The CloudFormation template is invalid:` (which may
 * carry the service's raw validation message, such as a resource type name failing `typeNameList`'s pattern).
 */
const rule: Rule = {
  id: 'template-error',
  category: 'cfn-template',
  match: [
    {
      re: /Template format error|Template error:|Property validation failure|Template validation error|Invalid Serverless Application Specification document|The CloudFormation template is invalid:|at 'typeNameList' failed to satisfy constraint|Unrecognized resource types?: \[/,
    },
  ],
  cause: 'CloudFormation rejected the template itself, before creating anything.',
  fix: 'Fix the template error quoted in the evidence (run `aws cloudformation validate-template` or cfn-lint locally) and deploy again.',
  confidence: 0.7,
  examples: {
    match: [
      [
        [
          'log',
          'Property validation failure: [Value of property {/HealthCheckTimeoutSeconds} does not match type {Integer}]',
        ],
      ],
      [
        [
          'stackEvent',
          "Transform AWS::Serverless-2016-10-31 failed with: Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Fn] is invalid. 'CodeUri' is not a valid S3 Uri",
        ],
      ],
      [
        [
          'log',
          'Error: The CloudFormation template is invalid: Template format error: Unrecognized resource types: [AWS::DynamoTable]',
        ],
      ],
    ],
    noMatch: [[['log', 'template uploaded']]],
  },
};
export default rule;
