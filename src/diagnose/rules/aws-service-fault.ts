import type { Rule } from '../types.js';

/*
 * An AWS service answered with its own fault, not a refusal of what was asked: a 5xx in the SDKs' words (Java's
 * `(Service: AmazonECS; Status Code: 500; Error Code: ServerException …)`, Python's `An error occurred (InternalError)
 * when calling …`, Go's `InternalFailure: … status code: 500`), ECS's `Service Unavailable. Please try again later`,
 * CloudFormation's bare `Internal Failure`, S3's `We encountered an internal error`, a deploy tool logging its AWS call
 * answered 500, the Java SDK v2's `(Service: Ecs, Status Code: 503, Request ID …)`, the Go SDK v2's `https response error
 * StatusCode: 5xx` (Terraform, eksctl, Copilot), a CloudFormation resource handler's `HandlerErrorCode: ServiceInternalError`. Nothing in the service or its template causes these; the words around them (a port, a capacity, a
 * stack) are incidental, so a weak rule that reads them must not go first. ELBv2's internal failure from health-check
 * values is a template fault (elbv2-internal-failure), and a database's own `InternalError` is not AWS's.
 */
const FAULTS =
  'InternalFailure|InternalError|InternalServerError|InternalServiceError|InternalServiceException|InternalServerException|ServiceUnavailable(?:Exception)?|ServerException|ServiceFailure(?:Exception)?';

const rule: Rule = {
  id: 'aws-service-fault',
  category: 'other',
  match: [
    {
      in: [
        'log',
        'stackEvent',
        'stoppedReason',
        'containerReason',
        'serviceEvent',
        'localField',
        'deployment',
      ],
      not: /AmazonElasticLoadBalancingV2|pymysql|psycopg|sqlalchemy|mysql|postgres/i,
      re: new RegExp(
        `(?<what>\\(Service: [\\w ]+; Status Code: 5\\d\\d; Error Code: \\w+|\\(Service: \\w+, Status Code: 5\\d\\d, Request ID|https response error StatusCode: 5\\d\\d|HandlerErrorCode: ServiceInternalError|Error Code: (?:${FAULTS})\\b|An error occurred \\((?:${FAULTS})\\) when calling the \\w+ operation|\\b(?:ServerException|ServiceUnavailableException|InternalServiceException|InternalFailure|InternalServerException): [^\\n]{0,80}|Service Unavailable\\. Please try again later|We encountered an internal error\\. Please try again|^\\s*"?Internal Failure"?\\.?\\s*$|\\[AWS \\w+ 5\\d\\d [\\d.]+s \\d+ retries\\]|\\bApi ?Error\\b[^\\n]{0,60}\\bInternal Server Error|\\b(?:${FAULTS}): [^\\n]{0,120}status code: 5\\d\\d, request id)`,
      ),
    },
  ],
  cause:
    'An AWS service failed on its side while {service} was deployed ({what}): a fault of the service, not of the task definition, template or app.',
  fix: 'Retry the deployment; if it keeps failing, check the AWS Health Dashboard for the region and open a support case with the request ID.',
  confidence: 0.65,
  beats: [
    'essential-exited-nonzero',
    'local-exit-nonzero',
    'uncaught-exception',
    'circuit-breaker',
    'placement-unexplained',
    'template-error',
    'resource-request-invalid',
  ],
  examples: {
    match: [
      [
        [
          'log',
          'software.amazon.awssdk.services.ecs.model.EcsException: Service Unavailable. (Service: Ecs, Status Code: 503, Request ID: 6e1c)',
        ],
      ],
      [
        [
          'log',
          'operation error ECS: UpdateService, https response error StatusCode: 500, RequestID: 3f1d, api error InternalError: We encountered an internal error.',
        ],
      ],
      [
        [
          'log',
          'Resource handler returned message: "null" (RequestToken: 1a2b, HandlerErrorCode: ServiceInternalError)',
        ],
      ],
      [
        [
          'stackEvent',
          'Resource handler returned message: "Service Unavailable. Please try again later. (Service: AmazonECS; Status Code: 500; Error Code: ServerException; Request ID: 0f9c; Proxy: null)" (RequestToken: 8a1e, HandlerErrorCode: GeneralServiceException)',
        ],
      ],
      [
        [
          'log',
          'botocore.exceptions.ClientError: An error occurred (InternalError) when calling the RunTask operation (reached max retries: 4): An internal error occurred.',
        ],
      ],
      [['stackEvent', 'Internal Failure']],
      [['log', 'ServerException: Service Unavailable. Please try again later.']],
      [
        [
          'log',
          'Error: InternalFailure: An internal error has occurred\n\tstatus code: 500, request id: 5d2c',
        ],
      ],
      [
        [
          'log',
          'Serverless: [AWS cloudformation 500 0.792s 3 retries] updateStack({ StackName: "api-dev" })',
        ],
      ],
      [['log', 'S3 upload failed: We encountered an internal error. Please try again.']],
    ],
    noMatch: [
      [
        [
          'log',
          'operation error ECS: UpdateService, https response error StatusCode: 400, RequestID: 3f1d, InvalidParameterException: Invalid revision',
        ],
      ],
      [
        [
          'stackEvent',
          'Internal failure (Service: AmazonElasticLoadBalancingV2; Status Code: 500; Error Code: InternalFailure; Request ID: 1)',
        ],
      ],
      [['log', 'pymysql.err.InternalError: (1049, "Unknown database \'app\'")']],
      [['log', 'GET /api/orders 500 Internal Server Error 12ms']],
      [
        [
          'log',
          'An error occurred (AccessDeniedException) when calling the RunTask operation: not authorized',
        ],
      ],
    ],
  },
};
export default rule;
