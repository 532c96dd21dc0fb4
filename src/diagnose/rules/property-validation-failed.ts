import type { Rule } from '../types.js';

/*
 * CloudFormation (or the tool in front of it) checked a resource's properties against the resource schema and
 * rejected them: a key the type does not have, a required key missing, a value of the wrong type. Resource-handler
 * wording (`Properties validation failed for resource X with message: #/ContainerDefinitions/0: extraneous key [k] is
 * not permitted`, `required key [k] not found`, `expected type: String, found: JSONArray`), SDK/linter wording
 * (`k is not a valid property of AWS::…`), the older `Value of property k must be of type …` and `Model
 * validation failed` all say the same thing.
 */
const rule: Rule = {
  id: 'property-validation-failed',
  category: 'cfn-template',
  match: [
    {
      re: /Properties validation failed for resource (?<resource>\S+)|Resource template validation failed for resource (?<resource2>\S+)|extraneous key \[(?<key>\w+)\] is not permitted|required key \[(?<key2>\w+)\] not found|(?<key3>\w+) is not a valid property of (?<type>AWS::[\w:]+)|Model validation failed|#\/[\w/]+: expected type: \w+, found: \w+|Value of property (?<key4>\w+) must be|Invalid template (?:resource )?propert(?:y|ies) '?\[?(?<key5>[\w, ]+)/,
    },
  ],
  cause:
    'CloudFormation rejected the properties of {resource,resource2|a resource} in the template ({key,key2,key3,key4,key5|a key the resource type does not define, or a required one left out}), so nothing was created.',
  fix: "Compare the resource's properties with its CloudFormation reference: CloudFormation spells keys in PascalCase (Name, Image, Entrypoint → EntryPoint, InitProcessEnabled), nests them where the reference says, and needs every required key; cfn-lint finds these before a deploy.",
  confidence: 0.85,
  beats: ['template-error', 'circuit-breaker'],
  examples: {
    match: [
      [
        [
          'stackEvent',
          'Properties validation failed for resource TaskDef with message: #/ContainerDefinitions/0: extraneous key [Entrypoint] is not permitted',
        ],
      ],
      [
        [
          'log',
          "message: 'Secrets is not a valid property of AWS::ECS::TaskDefinition.ContainerDefinition',",
        ],
      ],
      [['stackEvent', '#/ContainerDefinitions/0: required key [Name] not found']],
    ],
    noMatch: [[['stackEvent', 'Resource creation Initiated']]],
  },
};
export default rule;
