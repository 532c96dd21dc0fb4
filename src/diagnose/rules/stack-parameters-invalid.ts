import type { Rule } from '../types.js';

/*
 * CloudFormation rejected the parameters given with the template: a required one without a value, one the template
 * does not declare, or a value that does not exist (an AWS-specific parameter type such as a key pair name).
 */
const rule: Rule = {
  id: 'stack-parameters-invalid',
  category: 'cfn-template',
  match: [
    {
      re: /Parameters: \[(?<params>[^\]]+)\] (?:must have values|do not exist in the template)|Parameter validation failed:?[^\n]*?(?:parameter name (?<param>\w+)|$)|Parameter values specified for a template which does not require them|Invalid value for parameter|parameter (?<param2>\w+) (?:is not|must be)/,
    },
  ],
  cause:
    'CloudFormation rejected the stack parameters ({params,param,param2|see the evidence}) before creating anything.',
  fix: 'Pass every required parameter with a valid value (for AWS-specific types such as AWS::EC2::KeyPair::KeyName the resource must exist in that region), drop parameters the template does not declare, and check that the template deployed is the one you edited.',
  confidence: 0.85,
  examples: {
    match: [
      [
        [
          'log',
          'An error occurred (ValidationError) when calling the CreateStack operation: Parameters: [EnvironmentName] must have values',
        ],
      ],
      [
        [
          'stackEvent',
          'Parameter validation failed: parameter value for parameter name KeyName does not exist. Rollback requested by user.',
        ],
      ],
    ],
    noMatch: [[['log', 'Parameters: 3 resolved']]],
  },
};
export default rule;
