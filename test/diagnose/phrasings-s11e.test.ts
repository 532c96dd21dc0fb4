import { describe } from 'node:test';
import { itNamesEach, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 11, part e: causes of the AWS platform's side that round 17 showed in wordings no rule read: a registry that
 * refuses a push because the pushing identity may not write, ECR Public asked for outside the region that serves it,
 * and a service handed secrets with no role to read them. Written from how each tool words it (not copied from the
 * corpus), with routine lines around.
 */
const cases: readonly PhrasingCase[] = [
  // The registry refuses a push: the identity may read but not write.
  {
    name: "docker push's bare 403 with an empty body (ECR)",
    expect: 'secrets-iam',
    rule: 'registry-push-refused',
    capture: {
      service: 'api',
      logs: {
        deploy: [
          'Login Succeeded',
          'The push refers to repository [123456789012.dkr.ecr.eu-west-1.amazonaws.com/api]',
          '5f70bf18a086: Preparing',
          'c2adabaecedb: Preparing',
          '5f70bf18a086: Waiting',
          'error parsing HTTP 403 response body: unexpected end of JSON input: ""',
        ],
      },
    },
  },
  {
    name: "BuildKit's push refused with 403 Forbidden",
    expect: 'secrets-iam',
    rule: 'registry-push-refused',
    capture: {
      service: 'worker',
      logs: {
        buildx: [
          '#14 exporting to image',
          '#14 exporting layers done',
          '#14 pushing layers',
          'ERROR: failed to solve: failed to push 123456789012.dkr.ecr.us-east-2.amazonaws.com/worker:4.2.0: unexpected status from HEAD request to https://123456789012.dkr.ecr.us-east-2.amazonaws.com/v2/worker/blobs/sha256:9b2a4f: 403 Forbidden',
        ],
      },
    },
  },
  {
    name: "Podman's layer upload refused with 403",
    expect: 'secrets-iam',
    rule: 'registry-push-refused',
    capture: {
      service: 'web',
      logs: {
        podman: [
          'Getting image source signatures',
          'Copying blob sha256:8d3ac3489996 skipped: already exists',
          'Error: writing blob: initiating layer upload to /v2/acme/web/blobs/uploads/ in quay.io: unexpected status code 403 (Forbidden)',
        ],
      },
    },
  },
  {
    name: 'GHCR refusing a workflow token without packages: write',
    expect: 'secrets-iam',
    rule: 'registry-push-refused',
    capture: {
      service: 'api',
      logs: {
        'github-actions': [
          '#9 [stage-1 3/3] COPY --from=build /app /app',
          '#10 exporting to image',
          '#10 pushing layers 0.4s done',
          'ERROR: failed to solve: failed to push ghcr.io/acme/api:sha-7c1e2d9: denied: permission_denied: write_package',
        ],
      },
    },
  },
  {
    name: 'GHCR refusing an app installation an organisation package',
    expect: 'secrets-iam',
    rule: 'registry-push-refused',
    capture: {
      service: 'api',
      logs: {
        'github-actions': [
          'The push refers to repository [ghcr.io/acme/api]',
          'a1b2c3d4e5f6: Preparing',
          'denied: installation not allowed to Write organization package',
        ],
      },
    },
  },
  {
    name: 'Artifact Registry refusing the upload permission to docker push',
    expect: 'secrets-iam',
    rule: 'registry-push-refused',
    capture: {
      service: 'api',
      logs: {
        cloudbuild: [
          'Step #1: The push refers to repository [europe-west1-docker.pkg.dev/acme/apps/api]',
          'Step #1: 0d5f5a015e5d: Preparing',
          'Step #1: denied: Permission "artifactregistry.repositories.uploadArtifacts" denied on resource "projects/acme/locations/europe-west1/repositories/apps" (or it may not exist)',
        ],
      },
    },
  },
  {
    name: "kaniko's push permission check refused",
    expect: 'secrets-iam',
    rule: 'registry-push-refused',
    capture: {
      service: 'api',
      logs: {
        kaniko: [
          'INFO[0000] Retrieving image manifest node:20-alpine',
          'error checking push permissions -- make sure you entered the correct tag name, and that you are authenticated correctly, and try again: checking push permission for "gitlab.example.com:5050/acme/api:1.8.0": POST https://gitlab.example.com:5050/v2/acme/api/blobs/uploads/: DENIED: access forbidden',
        ],
      },
    },
  },

  // ECR Public's API (and its login) is served from us-east-1 only.
  {
    name: "amazon-ecr-login's Node SDK looking for ECR Public in another region",
    expect: 'image-pull',
    rule: 'ecr-public-region',
    capture: {
      service: 'ci',
      logs: {
        'github-actions': [
          'Run aws-actions/amazon-ecr-login@v2',
          'Logging into registry public.ecr.aws',
          'Error: getaddrinfo ENOTFOUND api.ecr-public.eu-central-1.amazonaws.com',
        ],
      },
    },
  },
  {
    name: "the AWS CLI's get-login-password for ECR Public in eu-west-1",
    expect: 'image-pull',
    rule: 'ecr-public-region',
    capture: {
      service: 'build',
      logs: {
        codebuild: [
          '[Container] 2026/03/02 10:14:07 Running command aws ecr-public get-login-password --region $AWS_REGION | docker login --username AWS --password-stdin public.ecr.aws',
          '',
          'Could not connect to the endpoint URL: "https://api.ecr-public.eu-west-1.amazonaws.com/"',
          'Error: Cannot perform an interactive login from a non TTY device',
        ],
      },
    },
  },
  {
    name: "the Go SDK's token call for ECR Public from ap-south-1 (Terraform)",
    expect: 'image-pull',
    rule: 'ecr-public-region',
    capture: {
      service: 'infra',
      logs: {
        terraform: [
          'data.aws_ecrpublic_authorization_token.token: Reading...',
          'Error: reading ECR Public Authorization Token: operation error ECR PUBLIC: GetAuthorizationToken, exceeded maximum number of attempts, 25, https response error StatusCode: 0, RequestID: , request send failed, Post "https://api.ecr-public.ap-south-1.amazonaws.com/": dial tcp: lookup api.ecr-public.ap-south-1.amazonaws.com on 10.0.0.2:53: no such host',
        ],
      },
    },
  },
  {
    name: "boto3's endpoint error for ECR Public in ap-northeast-1",
    expect: 'image-pull',
    rule: 'ecr-public-region',
    capture: {
      service: 'release',
      logs: {
        release: [
          'INFO Found credentials in environment variables.',
          'Traceback (most recent call last):',
          '  File "/app/release.py", line 41, in login_public',
          '    token = ecr_public.get_authorization_token()',
          'botocore.exceptions.EndpointConnectionError: Could not connect to the endpoint URL: "https://api.ecr-public.ap-northeast-1.amazonaws.com/"',
        ],
      },
    },
  },

  // Secrets handed to a service that has no role to read them with.
  {
    name: 'App Runner without an instance role, through Terraform',
    expect: 'secrets-iam',
    rule: 'execution-role-required',
    capture: {
      service: 'web',
      logs: {
        terraform: [
          'aws_apprunner_service.web: Creating...',
          'Error: creating App Runner Service (web): operation error AppRunner: CreateService, https response error StatusCode: 400, RequestID: 5d1c, InvalidRequestException: Instance Role have to be provided if passing in RuntimeEnvironmentSecrets.',
        ],
      },
    },
  },
  {
    name: 'App Runner without an instance role, through CloudFormation',
    expect: 'secrets-iam',
    rule: 'execution-role-required',
    capture: {
      service: 'web',
      stackEvents: [
        {
          LogicalResourceId: 'WebService',
          ResourceType: 'AWS::AppRunner::Service',
          ResourceStatus: 'CREATE_FAILED',
          ResourceStatusReason:
            'Resource handler returned message: "Instance Role have to be provided if passing in RuntimeEnvironmentSecrets. (Service: AppRunner, Status Code: 400, Request ID: 0f3e)" (RequestToken: 77aa, HandlerErrorCode: InvalidRequest)',
        },
      ],
    },
  },
  {
    name: 'App Runner without an instance role, through the AWS CLI',
    expect: 'secrets-iam',
    rule: 'execution-role-required',
    capture: {
      service: 'web',
      logs: {
        deploy: [
          '+ aws apprunner create-service --cli-input-json file://service.json',
          'An error occurred (InvalidRequestException) when calling the CreateService operation: Instance Role have to be provided if passing in RuntimeEnvironmentSecrets.',
        ],
      },
    },
  },
];

describe('session 11 part e phrasings: registry push, ECR Public region, roles for secrets', () => {
  itNamesEach(cases);
});
