import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'nested-output-not-found',
  category: 'cfn-template',
  match: [{ re: /Output '(?<output>[^']+)' not found in stack/ }],
  cause: 'The template reads output {output} from a nested stack, but that stack does not export it.',
  fix: 'Add the output {output} to the nested stack template (or fix the name used in Fn::GetAtt) and deploy the parent again.',
  confidence: 0.88,
  examples: {
    match: [
      [
        [
          'stackEvent',
          "CREATE_FAILED AWS::CloudFormation::Stack WebsiteService Output 'ECSServiceAutoScalingRole.Arn' not found in stack",
        ],
      ],
    ],
    noMatch: [[['stackEvent', 'Output ready']]],
  },
};
export default rule;
