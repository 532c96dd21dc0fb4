import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'stack-rollback-complete',
  category: 'cfn-state',
  match: [
    {
      re: /is in ROLLBACK_COMPLETE state and can ?not be updated|non-updatable status: ROLLBACK_COMPLETE|failed state: ROLLBACK_COMPLETE/,
    },
  ],
  cause:
    'The stack failed its first creation and sits in ROLLBACK_COMPLETE, a state CloudFormation never updates.',
  fix: 'Read the first CREATE_FAILED event for why creation failed, fix that, then delete the stack (`aws cloudformation delete-stack`) and deploy again to create it afresh.',
  confidence: 0.92,
  examples: {
    match: [
      [
        [
          'log',
          'An error occurred (ValidationError) when calling the UpdateStack operation: Stack:arn:aws:cloudformation:us-east-1:1:stack/y/z is in ROLLBACK_COMPLETE state and can not be updated.',
        ],
      ],
    ],
    noMatch: [[['stackStatus', 'UPDATE_ROLLBACK_COMPLETE AWS::CloudFormation::Stack app']]],
  },
};
export default rule;
