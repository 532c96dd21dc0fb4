import { describe } from 'node:test';
import { itNamesEach, logged, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 11, part b: the AWS platform's causes in other tools' and platforms' words: a subnet or address range with
 * no addresses left, a cloud with no capacity for the instances asked for, a registry that refuses the pull, and a
 * secret or parameter that does not exist under the name asked for.
 * Written from how each tool words it (not copied from the corpus), with routine lines around.
 */
const cases: readonly PhrasingCase[] = [
  // No addresses left in the subnet or the address range.
  {
    name: "the host-local CNI plugin's exhausted range set on Kubernetes",
    expect: 'placement-capacity',
    rule: 'subnet-addresses-exhausted',
    capture: {
      service: 'api',
      logs: {
        kubelet: [
          'Successfully assigned shop/api-7d9f8-x2k4q to ip-10-0-3-17.ec2.internal',
          'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "3f2a9c": plugin type="bridge" failed (add): failed to allocate for range 0: no IP addresses available in range set: 10.244.1.1-10.244.1.254',
        ],
      },
    },
  },
  {
    name: "Calico's IPAM allocating none of the addresses asked for",
    expect: 'placement-capacity',
    rule: 'subnet-addresses-exhausted',
    capture: {
      service: 'worker',
      logs: {
        kubelet: [
          'Pulling image "registry.acme.io/worker:2.3.1"',
          'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "8c11ee": plugin type="calico" failed (add): failed to request 1 IPv4 addresses. IPAM allocated only 0.',
        ],
      },
    },
  },
  {
    name: "Cilium's agent with a full pod range",
    expect: 'placement-capacity',
    rule: 'subnet-addresses-exhausted',
    capture: {
      service: 'web',
      logs: {
        kubelet: [
          'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "a0b1c2": plugin type="cilium-cni" failed (add): unable to allocate IP via local cilium agent: [POST /ipam][502] postIpamFailure  range is full',
        ],
      },
    },
  },
  {
    name: "AKS's pre-allocated pod addresses larger than the subnet",
    expect: 'placement-capacity',
    rule: 'subnet-addresses-exhausted',
    capture: {
      service: 'api',
      logs: {
        az: [
          'Running ..',
          '(InsufficientSubnetSize) Pre-allocated IPs 124 exceeds IPs available 59 in Subnet Cidr 10.240.0.0/26, Subnet Name aks-subnet.',
          'Code: InsufficientSubnetSize',
        ],
      },
    },
  },
  {
    name: "EC2's prefix delegation with no free /28 blocks",
    expect: 'placement-capacity',
    rule: 'subnet-addresses-exhausted',
    capture: {
      service: 'api',
      logs: {
        kubelet: [
          'Failed to create pod sandbox: plugin type="aws-cni" name="aws-cni" failed (add): add cmd: Error received from AddNetwork gRPC call: rpc error: code = Unavailable',
          'ipamd: failed to allocate a private IP/Prefix address: InsufficientCidrBlocks: The specified subnet does not have enough free cidr blocks to satisfy the request.',
        ],
      },
    },
  },

  // The cloud has no capacity for the instances asked for.
  {
    name: "Azure's allocation failure for a VM size",
    expect: 'placement-capacity',
    rule: 'ec2-capacity-insufficient',
    capture: {
      service: 'nodes',
      logs: {
        terraform: [
          'azurerm_linux_virtual_machine_scale_set.nodes: Creating...',
          'Error: creating Linux Virtual Machine Scale Set: Code="AllocationFailed" Message="Allocation failed. We do not have sufficient capacity for the requested VM size in this region. Read more about improving likelihood of allocation success at http://aka.ms/allocation-guidance"',
        ],
      },
    },
  },
  {
    name: "Compute Engine's exhausted zone",
    expect: 'placement-capacity',
    rule: 'ec2-capacity-insufficient',
    capture: {
      service: 'runners',
      logs: {
        gcloud: [
          'Creating instance(s) runner-4...',
          "ERROR: (gcloud.compute.instances.create) Could not fetch resource: - The zone 'projects/acme-ci/zones/us-central1-a' does not have enough resources available to fulfill the request.  Try a different zone, or try again later.",
        ],
      },
    },
  },
  {
    name: 'a GKE node pool stocked out',
    expect: 'placement-capacity',
    rule: 'ec2-capacity-insufficient',
    capture: {
      service: 'gpu-pool',
      logs: {
        gke: [
          'Node pool gpu-pool: scaling up from 0 to 2',
          'Instance group manager failed to create instance gke-gpu-pool-4f1a: ZONE_RESOURCE_POOL_EXHAUSTED_WITH_DETAILS',
        ],
      },
    },
  },
  {
    name: "Karpenter's launch with every instance type unavailable",
    expect: 'placement-capacity',
    rule: 'ec2-capacity-insufficient',
    capture: {
      service: 'batch',
      logs: {
        karpenter: [
          '{"level":"INFO","message":"found provisionable pod(s)","controller":"provisioner","Pods":"jobs/batch-7x2"}',
          '{"level":"ERROR","message":"failed launching nodeclaim","controller":"nodeclaim.lifecycle","error":"creating instance, insufficient capacity, all requested instance types were unavailable during launch"}',
        ],
      },
    },
  },
  {
    name: 'an EC2 Fleet that cannot fulfil its Spot request',
    expect: 'placement-capacity',
    rule: 'ec2-capacity-insufficient',
    capture: {
      service: 'workers',
      logs: {
        terraform: [
          'aws_ec2_fleet.workers: Creating...',
          'Error: creating EC2 Fleet: UnfulfillableCapacity: Unable to fulfill capacity due to your request configuration. Please adjust your request and try again.',
        ],
      },
    },
  },

  // A quota on running compute is reached.
  {
    name: "a Kubernetes namespace's ResourceQuota refusing the pod",
    expect: 'placement-capacity',
    rule: 'task-quota-reached',
    capture: {
      service: 'api',
      logs: {
        'kube-controller-manager': [
          'Scaled up replica set api-7d9f8 to 4',
          'Error creating: pods "api-7d9f8-x2k4q" is forbidden: exceeded quota: compute-resources, requested: limits.cpu=2, used: limits.cpu=8, limited: limits.cpu=8',
        ],
      },
    },
  },
  {
    name: "Compute Engine's regional CPU quota",
    expect: 'placement-capacity',
    rule: 'task-quota-reached',
    capture: {
      service: 'runners',
      logs: {
        terraform: [
          'google_compute_instance.runner[3]: Creating...',
          "Error: Error creating instance: googleapi: Error 403: Quota 'CPUS' exceeded.  Limit: 24.0 in region us-central1., quotaExceeded",
        ],
      },
    },
  },
  {
    name: "Azure's cores quota for a VM family",
    expect: 'placement-capacity',
    rule: 'task-quota-reached',
    capture: {
      service: 'nodes',
      logs: {
        az: [
          'Deployment failed. Correlation ID: 0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b.',
          'Operation could not be completed as it results in exceeding approved standardDSv3Family Cores quota. Additional details - Deployment Model: Resource Manager, Location: westeurope, Current Limit: 10, Current Usage: 8, Additional Required: 4, (Minimum) New Limit Required: 12.',
        ],
      },
    },
  },

  // The registry refused the pull.
  {
    name: "GitLab's container registry refusing the pull",
    expect: 'image-pull',
    rule: 'pull-access-denied',
    capture: logged(
      'Pulling api (registry.gitlab.com/acme/api:1.4.0)...',
      'Error response from daemon: Get "https://registry.gitlab.com/v2/acme/api/manifests/1.4.0": denied: access forbidden',
    ),
  },
  {
    name: "Harbor's refusal to a robot account without pull on the project",
    expect: 'image-pull',
    rule: 'pull-access-denied',
    capture: logged(
      'Pulling from shop/api',
      'Error response from daemon: unauthorized: unauthorized to access repository: shop/api, action: pull: unauthorized to access repository: shop/api, action: pull',
    ),
  },
  {
    name: "Podman's manifest read refused by GitLab's registry",
    expect: 'image-pull',
    rule: 'pull-access-denied',
    capture: logged(
      'Trying to pull registry.gitlab.com/acme/api:1.4.0...',
      'Error: initializing source docker://registry.gitlab.com/acme/api:1.4.0: reading manifest 1.4.0 in registry.gitlab.com/acme/api: denied: access forbidden',
    ),
  },
  {
    name: "crane's denied token for a private repository",
    expect: 'image-pull',
    rule: 'pull-access-denied',
    capture: {
      service: 'mirror',
      logs: {
        crane: [
          'crane copy ghcr.io/acme/api:1.4.0 123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.4.0',
          'Error: fetching manifest ghcr.io/acme/api:1.4.0: GET https://ghcr.io/token?scope=repository%3Aacme%2Fapi%3Apull&service=ghcr.io: DENIED: requested access to the resource is denied',
        ],
      },
    },
  },

  // The repository the image should be in does not exist in the registry.
  {
    name: "buildx's push to an ECR repository that was never created",
    expect: 'image-pull',
    rule: 'pull-manifest-not-found',
    capture: {
      service: 'api',
      logs: {
        build: [
          '#12 exporting to image',
          '#12 pushing layers 0.4s done',
          "ERROR: failed to solve: failed to push 123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.4.0: name unknown: The repository with name 'api' does not exist in the registry with id '123456789012'",
        ],
      },
    },
  },
  {
    name: "the AWS CLI's DescribeImages on a deleted repository",
    expect: 'image-pull',
    rule: 'pull-manifest-not-found',
    capture: {
      service: 'api',
      logs: {
        deploy: [
          '+ aws ecr describe-images --repository-name api --image-ids imageTag=1.4.0',
          "An error occurred (RepositoryNotFoundException) when calling the DescribeImages operation: The repository with name 'api' does not exist in the registry with id '123456789012'",
        ],
      },
    },
  },
  {
    name: "kaniko's push permission check against a missing repository",
    expect: 'image-pull',
    rule: 'pull-manifest-not-found',
    capture: {
      service: 'worker',
      logs: {
        kaniko: [
          'INFO[0000] Retrieving image manifest python:3.12-slim',
          "error checking push permissions -- make sure you entered the correct tag name, and that you are authenticated correctly, and try again: checking push permission for \"123456789012.dkr.ecr.us-east-1.amazonaws.com/worker:2.0.1\": POST https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/worker/blobs/uploads/: NAME_UNKNOWN: The repository with name 'worker' does not exist in the registry with id '123456789012'",
        ],
      },
    },
  },
  {
    name: "crane's manifest read from a self-hosted registry without the repository",
    expect: 'image-pull',
    rule: 'pull-manifest-not-found',
    capture: {
      service: 'web',
      logs: {
        crane: [
          'crane digest registry.acme.internal:5000/shop/web:3.2.0',
          'Error: fetching manifest registry.acme.internal:5000/shop/web:3.2.0: GET https://registry.acme.internal:5000/v2/shop/web/manifests/3.2.0: NAME_UNKNOWN: repository name not known to registry; map[name:shop/web]',
        ],
      },
    },
  },

  // The role's trust policy does not let the service that uses it assume it.
  {
    name: "Lambda's CreateFunction with a role it cannot assume, through Terraform",
    expect: 'secrets-iam',
    rule: 'role-not-assumable',
    capture: {
      service: 'thumbnailer',
      logs: {
        terraform: [
          'aws_lambda_function.thumbnailer: Creating...',
          'Error: creating Lambda Function (thumbnailer): operation error Lambda: CreateFunction, https response error StatusCode: 400, RequestID: 7a1b2c3d-0000-4e5f-8a9b-0c1d2e3f4a5b, InvalidParameterValueException: The role defined for the function cannot be assumed by Lambda.',
        ],
      },
    },
  },
  {
    name: "Step Functions' state machine role in a CDK deploy",
    expect: 'secrets-iam',
    rule: 'role-not-assumable',
    capture: {
      service: 'orders',
      logs: {
        cdk: [
          'OrdersStack: creating CloudFormation changeset...',
          'OrdersStack | 3/9 | 10:02:11 AM | CREATE_FAILED        | AWS::StepFunctions::StateMachine | OrdersFlow (OrdersFlow1A2B3C) Resource handler returned message: "Neither the global service principal states.amazonaws.com, nor the regional one is authorized to assume the provided role. (Service: Sfn, Status Code: 400, Request ID: 0a1b2c3d)"',
        ],
      },
    },
  },
  {
    name: "EKS's node group role without EC2 in its trust policy",
    expect: 'secrets-iam',
    rule: 'role-not-assumable',
    capture: {
      service: 'nodes',
      logs: {
        terraform: [
          'aws_eks_node_group.nodes: Creating...',
          'Error: creating EKS Node Group (prod:nodes): InvalidParameterException: Following required service principals [ec2.amazonaws.com] were not found in the trust relationships of nodeRole arn:aws:iam::123456789012:role/prod-nodes',
        ],
      },
    },
  },
  {
    name: "CloudFormation's stack service role it cannot assume",
    expect: 'secrets-iam',
    rule: 'role-not-assumable',
    capture: {
      service: 'api',
      logs: {
        deploy: [
          '+ aws cloudformation deploy --stack-name api --template-file packaged.yaml --role-arn arn:aws:iam::123456789012:role/cfn-deployer',
          'An error occurred (ValidationError) when calling the CreateChangeSet operation: Role arn:aws:iam::123456789012:role/cfn-deployer is invalid or cannot be assumed',
        ],
      },
    },
  },

  // The secret or parameter does not exist under that name.
  {
    name: "Kubernetes' missing Secret in a container's env",
    expect: 'secrets-iam',
    rule: 'secret-not-found',
    capture: {
      service: 'api',
      logs: {
        kubelet: [
          'Successfully pulled image "registry.acme.io/api:1.4.0" in 1.2s',
          'Error: secret "api-db-credentials" not found',
        ],
      },
    },
  },
  {
    name: "the Go SDK v2's GetSecretValue on a missing secret",
    expect: 'secrets-iam',
    rule: 'secret-not-found',
    capture: logged(
      '{"level":"info","msg":"loading secrets","source":"secretsmanager"}',
      '{"level":"fatal","msg":"load config: operation error Secrets Manager: GetSecretValue, https response error StatusCode: 400, RequestID: 5b1e2c3d-aaaa-bbbb-cccc-0123456789ab, ResourceNotFoundException: Secrets Manager can\'t find the specified secret."}',
    ),
  },
  {
    name: "boto3's GetSecretValue on a missing secret",
    expect: 'secrets-iam',
    rule: 'secret-not-found',
    capture: logged(
      'Traceback (most recent call last):',
      '  File "/app/settings.py", line 22, in <module>',
      '    DB = json.loads(client.get_secret_value(SecretId="prod/api/db")["SecretString"])',
      "botocore.errorfactory.ResourceNotFoundException: An error occurred (ResourceNotFoundException) when calling the GetSecretValue operation: Secrets Manager can't find the specified secret.",
    ),
  },
  {
    name: "the Java SDK's missing SSM parameter",
    expect: 'secrets-iam',
    rule: 'secret-not-found',
    capture: logged(
      '2025-03-02 10:00:01.120  INFO 1 --- [main] o.s.b.StartupInfoLogger : Starting ApiApplication',
      'Caused by: software.amazon.awssdk.services.ssm.model.ParameterNotFoundException: null (Service: Ssm, Status Code: 400, Request ID: 1f0c2a3b-4d5e-6f70-8192-a3b4c5d6e7f8)',
    ),
  },
  {
    name: "Terraform's secret version with no AWSCURRENT value",
    expect: 'secrets-iam',
    rule: 'secret-not-found',
    capture: {
      service: 'api',
      logs: {
        terraform: [
          'data.aws_secretsmanager_secret_version.db: Reading...',
          "Error: reading Secrets Manager Secret Version (arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/api-AbCdEf|AWSCURRENT): ResourceNotFoundException: Secrets Manager can't find the specified secret value for staging label: AWSCURRENT",
        ],
      },
    },
  },
];

describe('phrasings (session 11, part b)', () => {
  itNamesEach(cases);
});
