import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'template-error',
  category: 'cfn-template',
  match: [
    {
      re: /Template format error|Template error:|Property validation failure|Template validation error|Invalid Serverless Application Specification document/,
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
    ],
    noMatch: [[['log', 'template uploaded']]],
  },
};
export default rule;
