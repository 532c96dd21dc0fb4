import type { Rule } from '../types.js';

/*
 * The deploy tool refused to update a stack an earlier deploy left failed (CDK: `is in a failed state`, CodePipeline and
 * scripts: `cannot be updated when status is`). ROLLBACK_COMPLETE after a failed creation has its own rule, because
 * that stack must be deleted; the other failed states can be updated once the earlier failure is understood.
 */
const rule: Rule = {
  id: 'stack-failed-state',
  category: 'cfn-state',
  match: [
    {
      re: /is in a failed state:? (?<state>[A-Z_]+)|can ?not be updated when (?:its )?status is:? (?<state2>[A-Z_]+)|in (?<state3>[A-Z_]*(?:ROLLBACK|FAILED)[A-Z_]*) state and can ?not be updated/,
    },
  ],
  cause:
    'The stack is in {state,state2,state3|a failed state} from an earlier deploy that failed, and the deploy refused to update it.',
  fix: 'Read the stack events of the earlier deploy for the first *_FAILED resource and fix that cause; then deploy again (a stack in UPDATE_ROLLBACK_COMPLETE can be updated directly, e.g. `cdk deploy` from a current CLI or `aws cloudformation deploy`; one in ROLLBACK_COMPLETE must be deleted first).',
  confidence: 0.85,
  beats: ['circuit-breaker'],
  examples: {
    match: [
      [['log', 'The stack named XXX is in a failed state: UPDATE_ROLLBACK_COMPLETE']],
      [['log', 'Stack cannot be updated when status is: UPDATE_ROLLBACK_COMPLETE']],
    ],
    noMatch: [[['stackStatus', 'UPDATE_ROLLBACK_COMPLETE AWS::CloudFormation::Stack app']]],
  },
};
export default rule;
