import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'circular-dependency',
  category: 'cfn-template',
  match: [{ re: /[Cc]ircular dependency between resources|has missing or circular dependencies/ }],
  cause:
    'Resources in the template depend on each other in a cycle, so CloudFormation cannot order their creation.',
  fix: 'Break the cycle: move the mutual reference into a separate resource (e.g. an AWS::EC2::SecurityGroupIngress instead of an inline rule) or drop a DependsOn that is not needed.',
  confidence: 0.9,
  examples: {
    match: [
      [
        [
          'log',
          'ValidateTemplate failed: Template error: resource RabbitMQScaleUpPolicy has missing or circular dependencies: RabbitMQServerASGroup.',
        ],
      ],
    ],
    noMatch: [[['log', 'dependencies resolved']]],
  },
};
export default rule;
