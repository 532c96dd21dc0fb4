import type { Rule } from '../types.js';

/*
 * An AWS SDK says its request got no answer at all, without naming the endpoint (the rule beside it reads the ones that
 * do): Ruby's `Seahorse::Client::NetworkingError` (`execution expired`, `Failed to open TCP connection`), Java's
 * `SdkClientException: Unable to execute HTTP request: connect timed out`, Go's `RequestError: send request failed`
 * followed by a timeout, botocore's `ConnectTimeoutError`/`EndpointConnectionError`, the .NET SDK's request cancelled by
 * `HttpClient.Timeout`, the JavaScript SDK's `Socket timed out without establishing a connection` (v2) and a connect
 * timeout raised from its own HTTP handler's frames (`@smithy/node-http-handler`, `@aws-sdk/…`, v2's `aws-sdk/lib/`).
 * The SDK was reaching an AWS API, so no answer means no path to it from the task's subnet (no
 * NAT gateway or VPC endpoint, a security group or network ACL without outbound 443). A refusal by AWS (access denied,
 * bad credentials) is an answer, and is left to the rules that read it.
 */
const rule: Rule = {
  id: 'aws-sdk-no-answer',
  category: 'network-sg',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'localField'],
      span: 2,
      re: /(?<what>Seahorse::Client::NetworkingError[:\s]+(?:execution expired|Failed to open TCP connection|Net::OpenTimeout|[Cc]onnection timed out|Operation timed out)|(?:SdkClientException|AmazonClientException): Unable to execute HTTP request: (?:[^\n]*?failed: )?[Cc]onnect timed out|RequestError: send request failed[^\n]*?(?:i\/o timeout|request canceled|Client\.Timeout exceeded|context deadline exceeded)|botocore\.exceptions\.(?:ConnectTimeoutError|EndpointConnectionError)|Amazon\.Runtime\.\w+Exception[^\n]*?HttpClient\.Timeout|Socket timed out without establishing a connection|(?:\bETIMEDOUT\b|TimeoutError\b)[^\n]*?\bat [^\n]*?node_modules\/(?:@smithy\/|@aws-sdk\/|aws-sdk\/lib\/))/,
      not: /AccessDenied|not authorized|InvalidClientTokenId|SignatureDoesNotMatch|[Cc]redentials|169\.254\.16[59]/,
    },
  ],
  cause:
    "{service}'s AWS SDK got no answer from the AWS API it called ({what}): the task has no network path to that service's endpoint.",
  fix: "Give {service}'s subnets a route out (a NAT gateway, or a public IP with an internet gateway) or an interface VPC endpoint for the service it calls (with private DNS), and allow outbound HTTPS (443) in its security group and network ACLs.",
  confidence: 0.6,
  beats: ['connect-timeout-ambiguous'],
  examples: {
    match: [
      [
        [
          'log',
          '[Aws::SQS::Client 0 62.116075 3 retries] get_queue_url(queue_name:"jobs") Seahorse::Client::NetworkingError execution expired',
        ],
      ],
      [['log', 'com.amazonaws.SdkClientException: Unable to execute HTTP request: connect timed out']],
      [
        ['log', 'ERROR failed to fetch parameter: RequestError: send request failed'],
        ['log', 'caused by: Post "https://10.1.0.5/": dial tcp 10.1.0.5:443: i/o timeout'],
      ],
      [
        [
          'log',
          'botocore.exceptions.ConnectTimeoutError: Connect timeout on endpoint URL: "https://vpce-0a1.sqs.local/"',
        ],
      ],
      [
        [
          'log',
          'Amazon.Runtime.AmazonServiceException: A WebException with status Timeout was thrown. The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.',
        ],
      ],
      [['log', 'TimeoutError: Socket timed out without establishing a connection']],
      [
        ['log', 'Error: connect ETIMEDOUT 52.94.133.131:443'],
        [
          'log',
          '    at NodeHttpHandler.handle (/app/node_modules/@smithy/node-http-handler/dist-cjs/index.js:312:25)',
        ],
      ],
    ],
    noMatch: [
      [
        ['log', 'Error: connect ETIMEDOUT 10.0.0.109:5432'],
        ['log', '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)'],
      ],
      [
        [
          'log',
          'com.amazonaws.SdkClientException: Unable to load AWS credentials from any provider in the chain',
        ],
      ],
      [
        [
          'log',
          'Seahorse::Client::NetworkingError: SSL_connect returned=1 errno=0 state=error: certificate verify failed',
        ],
      ],
      [['log', 'Error: connect ETIMEDOUT 10.0.0.109:5432']],
    ],
  },
};
export default rule;
