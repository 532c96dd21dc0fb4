import { AWS_DENIAL, AWS_ENDPOINT, DENIED_SOMEWHERE, NO_ANSWER, NOT_A_SERVICE_API } from '../aws-calls.js';
import { CONNECT_TIMEOUT } from '../reachability.js';
import { NETWORK_FACTS } from '../network-facts.js';
import type { Rule } from '../types.js';

/*
 * A call to an AWS endpoint, named in any of its forms (regional, China, dual-stack, an interface VPC endpoint's own
 * name), that got no answer in any client's words (reachability's timeouts for every runtime, an expired context, no
 * route): the caller has no network path to that service. A name that cannot be answered from inside a VPC without a
 * route out or an endpoint is the same fault whichever SDK or tool made the call. The endpoint and the failure may sit
 * on neighbouring lines (Node's error objects print the hostname below the code). The call answered with a refusal
 * is IAM (aws-call-denied), so a denial in the capture lowers this reading; the task's network facts (no public IP,
 * isolated subnets) raise it.
 */
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
        `^(?=[\\s\\S]*?(?<endpoint>${AWS_ENDPOINT.source}))(?=[\\s\\S]*?(?:${NO_ANSWER.source}|${CONNECT_TIMEOUT.source}))`,
      ),
      not: new RegExp(`${AWS_DENIAL.source}|${NOT_A_SERVICE_API.source}`, 'i'),
    },
  ],
  support: [{ re: NETWORK_FACTS }],
  against: [DENIED_SOMEWHERE],
  cause:
    '{service} got no answer from the AWS endpoint {endpoint}: nothing came back (a timeout, no route), so there is no network path from where it runs to that service.',
  fix: "Give {service}'s subnets a route out (a NAT gateway, or a public IP with an internet gateway) or an endpoint for that service in the VPC (a gateway endpoint for S3 and DynamoDB, an interface endpoint with private DNS for the rest), and allow outbound HTTPS (443) in its security group and network ACLs.",
  // Below the older endpoint rules (0.7) so theirs stay the reading where both match; this adds the forms they miss.
  confidence: 0.66,
  beats: ['connect-timeout-ambiguous', 'name-not-resolved', 'host-unreachable', 'compose-dependency-timeout'],
  examples: {
    match: [
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
