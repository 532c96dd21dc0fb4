import { AWS_DENIAL, AWS_ENDPOINT, DENIED_SOMEWHERE, NO_ANSWER, NOT_A_SERVICE_API } from '../aws-calls.js';
import { CONNECT_TIMEOUT } from '../reachability.js';
import { NETWORK_FACTS } from '../network-facts.js';
import type { Rule } from '../types.js';

/*
 * A call to an AWS endpoint, named in any of its forms (regional, China, dual-stack, an interface VPC endpoint's own
 * name), that got no answer: the caller has no network path to that service (a private subnet with no NAT gateway and
 * no VPC endpoint, an endpoint without private DNS, outbound 443 blocked by a security group or network ACL), whichever
 * SDK, agent or tool made the call. No answer in any client's words: reachability's timeouts for every runtime,
 * aws-calls' expired context and no route, and the SDKs' own (botocore's `Connect timeout on endpoint URL`, the
 * JavaScript SDK's `TimeoutError`, Go's `Client.Timeout exceeded`, Ruby's `execution expired` and `Failed to open TCP
 * connection`, .NET's `HttpClient.Timeout`, PHP's `cURL error 28`, a layer fetch that `failed to do request`, Fluent
 * Bit's upstream `timed out after N seconds (connection timeout)`, the Rust SDK's `ConnectorError { kind: Timeout`). A public
 * AWS name that does not resolve is the same missing path: those names always resolve outside a VPC, so inside one it
 * is an interface endpoint without private DNS or a VPC without DNS. The endpoint and the failure may sit on
 * neighbouring lines (Node's error objects print the hostname below the code). A refusal is an answer (IAM:
 * aws-call-denied), so a denial in the capture lowers this reading; the task's network facts (no public IP, isolated
 * subnets) raise it. Databases, caches and hosts under amazonaws.com are the user's own resources, left to the
 * connect-timeout rules. One rule since session 9 (part j): aws-endpoint-timeout's words and this one's endpoint forms.
 */
const SDK_NO_ANSWER =
  /Connect timeout on endpoint URL|(?:Socket|Connection)TimeoutError|ConnectTimeout\b|TimeoutError: (?:connect|Socket)|Client\.Timeout exceeded|HttpClient\.Timeout|execution expired|Failed to open TCP connection|cURL error 28|failed to do request|timed out after \d+ seconds \(connection timeout\)|ConnectorError \{ kind: Timeout|HttpTimeoutError \{ kind: "HTTP connect"/;

/** The endpoint's name not resolving: `no such host` (Go), `Name or service not known` (glibc), curl's wording. */
const NAME_UNRESOLVED = /: no such host|Name or service not known|Could not resolve host/;

/**
 * OpenSSH's forward through a bastion failing (`connect_to db.….rds.amazonaws.com port 3306: failed.`): the bastion
 * is inside the VPC and got nothing from the host, so even for a database the path (a network ACL, a security group)
 * is the fault, and such a host is not left to the other rules.
 */
const BASTION_FORWARD_FAILED = /connect_to \S+ port \d+: failed/;

const rule: Rule = {
  id: 'aws-endpoint-no-answer',
  category: 'network-sg',
  match: [
    {
      in: [
        'log',
        'stoppedReason',
        'containerReason',
        'serviceEvent',
        'deployment',
        'stackEvent',
        'localField',
      ],
      span: 3,
      re: new RegExp(
        `^(?=[\\s\\S]*?(?<endpoint>${AWS_ENDPOINT.source}))(?=[\\s\\S]*?(?:${NO_ANSWER.source}|${CONNECT_TIMEOUT.source}|${SDK_NO_ANSWER.source}|${NAME_UNRESOLVED.source}|${BASTION_FORWARD_FAILED.source}))`,
      ),
      not: new RegExp(
        `${AWS_DENIAL.source}|^(?![\\s\\S]*${BASTION_FORWARD_FAILED.source})[\\s\\S]*(?:${NOT_A_SERVICE_API.source})`,
        'i',
      ),
    },
  ],
  support: [{ re: NETWORK_FACTS }],
  against: [DENIED_SOMEWHERE],
  cause:
    '{service} got no answer from the AWS endpoint {endpoint} (a timeout, no route, or its name not resolving inside the VPC): there is no network path from where it runs to that service.',
  fix: "Give {service}'s subnets a route out (a NAT gateway, or a public IP with an internet gateway) or an endpoint for that service in the VPC (a gateway endpoint for S3 and DynamoDB, an interface endpoint with private DNS for the rest), and allow outbound HTTPS (443) in its security group and network ACLs.",
  confidence: 0.7,
  beats: ['connect-timeout-ambiguous', 'name-not-resolved', 'host-unreachable', 'compose-dependency-timeout'],
  examples: {
    match: [
      [
        [
          'log',
          'channel 3: open failed: connect failed: connect_to orders.c1abcd.eu-west-1.rds.amazonaws.com port 5432: failed.',
        ],
      ],
      [
        [
          'log',
          'botocore.exceptions.ConnectTimeoutError: Connect timeout on endpoint URL: "https://sts.eu-west-1.amazonaws.com/"',
        ],
      ],
      [
        [
          'log',
          'RequestError: send request failed caused by: Post "https://ssm.us-east-1.amazonaws.com/": dial tcp 10.0.0.5:443: i/o timeout',
        ],
      ],
      [
        [
          'log',
          'caused by: Post "https://ec2.us-west-2.amazonaws.com/": dial tcp: lookup ec2.us-west-2.amazonaws.com on 10.120.0.2:53: no such host.',
        ],
      ],
      [
        ['log', '[ERROR] Could not register: RequestError: send request failed'],
        [
          'log',
          'caused by: Post https://ecs.us-east-1.amazonaws.com/: net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
        ],
      ],
      [
        [
          'log',
          "requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='sqs.eu-west-1.amazonaws.com', port=443): Max retries exceeded with url: / (Caused by ConnectTimeoutError(<AWSHTTPSConnection object>, 'Connection to sqs.eu-west-1.amazonaws.com timed out. (connect timeout=60)'))",
        ],
      ],
      [
        [
          'log',
          'Error executing "PutObject" on "https://bucket.s3.eu-west-1.amazonaws.com/a.txt"; AWS HTTP error: cURL error 28: Connection timed out after 5001 milliseconds',
        ],
      ],
      [
        [
          'log',
          'System.Net.Http.HttpRequestException: A connection attempt failed because the connected party did not properly respond after a period of time. (sts.us-east-1.amazonaws.com:443)',
        ],
      ],
      [
        ['log', 'Error: connect ETIMEDOUT 52.94.1.1:443'],
        ['log', "    hostname: 'kms.us-west-2.amazonaws.com',"],
      ],
      [
        [
          'log',
          'RequestError: send request failed caused by: Post "https://vpce-0a1b2c3d-ab12cd34.ssm.us-east-1.vpce.amazonaws.com/": dial tcp 10.0.2.44:443: i/o timeout',
        ],
      ],
      [
        [
          'log',
          'operation error ECR: GetAuthorizationToken, https response error StatusCode: 0, RequestID: , request send failed, Post "https://api.ecr.us-east-1.api.aws/": dial tcp [2600:1f18::1]:443: connect: network is unreachable',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'log',
          'AccessDenied: User is not authorized to perform: ssm:GetParameter on ssm.us-east-1.amazonaws.com',
        ],
      ],
      [
        [
          'log',
          'operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 403, RequestID: x, api error AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity',
        ],
      ],
      [['log', 'Error: connect ETIMEDOUT 10.0.4.12:5432']],
      // A database's security group, not a way out to an AWS API.
      [['log', 'Error: connect ETIMEDOUT orders.c1abcd.eu-west-1.rds.amazonaws.com:5432']],
    ],
  },
};
export default rule;
