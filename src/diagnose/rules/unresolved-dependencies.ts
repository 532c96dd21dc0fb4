import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'unresolved-dependencies',
  category: 'cfn-template',
  match: [{ re: /Unresolved resource dependencies \[(?<refs>[^\]]+)\]/ }],
  cause:
    'The template refers to {refs}, which is not defined in its Resources: a missing or conditionally skipped resource, or a misspelt Ref / Fn::GetAtt.',
  fix: 'Define {refs} in the template, correct the Ref / Fn::GetAtt name, or put the reference under the same Condition as the resource.',
  confidence: 0.92,
  examples: {
    match: [
      [
        [
          'log',
          'Template format error: Unresolved resource dependencies [AddonsStack] in the Resources block of the template (Service: AmazonCloudFormation; Status Code: 400)',
        ],
      ],
    ],
    noMatch: [[['log', 'Template validated']]],
  },
};
export default rule;
