import type { Rule } from '../types.js';

/*
 * A shell, a build tool or a package manager reports that the process it ran was killed with SIGKILL, which inside a
 * container is almost always the memory limit: bash's `line 28:  7 Killed  java -jar app.jar` and job line `[1]+ Killed
 * node server.js`, a bare `Killed` where a build step stopped (webpack, ng build, pip, cargo), yarn's `Command failed
 * with signal "SIGKILL"`, npm's `signal SIGKILL`, make's `Killed` with `Error 137`. The kernel's own
 * `Killed process N` is oom-killed's.
 */
const rule: Rule = {
  id: 'shell-reports-killed',
  category: 'resources-oom',
  match: [
    {
      in: ['log', 'localField'],
      re: /^(?:[\w.-]+\s*\|\s*)?(?:[^\n:]{1,80}: line \d+:\s+\d+\s+)?Killed(?::? 9)?(?:\s{2,}\S[^\n]*)?\s*$|^\[\d+\][+-]?\s+Killed\s+\S|Command failed with signal "?SIGKILL|npm ERR! signal SIGKILL|\bsignal: killed\b|Error 137\b/,
    },
  ],
  cause:
    "{service}'s process was killed with SIGKILL, as the shell or tool that ran it reports: most often the container's memory limit.",
  fix: 'Give the container or build step more memory (task memory, Docker Desktop or CI runner memory), or bring the process under the limit (a smaller heap, fewer parallel jobs); the memory graph or `dmesg` shows the OOM killer when that is what it was.',
  confidence: 0.72,
  beats: ['exit-137', 'uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', 'Killed']],
      [['log', 'webpack_1         | Killed']],
      [['log', './entrypoint.sh: line 28:     7 Killed                  /app/bin/server --port 8080']],
      [['log', '[1]+  Killed                  node server.js']],
      [['log', 'error Command failed with signal "SIGKILL".']],
    ],
    noMatch: [
      [['log', 'Killed process 28451 (java) total-vm:4194304kB']],
      [['log', 'Killed 3 idle connections']],
      [['log', 'process killed by user request']],
    ],
  },
};
export default rule;
