import type { Rule } from '../types.js';

/*
 * An infrastructure-as-code tool refused the definition before anything ran, in its own words rather than
 * CloudFormation's: Terraform's ECS provider decoding `container_definitions` (a single object, a whole task
 * definition or a string where a list belongs: `json: cannot unmarshal object into Go value of type
 * []*ecs.ContainerDefinition`), Terraform / OpenTofu validating the configuration (`Unsupported argument`, `Missing
 * required argument`, `Incorrect attribute value type`, `Reference to undeclared resource`), and CDK's own
 * validation at synth time. Where the fix goes is the template, as for CloudFormation's template errors.
 */
const rule: Rule = {
  id: 'iac-definition-invalid',
  category: 'cfn-template',
  match: [
    {
      re: /(?<what>container_definitions is invalid|Error decoding JSON: json: cannot unmarshal \w+ into Go (?:value|struct field) [^\n]{0,80}|Error: (?:Unsupported argument|Missing required argument|Incorrect attribute value type|Invalid value for (?:input variable|module argument)|Reference to undeclared (?:resource|input variable|local value)|Unsupported block type|Missing required property|Invalid reference|Inappropriate value for attribute "\w+")|An argument named "\w+" is not expected here|Validation failed with the following errors)/,
    },
  ],
  cause: 'The infrastructure definition was refused before anything was deployed: {what}.',
  fix: 'Correct the definition the message names (Terraform: `container_definitions` is a JSON list of container definitions, not one object nor a whole task definition, and each argument takes the type the provider documents; `terraform validate` finds these first; CDK: the construct property the validation names) and deploy again.',
  confidence: 0.8,
  examples: {
    match: [
      [
        [
          'log',
          'ECS Task Definition container_definitions is invalid: Error decoding JSON: json: cannot unmarshal object into Go value of type []*ecs.ContainerDefinition',
        ],
      ],
      [
        [
          'log',
          '* aws_ecs_task_definition.job: Error decoding JSON: json: cannot unmarshal string into Go value of type []*string',
        ],
      ],
      [
        ['log', 'Error: Unsupported argument'],
        ['log', 'An argument named "memoryReservation" is not expected here.'],
      ],
      [['log', 'Error: Reference to undeclared resource']],
    ],
    noMatch: [
      [['log', 'aws_ecs_task_definition.job: Creation complete after 1s']],
      [['log', 'json: cannot unmarshal number into Go value of type string (reading config.yaml)']],
    ],
  },
};
export default rule;
