import type { Rule } from '../types.js';

/*
 * A platform component or a deployment tool crashed, not the service: a Go panic or segmentation fault whose stack
 * frames are the ECS agent's, ecs-init's, the VPC CNI's, its network policy agent's, containerd's, the kubelet's or the
 * Docker daemon's, or a client's that deploys the stack (Docker Compose, the Docker CLI, buildx, podman, Copilot,
 * ecs-cli, eksctl, Terraform and its providers); or a Python or Node programming error (`TypeError: 'NoneType' object is
 * not iterable`) whose frames are a deployment tool's own (docker-compose v1, the AWS CLI, the SAM CLI, the EB CLI,
 * sceptre, cfn-lint, the Serverless Framework's and the CDK CLI's lib). Without this the generic crash rules would blame the app for a bug the
 * tool's maintainers fix in a release.
 */
const rule: Rule = {
  id: 'platform-agent-crashed',
  category: 'other',
  match: [
    {
      in: ['log'],
      // Go's panics and faults; Python's and Node's programming errors (never an error the tool reports on purpose).
      re: /^panic: |^fatal error: |SIGSEGV|nil pointer dereference|^\s*(?:TypeError|AttributeError|KeyError|IndexError|UnboundLocalError|NameError|RecursionError|ReferenceError): /,
    },
    {
      in: ['log'],
      re: /(?<what>github\.com\/aws\/(?:amazon-ecs-agent|amazon-ecs-init|amazon-vpc-cni-k8s|aws-network-policy-agent|amazon-ssm-agent|copilot-cli|amazon-ecs-cli)|github\.com\/containerd\/(?:containerd|nerdctl)|k8s\.io\/kubernetes\/pkg\/kubelet|github\.com\/docker\/(?:compose|compose-cli|cli|docker\/daemon|buildx)[/.]|github\.com\/moby\/(?:moby|buildkit)\/|github\.com\/containers\/(?:libpod|podman|buildah)[/.]|github\.com\/hashicorp\/terraform(?:-provider-\w+)?\/|github\.com\/weaveworks\/eksctl\/)|File "[^"]*?[/.](?<tool>compose|awscli|samcli|ebcli|sceptre|cfnlint|ecs_deploy|troposphere|runway)[/.][^"]*", line \d+|[/\\]node_modules[/\\](?<tool2>serverless|aws-cdk|@aws-amplify[/\\]cli)[/\\]lib[/\\]/,
    },
  ],
  cause:
    "A platform component or deployment tool crashed ({what,tool,tool2}): the stack trace is the agent's, the runtime's or the tool's, not {service}'s code.",
  fix: 'Update the agent (or the AMI / add-on that ships it) or the tool to a release that fixes the crash, checking its issue tracker for the stack trace (or go back to the last version that worked); replace affected instances meanwhile.',
  confidence: 0.8,
  beats: ['segfault', 'uncaught-exception'],
  examples: {
    match: [
      [
        ['log', '  File "/code/build/docker-compose/out00-PYZ.pyz/compose.service", line 110, in containers'],
        ['log', "TypeError: 'NoneType' object is not iterable"],
      ],
      [
        [
          'log',
          '  File "/usr/local/lib/python3.8/site-packages/samcli/commands/deploy/command.py", line 42, in cli',
        ],
        ['log', "AttributeError: 'NoneType' object has no attribute 'get'"],
      ],
      [
        ['log', "TypeError: Cannot read properties of undefined (reading 'Outputs')"],
        [
          'log',
          '    at monitorStack (/usr/lib/node_modules/serverless/lib/plugins/aws/lib/monitor-stack.js:40:19)',
        ],
      ],
      [
        ['log', 'panic: runtime error: invalid memory address or nil pointer dereference'],
        ['log', 'github.com/aws/amazon-ecs-agent/agent/engine.(*DockerTaskEngine).handleDockerEvent(0xc000)'],
      ],
      [
        ['log', 'panic: runtime error: index out of range [1] with length 1'],
        ['log', 'github.com/docker/compose/v2/pkg/compose.(*convergence).ensureService(0xc000748a98)'],
      ],
      [
        ['log', 'panic: runtime error: invalid memory address or nil pointer dereference'],
        [
          'log',
          'github.com/hashicorp/terraform-provider-aws/internal/service/ecs.resourceServiceRead(0xc001)',
        ],
      ],
    ],
    noMatch: [
      [
        ['log', 'panic: runtime error: index out of range [1] with length 1'],
        ['log', 'github.com/acme/orders/internal/compose.Build(0xc000) /src/internal/compose/build.go:12'],
      ],
      [
        ['log', 'panic: runtime error: invalid memory address or nil pointer dereference'],
        ['log', 'main.handler(0xc000) /src/app/main.go:42'],
      ],
      [
        ['log', '  File "/app/orders/views.py", line 12, in create'],
        ['log', "KeyError: 'customer'"],
      ],
      [
        ['log', '  File "/usr/lib/python3/dist-packages/awscli/clidriver.py", line 207, in main'],
        [
          'log',
          'botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the DescribeStacks operation',
        ],
      ],
    ],
  },
};
export default rule;
