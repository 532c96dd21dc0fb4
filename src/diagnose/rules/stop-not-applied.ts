import type { Rule } from '../types.js';

// One line that says by itself that a stop the orchestrator asked for did not happen.
const STOP_FAILED =
  /Could not transition to stopped|did not receive an exit event|Cannot (?:stop|kill) container: [0-9a-f]+: permission denied|KillContainerError|failed to "KillPodSandbox"/;
// The orchestrator's own record that it stopped the container.
const STOP_SENT = /\(RUNNING->STOPPED\)|Stopping container\b|Killing container with (?:id|a grace period)/;
// `docker ps` still listing the container as running (a health state in brackets is a different story).
const STILL_UP =
  /\bUp (?:\d+|About an?|Less than a) (?:seconds?|minutes?|hours?|days?|weeks?)\b(?! \((?:unhealthy|health: starting)\))/;

/*
 * The orchestrator stopped a container and the runtime did not: the ECS agent logs the task going RUNNING->STOPPED
 * while `docker ps` still shows the container Up, or says it `Could not transition to stopped`; Docker's `tried to kill
 * container, but did not receive an exit event` and its AppArmor-blocked `Cannot kill container: …: permission
 * denied`; the kubelet's `KillContainerError`. A contradiction between the agent's record and the host's is an agent
 * or runtime fault (a release that regressed, a hung daemon), and it shows as new tasks stuck PENDING because the old
 * one still holds the instance's ports and memory; nothing in the service's definition causes it.
 */
const rule: Rule = {
  id: 'stop-not-applied',
  category: 'other',
  match: [
    {
      in: ['log', 'serviceEvent', 'stoppedReason'],
      re: new RegExp(`(?<what>${STOP_FAILED.source}|${STOP_SENT.source})`),
    },
    {
      in: ['log', 'serviceEvent', 'stoppedReason'],
      re: new RegExp(`${STOP_FAILED.source}|${STILL_UP.source}`),
    },
  ],
  cause:
    "The container runtime did not carry out a stop the orchestrator asked for ({what}), so the old container of {service} keeps running and holds the instance's ports and memory: an agent or runtime fault, not the service.",
  fix: 'Stop the leftover container by hand (docker stop / docker rm -f, or restart the Docker daemon), then update the ECS agent (or kubelet, containerd, Docker) past the release with the bug, or go back to the last version that worked; drain and replace the instance if it recurs.',
  confidence: 0.6,
  beats: ['platform-fault'],
  examples: {
    match: [
      [
        [
          'log',
          '[INFO] Stopping container module="TaskEngine" task="web:12 arn:aws:ecs:us-east-1:1:task/abc, Status: (RUNNING->STOPPED)"',
        ],
        [
          'log',
          '3f1c2b7a9d0e   1.dkr.ecr.us-east-1.amazonaws.com/web:12   "npm start"   25 minutes ago   Up 25 minutes   0.0.0.0:32768->8080/tcp   ecs-web-12-web-9a8b',
        ],
      ],
      [
        [
          'log',
          "[INFO] DockerTimeoutError for 'docker stop' of container; ignoring state change; task: web:3 Status: (RUNNING->STOPPED) error: Could not transition to stopped; timed out after waiting 1m0s",
        ],
      ],
      [
        [
          'log',
          'Error response from daemon: cannot stop container: web: tried to kill container, but did not receive an exit event',
        ],
      ],
      [['log', 'Error response from daemon: Cannot kill container: 3f1c2b7a9d0e: permission denied']],
    ],
    noMatch: [
      [
        ['log', '[INFO] Stopping container module="TaskEngine" task="web:12", Status: (RUNNING->STOPPED)'],
        [
          'log',
          '3f1c2b7a9d0e   web:12   "npm start"   2 minutes ago   Up 2 minutes (unhealthy)   8080/tcp   web',
        ],
      ],
      [
        [
          'log',
          '3f1c2b7a9d0e   web:12   "npm start"   2 minutes ago   Up 2 minutes   0.0.0.0:8080->8080/tcp   web',
        ],
      ],
    ],
  },
};
export default rule;
