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
      re: /Parameters: \[(?<params>[^\]]+)\] (?:must have values|do not exist in the template)|Parameter validation failed:?[^\n]*?(?:parameter name (?<param>\w+)|$)|Parameter values specified for a template which does not require them|Invalid value for parameter|parameter (?<param2>\w+) (?:is not|must be)|Parameter '?(?<param3>[\w-]+)'? (?:must match pattern|must be one of AllowedValues|failed to satisfy constraint|must contain (?:at least|at most|only)|must be a number|must be (?:greater|less) than|must not (?:exceed|be longer))/,
    },
  ],
  cause:
    'CloudFormation rejected the stack parameters ({params,param,param2,param3|see the evidence}) before creating anything.',
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
      [['log', "Parameter 'Secondary1NodeSubnet' must match pattern subnet-[0-9a-z]{8}"]],
      [['log', "ValidationError: Parameter 'DBInstanceClass' must be one of AllowedValues"]],
      [
        [
          'log',
          "Error executing 'up': ValidationError: Parameter EcsInstanceType failed to satisfy constraint: must be a valid EC2 instance type.",
        ],
      ],
    ],
    noMatch: [[['log', 'Parameters: 3 resolved']], [['log', "Parameter 'DesiredCount' set to 2"]]],
  },
};
export default rule;
