import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'unsupported-property',
  category: 'cfn-template',
  match: [{ re: /Encountered unsupported property (?<prop>\S+)/ }],
  cause:
    'The template sets {prop}, which that resource type does not accept there: wrong case, wrong nesting level, or not supported by CloudFormation.',
  fix: "Check {prop} against the resource's CloudFormation reference (CloudFormation spells properties in PascalCase, e.g. ContainerDefinitions, and TaskRoleArn belongs on the task definition, not the container) and move or rename it.",
  confidence: 0.9,
  examples: {
    match: [[['stackEvent', 'Encountered unsupported property TaskRoleArn']]],
    noMatch: [[['stackEvent', 'Resource creation Initiated']]],
  },
};
export default rule;
