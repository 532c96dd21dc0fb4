import type { Rule } from '../types.js';

/*
 * An NFS mount that times out (Fargate's `failed to invoke EFS utils commands to set up EFS volumes … mount.nfs4:
 * Connection timed out`, a host's own `mount.nfs: Connection timed out`) found no route to the file system's mount
 * target on 2049: its security group does not admit the task or instance, or there is no mount target in that subnet's
 * zone. A missing file system or access point answers instead, so a timeout is the network.
 */
const rule: Rule = {
  id: 'efs-mount-timeout',
  category: 'network-sg',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'serviceEvent', 'localField'],
      span: 2,
      re: /^(?=.*?(?:mount\.nfs4?|EFS utils|efs-utils|amazon-efs-mount-watchdog|mount -t (?:efs|nfs)))(?=.*?(?:[Cc]onnection timed out|timed out|\btimeout\b))/,
    },
  ],
  cause:
    "{service}'s NFS (EFS) mount timed out: nothing answered on port 2049 at the file system's mount target.",
  fix: "Allow inbound NFS (TCP 2049) in the EFS mount target's security group from the task's or instance's security group (or the VPC's CIDR), allow it outbound from them, and check there is a mount target in every subnet's availability zone the tasks run in.",
  confidence: 0.75,
  examples: {
    match: [
      [['log', 'mount.nfs: Connection timed out']],
      [
        [
          'stoppedReason',
          "ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: b'mount.nfs4: Connection timed out' : unsuccessful EFS utils command execution; code: 32",
        ],
      ],
    ],
    noMatch: [
      [['log', 'mount.nfs4: access denied by server while mounting 127.0.0.1:/']],
      [['log', 'Error: connect ETIMEDOUT 10.0.1.5:5432']],
    ],
  },
};
export default rule;
