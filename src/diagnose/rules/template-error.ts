import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'template-error',
  category: 'cfn-template',
  match: [
    { re: /Template format error|Template error:|Property validation failure|Template validation error/ },
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
    ],
    noMatch: [[['log', 'template uploaded']]],
  },
};
export default rule;
