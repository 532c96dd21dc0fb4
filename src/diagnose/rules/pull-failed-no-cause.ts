import type { Rule } from '../types.js';
import { NETWORK_FACTS } from '../network-facts.js';

/*
 * A pull that failed with no cause at all: a bare `CannotPullContainerError` (or one that ends at `Error response from
 * daemon`). A registry that answers says why (not found, denied, unauthorized, toomanyrequests, a 5xx), and those
 * words are read by the image rules; with nothing quoted, no answer came back, which is most often the task's path to
 * the registry (a security group without egress, no route to S3 for ECR's layers). Kept weak, so the image reading
 * stays next to it in the ranking; a task stated to have no way out (no public IP, isolated subnets) raises it.
 */
const rule: Rule = {
  id: 'pull-failed-no-cause',
  category: 'network-sg',
  match: [
    {
      in: ['stoppedReason', 'containerReason', 'serviceEvent'],
      re: /^\s*(?:Task failed to start\s*\(?\s*)?(?<what>CannotPull(?:ECR)?ContainerError)(?::\s*(?:Error response from daemon:?\s*)?)?\)?\s*\.?\s*$/,
    },
  ],
  cause:
    "{service}'s image pull failed with no cause quoted ({what} alone): no answer came back from the registry, which most often means the task has no network path to it.",
  fix: "Check the task's path to the registry first (security group egress on 443, a NAT or public IP, the ECR API, DKR and S3 endpoints in a private subnet); if the path is open, check the image name and the execution role's ECR permissions.",
  confidence: 0.3,
  support: [{ re: NETWORK_FACTS }],
  examples: {
    match: [
      [['stoppedReason', 'CannotPullContainerError']],
      [['containerReason', 'CannotPullContainerError: Error response from daemon']],
    ],
    noMatch: [
      [['stoppedReason', 'CannotPullContainerError: pull access denied for app, repository does not exist']],
      [['stoppedReason', 'CannotPullContainerError: context canceled']],
    ],
  },
};
export default rule;
