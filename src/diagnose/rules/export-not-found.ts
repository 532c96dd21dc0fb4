import type { Rule } from '../types.js';

/*
 * A template imports a value no stack exports under that name (`No export named network-VpcId found`, from
 * Fn::ImportValue, CDK's cross-stack references or Serverless' `${cf:…}`): the name is misspelt, carries another stage
 * or region, or the exporting stack was never deployed there. Its counterpart, an export that cannot be deleted
 * because another stack still imports it, is the stacks' state and has its own rule.
 */
const rule: Rule = {
  id: 'export-not-found',
  category: 'cfn-template',
  match: [
    {
      in: ['stackEvent', 'log'],
      re: /No export named (?<name>\S+?) found|Export with name (?<name2>\S+?) (?:is not found|does not exist)|Cannot find export (?<name3>\S+)/i,
    },
  ],
  cause:
    'The template imports {name,name2,name3|a value} but no stack in that account and region exports it.',
  fix: 'Check the imported name against `aws cloudformation list-exports` (stage and region prefixes included), correct the Fn::ImportValue, or deploy the stack that exports it first.',
  confidence: 0.84,
  beats: ['template-error', 'resource-request-invalid', 'stack-rollback-complete'],
  examples: {
    match: [
      [['stackEvent', 'No export named network-VpcId found. Rollback requested by user.']],
      [
        [
          'log',
          'An error occurred (ValidationError) when calling the CreateChangeSet operation: No export named prod-db-Endpoint found',
        ],
      ],
    ],
    noMatch: [[['stackEvent', 'Export network-VpcId cannot be deleted as it is in use by app-stack']]],
  },
};
export default rule;
