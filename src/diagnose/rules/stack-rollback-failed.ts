import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'stack-rollback-failed',
  category: 'cfn-state',
  match: [
    {
      re: /\b(?<state>UPDATE_ROLLBACK_FAILED|ROLLBACK_FAILED)\b(?:[^\n]*?failed to update: \[(?<resources>[^\]]+)\])?/,
    },
  ],
  cause:
    'The stack is stuck in {state}: an update failed and CloudFormation could not roll {resources|some resources} back either.',
  fix: 'Fix what blocks the rollback (the failing resource event says what), then run `aws cloudformation continue-update-rollback` (skipping resources that cannot roll back with --resources-to-skip) and deploy again.',
  confidence: 0.9,
  examples: {
    match: [
      [
        [
          'stackEvent',
          'Embedded stack arn:aws:x was not successfully updated. Currently in UPDATE_ROLLBACK_FAILED with reason: The following resource(s) failed to update: [ElasticsearchDomain].',
        ],
      ],
    ],
    noMatch: [[['stackStatus', 'UPDATE_ROLLBACK_COMPLETE AWS::CloudFormation::Stack app']]],
  },
};
export default rule;
