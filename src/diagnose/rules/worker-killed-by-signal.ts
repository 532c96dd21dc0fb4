import type { Rule } from '../types.js';

/*
 * A process supervisor that stayed up reports one of its children killed with SIGKILL: the kernel's OOM killer (or the
 * container's memory limit) took the child, not a bug in it. Phrasings: gunicorn (`Worker (pid:538) was sent SIGKILL!
 * Perhaps out of memory?`), uWSGI (`DAMN ! worker 1 (pid: 42) died, killed by signal 9 :(`), php-fpm (`child 10
 * exited on signal 9 (SIGKILL)`), Celery (`Worker exited prematurely: signal 9 (SIGKILL)`), PM2 (`exited with code
 * [null] via signal [SIGKILL]`), Puma and Unicorn (`worker … terminated/reaped … SIGKILL`). Outranks the generic
 * "worker crashed" reading, whose WORKER TIMEOUT often comes first in the same log.
 */
const rule: Rule = {
  id: 'worker-killed-by-signal',
  category: 'resources-oom',
  match: [
    {
      in: ['log', 'localField', 'stoppedReason', 'containerReason'],
      re: /Perhaps out of memory\?|\b(?:worker|child|process|pid)\b[^\n]{0,80}?(?:killed by|exited on|terminated by|terminated with|died (?:of|from|with)|via) signal:? \[?(?:9\b|SIGKILL)|Worker exited prematurely: signal 9|\bApp \[[^\]\n]{1,80}\] exited with code \[\w+\] via signal \[SIGKILL\]|reaped[^\n]{0,60}SIGKILL/i,
    },
  ],
  cause:
    'A worker of {service} was killed with SIGKILL while its supervisor stayed up: the memory limit (the OOM killer) took it, not a bug in the code.',
  fix: "Give the task more memory, or run fewer workers / threads per container (each worker holds its own copy of the app); check the container's memory graph against its limit.",
  confidence: 0.84,
  beats: [
    'worker-crashed',
    'exit-137',
    'uncaught-exception',
    'essential-exited-nonzero',
    'local-exit-nonzero',
  ],
  examples: {
    match: [
      [['log', '[ERROR] Worker (pid:538) was sent SIGKILL! Perhaps out of memory?']],
      [['log', 'DAMN ! worker 3 (pid: 3212) died, killed by signal 9 :( trying respawn ...']],
      [['log', 'WARNING: [pool www] child 10 exited on signal 9 (SIGKILL) after 271.56 seconds from start']],
      [
        [
          'log',
          'billiard.exceptions.WorkerLostError: Worker exited prematurely: signal 9 (SIGKILL) Job: 12.',
        ],
      ],
      [['log', 'PM2 | App [api:0] exited with code [null] via signal [SIGKILL]']],
    ],
    noMatch: [
      [['log', '[INFO] Handling signal: term']],
      [['log', 'DAMN ! worker 1 (pid: 18) died :( trying respawn ...']],
      [['log', 'child 12 exited with code 0 after 10 seconds from start']],
    ],
  },
};
export default rule;
