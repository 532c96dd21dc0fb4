import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, type PhrasingCase } from './phrasing-cases.js';

/*
 * The same AWS endpoint with two outcomes (session 9, part f): no answer is the network, a refusal is IAM, whoever made
 * the call. Written from how each caller words it (the ECS agent, SDKs in Go, Java, Python, Node and .NET, the CLI,
 * CloudFormation, efs-utils), not copied from the corpus, with routine lines around the evidence.
 */
const stopped = (reason: string) => ({
  service: 'app',
  tasks: [{ lastStatus: 'STOPPED', stoppedReason: reason }],
});
const logged = (...lines: string[]) => ({
  service: 'app',
  logs: { app: ['starting app v2.3.1', 'loaded configuration from /etc/app/config.yaml', ...lines] },
});

const cases: readonly PhrasingCase[] = [
  {
    name: "the agent's env-file download canceled at its deadline",
    expect: 'network-sg',
    rule: 'agent-init-no-answer',
    capture: stopped(
      'ResourceInitializationError: failed to download env files: file download command: non empty error stream: RequestCanceled: request context canceled caused by: context deadline exceeded',
    ),
  },
  {
    name: "the agent's ECR auth helper killed for overrunning",
    expect: 'network-sg',
    rule: 'agent-init-no-answer',
    capture: stopped('ResourceInitializationError: failed to get registry auth from ECR: signal: killed'),
  },
  {
    name: "the agent's registry-auth pull command killed, no exit 137",
    expect: 'network-sg',
    rule: 'agent-init-no-answer',
    capture: stopped(
      'ResourceInitializationError: unable to pull secrets or registry auth: pull command failed: : signal: killed',
    ),
  },
  {
    name: ".NET's SDK getting no answer from STS",
    expect: 'network-sg',
    rule: 'aws-endpoint-no-answer',
    capture: logged(
      'System.Net.Http.HttpRequestException: A connection attempt failed because the connected party did not properly respond after a period of time. (sts.eu-central-1.amazonaws.com:443)',
    ),
  },
  {
    name: "Node's error object naming the KMS host below the code",
    expect: 'network-sg',
    rule: 'aws-endpoint-no-answer',
    capture: logged(
      'Error: connect ETIMEDOUT 52.94.1.1:443',
      '    at TCPConnectWrap.afterConnect [as oncomplete]',
      "  hostname: 'kms.us-west-2.amazonaws.com',",
    ),
  },
  {
    name: 'the Go SDK v2 with no route to a dual-stack ECR API endpoint',
    expect: 'network-sg',
    rule: 'aws-endpoint-no-answer',
    capture: logged(
      'operation error ECR: GetAuthorizationToken, https response error StatusCode: 0, RequestID: , request send failed, Post "https://api.ecr.us-east-1.api.aws/": dial tcp [2600:1f18:2000::9]:443: connect: network is unreachable',
    ),
  },
  {
    name: "an interface VPC endpoint's own name timing out in .NET's words",
    expect: 'network-sg',
    rule: 'aws-endpoint-no-answer',
    capture: logged(
      'System.Net.Sockets.SocketException (10060): A connection attempt failed because the connected party did not properly respond after a period of time. (vpce-0a1b2c3d4e-ab12cd34.secretsmanager.us-east-1.vpce.amazonaws.com:443)',
    ),
  },
  {
    name: "the .NET SDK's S3 Access Denied",
    expect: 'secrets-iam',
    rule: 'aws-call-denied',
    capture: logged(
      'Unhandled exception. Amazon.S3.AmazonS3Exception: Access Denied',
      '   at Amazon.Runtime.Internal.HttpErrorResponseExceptionHandler.HandleExceptionStream(IRequestContext requestContext)',
    ),
  },
  {
    name: "botocore's bare 403 on HeadObject",
    expect: 'secrets-iam',
    rule: 'aws-call-denied',
    capture: logged(
      'botocore.exceptions.ClientError: An error occurred (403) when calling the HeadObject operation: Forbidden',
    ),
  },
  {
    name: 'a role Lambda cannot assume',
    expect: 'secrets-iam',
    // Session 11 part b: the trust-policy refusal is role-not-assumable's family in every service's words.
    rule: 'role-not-assumable',
    capture: {
      service: 'fn',
      stackEvents: [
        {
          ResourceStatus: 'CREATE_FAILED',
          ResourceType: 'AWS::Lambda::Function',
          LogicalResourceId: 'Handler',
          ResourceStatusReason:
            'Resource handler returned message: "The role defined for the function cannot be assumed by Lambda. (Service: Lambda, Status Code: 400, Request ID: 5b1)"',
        },
      ],
    },
  },
  {
    name: 'an S3 PUT answered 403 Forbidden at the bucket endpoint',
    expect: 'secrets-iam',
    rule: 'aws-call-denied',
    capture: logged(
      'upload failed: PUT https://reports.s3.eu-west-1.amazonaws.com/2024/a.csv returned 403 Forbidden',
    ),
  },
];

describe('the same AWS endpoint: no answer is the network, a refusal is IAM', () => {
  itNamesEach(cases);

  it('a registry answering 403 stays the image pull, not IAM', () => {
    const top = diagnose(
      stopped(
        'CannotPullContainerError: Error response from daemon: Get https://1.dkr.ecr.us-east-1.amazonaws.com/v2/app/manifests/v3: denied: Your authorization token has expired. Reauthenticate and try again. Status Code: 403',
      ),
    )[0]!;
    assert.notEqual(top.rule, 'aws-call-denied');
  });

  it('a denial beside a timeout to the same endpoint is read as IAM first: the call was answered', () => {
    const findings = diagnose(
      logged(
        'WARN retrying: Post "https://ssm.us-east-1.amazonaws.com/": dial tcp 52.46.1.1:443: i/o timeout',
        'ERROR AccessDeniedException: User: arn:aws:sts::1:assumed-role/app-task/1 is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:1:parameter/app/db',
      ),
    );
    assert.equal(findings[0]!.category, 'secrets-iam');
    const net = findings.find((f) => f.category === 'network-sg');
    assert.ok(net, 'the timeout is still named');
    assert.ok(net.confidence < 0.6, `lowered by the denial: ${net.confidence}`);
  });

  it('a timeout to a database under amazonaws.com is not read as a missing way out to an AWS API', () => {
    const findings = diagnose(
      logged(
        'Error: connect ETIMEDOUT orders.c1abcd.eu-west-1.rds.amazonaws.com:5432',
        '    at TCPConnectWrap.afterConnect',
      ),
    );
    assert.ok(
      !findings.some((f) => f.rule === 'aws-endpoint-no-answer'),
      findings.map((f) => f.rule).join(', '),
    );
  });

  it("the task's network facts put a bare connect timeout on the network first", () => {
    const timeout = 'Error: connect ETIMEDOUT 10.0.3.17:5432';
    const bare = diagnose(logged(timeout))[0]!;
    assert.equal(bare.category, 'other', 'a bare timeout stays other first (the starter example)');
    const withFacts = diagnose({
      ...logged(timeout),
      localField: undefined,
      services: [
        {
          events: [
            { message: 'service app network: awsvpc, subnets PRIVATE_ISOLATED, assignPublicIp: DISABLED' },
          ],
        },
      ],
    })[0]!;
    assert.equal(withFacts.category, 'network-sg', `${withFacts.rule}: ${withFacts.cause}`);
  });

  it("the service's own networkConfiguration, as DescribeServices returns it, is such a fact", () => {
    const withService = (assignPublicIp: string) =>
      diagnose({
        ...logged('Error: connect ETIMEDOUT 10.0.3.17:5432'),
        localField: undefined,
        services: [
          {
            serviceName: 'app',
            networkConfiguration: {
              awsvpcConfiguration: { subnets: ['subnet-0a1'], securityGroups: ['sg-0b2'], assignPublicIp },
            },
          },
        ],
      })[0]!;
    const disabled = withService('DISABLED');
    assert.equal(disabled.category, 'network-sg', `${disabled.rule}: ${disabled.cause}`);
    assert.equal(withService('ENABLED').category, 'other', 'a task with a public IP is no such fact');
  });
});
