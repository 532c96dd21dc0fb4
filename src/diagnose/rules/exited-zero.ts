import type { Rule } from '../types.js';

/*
 * The service's process ended by itself with success (status 0) while it was meant to keep running: ECS's essential
 * container stopping with exit code 0, Compose's `web-1 exited with code 0`, `docker ps`'s `Exited (0)`, a server's
 * supervisor logging its worker `exited with code 0`. Nothing killed it and it reported no error: the command in the
 * image finishes (the wrong image or CMD, a one-off script, a server that forks into the background) or the program
 * quits on its own, so the fix is the image or the program. When another container or line exited non-zero, that
 * one is the story and this rule stays out, as when the container never started (its 0 means nothing).
 */
const rule: Rule = {
  id: 'exited-zero',
  category: 'app-crash',
  match: [
    { in: ['exitCode', 'log', 'containerReason'], re: /^0$|\bexited with code 0(?![\d.])|\bExited \(0\)/ },
  ],
  unless: [
    { in: ['exitCode'], re: /^-?[1-9]/ },
    { in: ['log', 'containerReason'], re: /\bexited with code [1-9]|\bExited \([1-9]/ },
    // A container that never started also reports 0.
    {
      in: ['stoppedReason', 'containerReason'],
      re: /CannotPull|CannotStart|ResourceInitializationError|OutOfMemory/,
    },
  ],
  cause:
    "{service}'s main process ended by itself with exit code 0: nothing killed it, it simply finished, so there was nothing left running to serve.",
  fix: "Check that the deployed image is the service's (not a build or one-off image) and that its CMD/ENTRYPOINT runs the server in the foreground (no `daemon`/background mode, no script that returns); run the image locally with the same command and see whether it stays up.",
  confidence: 0.35,
  examples: {
    match: [
      [
        ['stoppedReason', 'Essential container in task exited'],
        ['exitCode', '0'],
      ],
      [['log', 'web-1 exited with code 0']],
      [
        [
          'log',
          'CONTAINER ID   IMAGE   COMMAND   CREATED   STATUS   abc123   api:1   "node"   1 min ago   Exited (0) 5 seconds ago',
        ],
      ],
    ],
    noMatch: [
      [
        ['exitCode', '0'],
        ['exitCode', '1'],
      ],
      [['log', 'web-1 exited with code 1']],
      [['log', 'worker exited with code 0.5s ago']],
    ],
  },
};
export default rule;
