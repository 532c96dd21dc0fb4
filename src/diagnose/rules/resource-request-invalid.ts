import type { Rule } from '../types.js';

/*
 * A stack resource's create or update was refused by the service behind it with a 400 validation error
 * (`ValidationError`, `InvalidParameterValue`, `ClientException`, a resource handler's `HandlerErrorCode:
 * InvalidRequest`): the template (or what CDK, SAM, Copilot or Terraform generated for it) gave the resource a value
 * the service does not accept: an empty container list, an alarm rule that does not parse, a value out of range. The
 * same error codes also carry refusals fixed elsewhere (a role or key, a resource in use, a quota, a capacity provider),
 * which their own rules read, so those phrasings are left out here.
 * ECS refusing a service whose properties contradict each other or point at something not wired yet is the same
 * family, in words that carry no `Status Code: 400` when Terraform or Pulumi print them: a launch type beside a
 * capacity provider strategy, a target group not yet attached to a load balancer (a missing DependsOn on the
 * listener), an `instance` target group for an awsvpc task, a load balancer naming a port the container lacks.
 */
const rule: Rule = {
  id: 'resource-request-invalid',
  category: 'cfn-template',
  match: [
    {
      in: ['stackEvent', 'log'],
      // CLIs wrap the handler's message over lines.
      span: 3,
      re: /(?:Status Code: 400; Error Code[:.] ?(?<code>ValidationError|ValidationException|InvalidParameter\w*|ClientException|InvalidRequest\w*|InvalidInput\w*|MalformedPolicyDocument|InvalidArgument\w*|BadRequest\w*)|HandlerErrorCode: (?<code2>InvalidRequest))|Specifying both a launch type and capacity provider strategy is not supported|The target group with targetGroupArn \S+ does not have an associated load balancer|has target type instance, which is incompatible with the awsvpc network mode|The container \S+ did not have a container port \d+ defined/,
      not: /not authori[sz]ed|AccessDenied|assume|\brole\b|KMS|\bkey (?:is|does)|in use|InUse|cannot be (?:deleted|removed)|DependencyViolation|already exists?|limit|quota|capacity(?! provider strategy is not supported)|ROLLBACK|_IN_PROGRESS|is in \w+ state/i,
    },
  ],
  // A deploy tool's log line is only this family when it is a stack resource's failure.
  // A resource that clashes with one that already exists (a name, a Service Connect or discovery entry held by the
  // resource being replaced) is the stack's state, whatever error code carries it.
  unless: [
    {
      in: ['log'],
      re: /when calling the (?:RunTask|CreateService|UpdateService|RegisterTaskDefinition) operation/,
    },
    { re: /already (?:used|in use|exists?|registered)|is in use\b/i },
  ],
  cause:
    'A resource in the stack was refused by its service ({code,code2|a 400 validation error}): the template gives it a value the service does not accept.',
  fix: "Read the refused value in the quoted message, correct that property in the template (or in the CDK / SAM / Terraform code that generates it), e.g. a required list left empty, an expression that does not parse, a value outside the allowed range, and deploy again; `cfn-lint` and the resource's reference list the allowed values.",
  confidence: 0.6,
  examples: {
    match: [
      [
        [
          'stackEvent',
          'Resource handler returned message: "Error in AlarmRule [Unsupported token \')\' at char 1] (Service: AmazonCloudWatch; Status Code: 400; Error Code: ValidationError; Request ID: 8995)" (HandlerErrorCode: InvalidRequest)',
        ],
      ],
      [
        [
          'stackEvent',
          'Container list cannot be empty. (Service: AmazonECS; Status Code: 400; Error Code: ClientException; Request ID: 1)',
        ],
      ],
      [
        [
          'log',
          'Error: creating ECS Service (web): InvalidParameterException: The target group with targetGroupArn arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/web/abc does not have an associated load balancer.',
        ],
      ],
      [
        [
          'stackEvent',
          'Resource handler returned message: "Invalid request provided: CreateService error: Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again. (Service: AmazonECS; Status Code: 400; Error Code: InvalidParameterException)"',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'log',
          'Resource handler returned message: "Invalid request provided: CreateService error: SC service is already used by',
        ],
        [
          'log',
          'arn:aws:servicediscovery:us-east-1:1:namespace/ns-q7 (Service: AmazonECS; Status Code: 400; Error Code: InvalidParameterException)',
        ],
      ],
      [
        [
          'stackEvent',
          'Resource handler returned message: "Unable to assume the service linked role. (Service: AmazonECS; Status Code: 400; Error Code: InvalidParameterException)"',
        ],
      ],
      [
        [
          'stackEvent',
          'The specified capacity provider is in use and cannot be removed. (Service: AmazonECS; Status Code: 400; Error Code: ResourceInUseException)',
        ],
      ],
    ],
  },
};
export default rule;
