import type { Rule } from '../types.js';

/*
 * The app's own AWS SDK calls time out reaching an AWS endpoint (S3, STS, SSM, Secrets Manager, CloudWatch Logs, SQS,
 * DynamoDB): a task in a private subnet with no NAT gateway and no VPC endpoint for that service, or a security group
 * without outbound 443. The SDKs word it differently: botocore's `Connect timeout on endpoint URL`, the Go SDK's
 * `dial tcp …:443: i/o timeout` after the endpoint's URL, the Java SDK's `Connect to sts.amazonaws.com:443 failed:
 * connect timed out`, the JavaScript SDK's `ETIMEDOUT` or `TimeoutError` naming the host.
 */
const rule: Rule = {
  id: 'aws-endpoint-timeout',
  category: 'network-sg',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'localField'],
      span: 2,
      re: /^(?=.*?(?:Connect timeout on endpoint URL|i\/o timeout|connect timed out|\bETIMEDOUT\b|[Cc]onnection timed out|context deadline exceeded|(?:Socket|Connection)TimeoutError|TimeoutError: (?:connect|Socket)))(?=.*?(?<endpoint>(?:[\w-]+\.)+amazonaws\.com(?:\.cn)?))/,
    },
  ],
  cause:
    '{service} times out reaching the AWS endpoint {endpoint}: the task has no network path to the service (no NAT gateway or VPC endpoint, or outbound 443 blocked).',
  fix: "Give {service}'s subnets a route out (a NAT gateway, or a public IP with an internet gateway) or add a VPC endpoint for that service (a gateway endpoint for S3 and DynamoDB, an interface endpoint for the rest, with private DNS), and allow outbound HTTPS (443) in its security group.",
  confidence: 0.7,
  beats: ['connect-timeout-ambiguous'],
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
