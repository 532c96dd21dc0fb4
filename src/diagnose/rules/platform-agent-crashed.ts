import type { Rule } from '../types.js';

/*
 * A platform component crashed, not the service: a Go panic or segmentation fault whose stack frames are the ECS
 * agent's, ecs-init's, the VPC CNI's, its network policy agent's, containerd's or the kubelet's. Without this the
 * generic crash rules would blame the app for a bug the agent's maintainers fix in a release.
 */
const rule: Rule = {
  id: 'platform-agent-crashed',
  category: 'other',
  match: [
    { in: ['log'], re: /^panic: |^fatal error: |SIGSEGV|nil pointer dereference/ },
    {
      in: ['log'],
      re: /(?<what>github\.com\/aws\/(?:amazon-ecs-agent|amazon-ecs-init|amazon-vpc-cni-k8s|aws-network-policy-agent|amazon-ssm-agent)|github\.com\/containerd\/containerd|k8s\.io\/kubernetes\/pkg\/kubelet)/,
    },
  ],
  cause:
    "A platform component crashed ({what}): the stack trace is the agent's or the runtime's, not {service}'s code.",
  fix: 'Update the agent (or the AMI / add-on that ships it) to a release that fixes the crash, checking its issue tracker for the stack trace; replace the affected instances meanwhile.',
  confidence: 0.8,
  beats: ['segfault', 'uncaught-exception'],
  examples: {
    match: [
      [
        ['log', 'panic: runtime error: invalid memory address or nil pointer dereference'],
        ['log', 'github.com/aws/amazon-ecs-agent/agent/engine.(*DockerTaskEngine).handleDockerEvent(0xc000)'],
      ],
    ],
    noMatch: [
      [
        ['log', 'panic: runtime error: invalid memory address or nil pointer dereference'],
        ['log', 'main.handler(0xc000) /src/app/main.go:42'],
      ],
    ],
  },
};
export default rule;
