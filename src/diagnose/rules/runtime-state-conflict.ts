import type { Rule } from '../types.js';

/*
 * The container runtime's own records contradict each other: one layer says a container, task, sandbox or endpoint is
 * gone while the next says it is still there. dockerd asking containerd to delete a container it does not have, then
 * containerd refusing to start one because `task … already exists` (a containerd.io or runc package upgraded under a
 * running daemon); runc's `container with given ID already exists`; the CRI plugin's and CRI-O's names still reserved
 * for a sandbox or container that died (`failed to reserve container name`, `error reserving ctr name`); libnetwork's
 * stale `endpoint with name … already exists in network`; a container stuck `marked for removal`; Podman's database
 * pointing at a temporary directory that a reboot replaced. Nothing the user wrote produced the record, so the fix is on
 * the host (restart or pin the runtime, clear the stale entry), not in the service. A name clash the user made
 * (`Conflict. The container name … is already in use`) is not this: that is an ordinary leftover container.
 */
const rule: Rule = {
  id: 'runtime-state-conflict',
  category: 'other',
  match: [
    {
      in: ['stoppedReason', 'containerReason', 'serviceEvent', 'log'],
      not: /Conflict\. The container name|is already in use by container/,
      re: /(?<what>failed to delete (?:container|task) from containerd: no such (?:container|task)|\btask [0-9a-f]{3,}(?:\.\.\.|…)? already exists|container with (?:given )?id (?:already )?exists|failed to reserve (?:container|sandbox) name [^\n]*?is reserved for|error reserving (?:ctr|pod) name [^\n]*?name is reserved|endpoint with name [\w.-]+ already exists in network|is marked for removal and cannot be started|removal of container [0-9a-f]+ is already in progress|does not match our libpod (?:temporary files directory|static directory|tmpdir|graph root))/i,
    },
  ],
  cause:
    "The container runtime's own state is inconsistent ({what}): one layer of Docker, containerd, runc or the CRI still holds a record the other has dropped; nothing in {service}'s definition made it.",
  fix: 'Restart the runtime (systemctl restart containerd docker, or crio / podman system migrate), remove the stale container, task or endpoint (docker rm -f, docker network disconnect -f, crictl rm), and if it began after a containerd.io, runc or Docker package update, pin the previous version or upgrade the set together; reboot or replace the host if it persists.',
  confidence: 0.6,
  beats: ['essential-exited-nonzero', 'local-exit-nonzero', 'platform-fault'],
  examples: {
    match: [
      [
        ['log', 'level=error msg="cleanup: failed to delete container from containerd: no such container"'],
        [
          'log',
          'Error response from daemon: failed to create task for container: failed to start shim: task 3f2a9c1d already exists: unknown',
        ],
      ],
      [
        [
          'log',
          'Error: failed to create containerd container: failed to reserve container name "web_api-7d9c_default_0b1e_0": name "web_api-7d9c_default_0b1e_0" is reserved for "4c1f0a"',
        ],
      ],
      [
        [
          'log',
          'Error: Kubelet may be retrying requests that are timing out in CRI-O due to system load. Currently at stage container creation: context deadline exceeded: error reserving ctr name k8s_api_api-5d_default_1_0 for id 9ac3: name is reserved',
        ],
      ],
      [['log', 'runc create failed: container with given ID already exists']],
      [['log', 'Error response from daemon: endpoint with name api already exists in network bridge']],
      [['log', 'Error response from daemon: container 8a1f2c is marked for removal and cannot be started']],
    ],
    noMatch: [
      [
        [
          'log',
          'docker: Error response from daemon: Conflict. The container name "/api" is already in use by container "8a1f2c". You have to remove (or rename) that container to be able to reuse that name.',
        ],
      ],
      [['log', 'Error: No such container: api']],
      [['serviceEvent', 'Resource handler returned message: "Log group /ecs/api already exists"']],
    ],
  },
};
export default rule;
