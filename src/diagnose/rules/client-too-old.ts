import type { Rule } from '../types.js';

/*
 * The AWS CLI or an SDK (or a tool that bundles one) rejects a parameter or command it does not know: it predates the feature (or the name is
 * misspelled). Nothing in the stack is wrong; the tool is.
 */
const rule: Rule = {
  id: 'client-too-old',
  category: 'other',
  match: [
    {
      // botocore (`Unknown parameter in input`), the JavaScript SDK v2's validator (`Unexpected key 'x' found in params`,
      // as a GitHub action bundling it says when the console writes fields newer than the SDK), the CLI's own parser.
      re: /Unknown parameter in (?:input|[\w.]+): "(?<param>\w+)", must be one of|Unexpected key '(?<param3>\w+)' found in params|aws: error: argument (?:command|operation): Invalid choice(?:, valid choices are)?|Invalid choice: '(?<param2>[\w-]+)', maybe you meant/,
    },
  ],
  cause:
    'The AWS CLI or SDK used for {service} does not know {param,param2,param3|a parameter it was given}: it is older than the feature, or the name is misspelled.',
  fix: 'Upgrade the AWS CLI / SDK (check `aws --version` against the release that added it), or correct the name, and run again.',
  confidence: 0.6,
  // botocore's client-side `Parameter validation failed:` header is not CloudFormation's parameter check.
  beats: ['stack-parameters-invalid'],
  examples: {
    match: [
      [
        [
          'log',
          'Parameter validation failed: Unknown parameter in input: "enableExecuteCommand", must be one of: cluster, serviceName, taskDefinition',
        ],
      ],
      [
        [
          'log',
          'aws: error: argument operation: Invalid choice, valid choices are: create-cluster | delete-cluster',
        ],
      ],
      [
        [
          'log',
          "* UnexpectedParameter: Unexpected key 'appProtocol' found in params.containerDefinitions[0].portMappings[0]",
        ],
      ],
    ],
    noMatch: [[['log', 'Parameter validation succeeded']]],
  },
};
export default rule;
