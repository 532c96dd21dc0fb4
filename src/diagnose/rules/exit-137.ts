import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'exit-137',
  category: 'resources-oom',
  match: [
    {
      in: ['exitCode', 'log', 'stoppedReason', 'containerReason', 'localField'],
      // The code as a field, or as Compose, Docker and supervisors print it, or the signal as process managers name it
      // (php-fpm's `exited on signal 9`, gunicorn's `was sent SIGKILL`, Go's `signal: killed`).
      re: /^137$|exited with code 137\b|exit (?:code|status):? ?137\b|Exit Code\s+137\b|ExitCode"?:\s*137\b|(?:exited|terminated|killed) (?:on|by) signal 9\b|was sent SIGKILL|terminated by SIGKILL|signal: killed$/i,
      // ECS killing its own awslogs set-up when the logs endpoint does not answer is not the app's memory.
      not: /logger args|logging driver/i,
    },
  ],
  cause: 'The container was killed with SIGKILL (exit code 137), most often by the out-of-memory killer.',
  fix: "Check the task's memory use against its limit and raise the limit if it ran at the top; if memory was fine, ECS killed it while stopping (e.g. after failed health checks) and the stop reason says why.",
  confidence: 0.5,
  examples: {
    match: [[['exitCode', '137']], [['log', 'elasticsearch exited with code 137']]],
    noMatch: [[['exitCode', '1']], [['log', 'worker exited with code 1370 jobs done']]],
  },
};
export default rule;
