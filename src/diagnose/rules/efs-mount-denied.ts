import type { Rule } from '../types.js';

/*
 * The NFS server answered and refused the mount: an EFS file system policy (or an access point's) denied the
 * task's or node's identity, or the mount did not present one (`iam` mount option, the task role's
 * elasticfilesystem:ClientMount / ClientWrite missing). Phrasings: `mount.nfs4: access denied by server while
 * mounting`, efs-utils' `Access denied`, the EFS CSI driver's `Could not mount … access denied`, ECS's
 * `ResourceInitializationError: failed to invoke EFS utils commands … access denied`. A timeout is the network
 * (efs-mount-timeout); an answer that refuses is a permission.
 */
const rule: Rule = {
  id: 'efs-mount-denied',
  category: 'secrets-iam',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'serviceEvent', 'localField'],
      span: 2,
      re: /^(?=.*?(?:mount\.nfs4?|EFS utils|efs-utils|elasticfilesystem|\befs\b|MountVolume\.SetUp))(?=.*?(?:access denied by server|[Aa]ccess [Dd]enied|not authori[sz]ed to perform: elasticfilesystem:))/s,
    },
  ],
  cause:
    "{service}'s EFS mount was refused by the file system: its policy (or the access point's) does not allow this identity, or the mount presented none.",
  fix: "Mount with IAM authorisation (`iam` in the mount options, or `authorizationConfig: { iam: ENABLED }` in the task definition), give the task role (or node role) elasticfilesystem:ClientMount and ClientWrite, and check the file system policy's conditions allow that role.",
  confidence: 0.8,
  beats: ['efs-mount-timeout', 'iam-not-authorized'],
  examples: {
    match: [
      [
        [
          'log',
          'MountVolume.SetUp failed for volume "efs-pv": rpc error: code = Internal desc = Could not mount',
        ],
        ['log', 'Output: mount.nfs4: access denied by server while mounting 127.0.0.1:/'],
      ],
      [
        [
          'stoppedReason',
          "ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: b'mount.nfs4: access denied by server while mounting 127.0.0.1:/' : unsuccessful EFS utils command execution; code: 32",
        ],
      ],
    ],
    noMatch: [[['log', 'mount.nfs4: Connection timed out']]],
  },
};
export default rule;
