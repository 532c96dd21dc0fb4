import type { Rule } from '../types.js';

/*
 * An NFS mount that gets no answer or is cut off (Fargate's `failed to invoke EFS utils commands to set up EFS volumes
 * … mount.nfs4: Connection timed out`, a host's own `mount.nfs: Connection timed out`, `mount.nfs4: Connection reset by
 * peer`, `No route to host`, efs-utils' `Failed to resolve "fs-….efs.…"` with the VPC's DNS hostnames off) found no
 * route to the file system's mount target on 2049: its security group does not admit the task or instance, or there is
 * no mount target in that subnet's zone. A missing file system or access point answers instead, so a timeout is the
 * network.
 */
const rule: Rule = {
  id: 'efs-mount-timeout',
  category: 'network-sg',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'serviceEvent', 'localField'],
      span: 2,
      // A timeout, a connection the mount target's side cut (reset by peer), no route, or the mount target's name
      // not resolving inside the VPC.
      re: /^(?=.*?(?:mount\.nfs4?|EFS utils|efs-utils|amazon-efs-mount-watchdog|mount -t (?:efs|nfs)))(?=.*?(?:[Cc]onnection timed out|timed out|\btimeout\b|[Cc]onnection reset by peer|[Nn]o route to host|Failed to resolve "?fs-[0-9a-f]+\.efs\.))/,
    },
  ],
  cause:
    "{service}'s NFS (EFS) mount got no answer, or its connection was cut, on port 2049 at the file system's mount target.",
  fix: "Allow inbound NFS (TCP 2049) in the EFS mount target's security group from the task's or instance's security group (or the VPC's CIDR), allow it outbound from them, and check there is a mount target in every subnet's availability zone the tasks run in.",
  confidence: 0.75,
  examples: {
    match: [
      [['log', 'mount.nfs: Connection timed out']],
      [['stoppedReason', 'mount.nfs4: Connection reset by peer']],
      [
        [
          'stoppedReason',
          'ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: Failed to resolve "fs-0a1b2c3d.efs.eu-west-1.amazonaws.com" - check that your file system ID is correct',
        ],
      ],
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
      [['log', 'read tcp 10.0.1.5:443: connection reset by peer']],
    ],
  },
};
export default rule;
