import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'stack-busy',
  category: 'cfn-state',
  match: [
    {
      // Every tool's words for "another operation is still running": CloudFormation's state message, Sceptre's and the
      // change-set API's `already/currently in progress`.
      re: /is currently being updated and cannot be deployed to|is in [A-Z_]*_IN_PROGRESS state and can ?not be updated|(?:[Ss]tack|[Cc]hange[Ss]et|operation)[^.\n]*? (?:is )?(?:already|currently) in progress/,
    },
  ],
  cause:
    'Another operation on the stack (an update or its rollback) was still running, so CloudFormation refused this deployment.',
  fix: 'Wait until the stack reaches a *_COMPLETE state (`aws cloudformation wait stack-update-complete` or watch its events), find out why the earlier operation failed if it is rolling back, then deploy again; never run two deploys of one stack at once.',
  confidence: 0.9,
  beats: ['circuit-breaker'],
  examples: {
    match: [
      [
        [
          'log',
          'deploy service: stack upc-ner-test is currently being updated and cannot be deployed to: Resource handler returned message',
        ],
      ],
      [['log', 'Stack action is already in progress state and cannot be updated']],
    ],
    noMatch: [[['stackStatus', 'UPDATE_COMPLETE AWS::CloudFormation::Stack app']]],
  },
};
export default rule;
