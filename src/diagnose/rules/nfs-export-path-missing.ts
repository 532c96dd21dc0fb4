import type { Rule } from '../types.js';

/*
 * The NFS server answered and said the path asked for does not exist: the volume's root directory (an EFS
 * `rootDirectory`, a Docker NFS volume's `device`, a PersistentVolume's `path`) names a directory nobody created. The
 * server and the network are fine and nothing refused the identity; the fix is in the volume's configuration (create
 * the directory, or an access point that creates it with the app's uid). Phrasings: mount.nfs4's `reason given by
 * server: No such file or directory` inside ECS' `failed to invoke EFS utils commands`, the EFS CSI driver's and
 * kubelet's `MountVolume.SetUp failed … Output: mount.nfs: mounting …:/path failed, reason given by server: No such
 * file or directory`, Docker's local driver (`failed to mount local volume: mount :/exports/x:…, data: addr=…: no such
 * file or directory`).
 */
const rule: Rule = {
  id: 'nfs-export-path-missing',
  category: 'config-env',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'serviceEvent', 'localField'],
      span: 2,
      re: /mount(?:\.nfs4?)?: mounting (?<path>[^\n]+?:\/\S*) failed, reason given by server: No such file or directory|failed to mount local volume: mount (?<path2>\S*:\/\S*?):[^\n]*?\baddr=[^\n]*?: no such file or directory/,
    },
  ],
  cause:
    "{service}'s NFS / EFS volume asks for {path,path2|a path} on the server, and the server says that directory does not exist.",
  fix: "Point the volume's root directory (EFS `rootDirectory`, the NFS volume's device path, the PersistentVolume's path) at a directory that exists, or create it first, e.g. with an EFS access point whose creation info makes it with the app's uid and gid, and redeploy.",
  confidence: 0.8,
  examples: {
    match: [
      [
        [
          'stoppedReason',
          "ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: b'mount.nfs4: mounting fs-0abc.efs.eu-west-1.amazonaws.com:/grafana failed, reason given by server: No such file or directory' : unsuccessful EFS utils command execution; code: 32",
        ],
      ],
      [
        [
          'log',
          'Output: mount.nfs: mounting fs-12345678.efs.us-east-1.amazonaws.com:/data failed, reason given by server: No such file or directory',
        ],
      ],
      [
        [
          'log',
          "Error response from daemon: error while mounting volume '/var/lib/docker/volumes/media/_data': failed to mount local volume: mount :/exports/media:/var/lib/docker/volumes/media/_data, flags: 0x400, data: addr=10.0.0.5: no such file or directory",
        ],
      ],
    ],
    noMatch: [
      [['log', 'mount.nfs4: access denied by server while mounting 127.0.0.1:/']],
      [['log', 'mount.nfs4: Connection timed out']],
      [['log', 'exec /docker-entrypoint.sh: no such file or directory']],
    ],
  },
};
export default rule;
