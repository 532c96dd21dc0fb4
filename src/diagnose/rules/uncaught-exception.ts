import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'uncaught-exception',
  category: 'app-crash',
  match: [
    {
      in: ['log', 'healthOutput'],
      re: /Traceback \(most recent call last\)|Unhandled(?:PromiseRejection| 'error' event| exception)|^panic: |Exception in thread "main"|uncaughtException|^\s*throw err;|Caused by: [\w.$]+(?:Exception|Error)\b|APPLICATION FAILED TO START/,
    },
  ],
  cause: '{service} crashed with an unhandled error; the error printed around the stack trace is the cause.',
  fix: 'Read the error in the evidence and fix the failing code path or the input it chokes on; a container health check makes such crashes fail the deployment quickly.',
  confidence: 0.5,
  examples: {
    match: [
      [['log', 'Traceback (most recent call last):']],
      [['log', "events.js:292 throw er; // Unhandled 'error' event"]],
    ],
    noMatch: [[['log', 'handled error, retrying']]],
  },
};
export default rule;
