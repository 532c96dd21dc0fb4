import type { Rule } from '../types.js';

/*
 * CloudFormation could not evaluate an intrinsic function in the template: an index past the end of a list
 * (`Fn::Select cannot select nonexistent value at index 2`, usually fewer subnets or zones supplied than the template
 * selects), a GetAtt on a resource that is not declared or with the wrong arguments, a Sub or Join whose parameters do
 * not parse, a FindInMap key the mapping lacks. Printed with or without the `Template error:` prefix, by the console,
 * the CLI, SAM, CDK, Serverless or Copilot.
 */
const rule: Rule = {
  id: 'intrinsic-function-invalid',
  category: 'cfn-template',
  match: [
    {
      in: ['stackEvent', 'log'],
      re: /(?<what>Fn::(?:Select|GetAtt|Join|Sub|Split|FindInMap|ImportValue|If|GetAZs|Base64|Cidr|Equals|Not|And|Or|Length|ToJsonString)\b[^\n]{0,60}?\b(?:cannot|requires|references undefined|must (?:be|have|contain)|is not (?:a |supported)|unsupported|invalid|does not)[^\n]{0,80}|(?:every|instance of) Fn::\w+[^\n]{0,100}|Unable to fetch mapping for key[^\n]{0,60}|Mapping named '[^']{1,80}' is not present[^\n]{0,60})/,
    },
  ],
  cause: 'CloudFormation could not evaluate an intrinsic function in the template: {what}.',
  fix: 'Correct the function in the template (the logical id it names, its arguments), or pass parameters it can work with, e.g. as many subnets or zones as the template selects; `cfn-lint` finds most of these before a deploy.',
  confidence: 0.84,
  beats: ['template-error', 'resource-request-invalid'],
  examples: {
    match: [
      [['log', 'Fn::Select cannot select nonexistent value at index 1']],
      [
        [
          'stackEvent',
          'Template error: instance of Fn::GetAtt references undefined resource ElkLoadBalancer',
        ],
      ],
      [['log', "Template error: Unable to fetch mapping for key us-east-2 in mapping 'RegionMap'"]],
      [['log', 'Template error: One or more Fn::Sub parameters must be of type String']],
    ],
    noMatch: [[['log', 'Resources: Subnet: Properties: CidrBlock: !Select [0, !Cidr [10.0.0.0/16, 4, 8]]']]],
  },
};
export default rule;
