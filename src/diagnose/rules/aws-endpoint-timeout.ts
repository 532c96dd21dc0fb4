import { DENIED_SOMEWHERE } from '../aws-calls.js';
import type { Rule } from '../types.js';

/*
 * The app's own AWS SDK calls time out reaching an AWS endpoint (S3, STS, SSM, Secrets Manager, CloudWatch Logs, SQS,
 * DynamoDB): a task in a private subnet with no NAT gateway and no VPC endpoint for that service, or a security group
 * without outbound 443. The SDKs word it differently: botocore's `Connect timeout on endpoint URL`, the Go SDK's
 * `dial tcp …:443: i/o timeout` after the endpoint's URL, the Java SDK's `Connect to sts.amazonaws.com:443 failed:
 * connect timed out`, the JavaScript SDK's `ETIMEDOUT` or `TimeoutError` naming the host, Go's `net/http: request
 * canceled while waiting for connection (Client.Timeout exceeded …)` (the ECS agent registering, a pull), urllib3's
 * `ConnectTimeout: … Connection to … timed out`, Ruby's `execution expired` and `Failed to open TCP connection`, .NET's
 * `HttpClient.Timeout`, PHP's `cURL error 28`. A public AWS name that
 * does not resolve, or a connection to it that fails with no answer, is the same missing path: those names always
 * resolve outside a VPC, so inside one it is an interface endpoint without private DNS or a VPC without DNS; a
 * refusal or an error status is an answer, and is left to the rules that read it.
 */
const rule: Rule = {
  id: 'aws-endpoint-timeout',
  category: 'network-sg',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'localField'],
      span: 2,
      re: /^(?=.*?(?:Connect timeout on endpoint URL|Could not connect to the endpoint URL|i\/o timeout|connect timed out|\bETIMEDOUT\b|[Cc]onnection timed out|Connection to \S+ timed out|context deadline exceeded|(?:Socket|Connection)TimeoutError|ConnectTimeout\b|TimeoutError: (?:connect|Socket)|request canceled while waiting for connection|Client\.Timeout exceeded|HttpClient\.Timeout|execution expired|Failed to open TCP connection|cURL error 28|: no such host|Name or service not known|Could not resolve host|port \d+: failed|failed to do request|[Nn]etwork is unreachable|No route to host))(?=.*?(?<endpoint>(?:[\w-]+\.)+amazonaws\.com(?:\.cn)?))/,
    },
  ],
  cause:
    '{service} cannot reach the AWS endpoint {endpoint} (a timeout, no route, or its name not resolving inside the VPC): the task has no network path to the service (no NAT gateway or VPC endpoint, an endpoint without private DNS, or outbound traffic blocked by a security group or network ACL).',
  fix: "Give {service}'s subnets a route out (a NAT gateway, or a public IP with an internet gateway) or add a VPC endpoint for that service (a gateway endpoint for S3 and DynamoDB, an interface endpoint for the rest, with private DNS), and allow outbound HTTPS (443), or the database's port, in its security group and network ACLs.",
  confidence: 0.7,
  // A denial in the same capture says the endpoint answered.
  against: [DENIED_SOMEWHERE],
  beats: ['connect-timeout-ambiguous', 'name-not-resolved'],
  examples: {
    match: [
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
    ],
    noMatch: [
      [
        [
          'log',
          'AccessDenied: User is not authorized to perform: ssm:GetParameter on ssm.us-east-1.amazonaws.com',
        ],
      ],
    ],
  },
};
export default rule;
