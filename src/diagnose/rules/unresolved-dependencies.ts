import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'unresolved-dependencies',
  category: 'cfn-template',
  match: [
    {
      re: /Unresolved resource dependencies(?: \[(?<refs>[^\]]+)\])?|Fn::GetAtt references undefined resource(?: (?<refs2>\w+))?|Output '(?<refs3>[^']+)' not found in stack|Template format error: Unresolved (?:dependencies|resource)|(?:Ref|GetAtt) to (?:non-?existent|undefined) (?:resource|parameter) \W?(?<refs4>\w+)/,
    },
  ],
  cause:
    'The template refers to {refs,refs2,refs3,refs4|a name it does not define}, which neither its Resources nor the nested stack it reads define: a missing or conditionally skipped resource, an output the nested stack does not declare, or a misspelt Ref / Fn::GetAtt.',
  fix: 'Define {refs,refs2,refs3,refs4|the referenced resource or output} in the template, correct the Ref / Fn::GetAtt name, or put the reference under the same Condition as the resource.',
  confidence: 0.92,
  examples: {
    match: [
      [
        [
          'log',
          'Template format error: Unresolved resource dependencies [AddonsStack] in the Resources block of the template (Service: AmazonCloudFormation; Status Code: 400)',
        ],
      ],
      [
        [
          'log',
          'Template validation error: Template error: instance of Fn::GetAtt references undefined resource ElkLoadBalancer',
        ],
      ],
      [
        [
          'stackEvent',
          "CREATE_FAILED AWS::CloudFormation::Stack WebsiteService Output 'ServiceRole.Arn' not found in stack",
        ],
      ],
      [['log', 'Unresolved resource dependencies']],
    ],
    noMatch: [[['log', 'Template validated']]],
  },
};
export default rule;
