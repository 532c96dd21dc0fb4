import type { Rule } from '../types.js';

/*
 * Python read a variable the container was not given: `os.environ['db']` in the traceback (or os.py's `__getitem__`
 * frame) and then `KeyError: 'db'`. env-var-not-set reads the KeyError alone when the name looks like a variable
 * (upper case with an underscore); this reads the lookup itself, so lower-case or one-word names (`db`, `token`,
 * `PORT`) are settings too, not a crash in the code.
 */
const rule: Rule = {
  id: 'environ-lookup-failed',
  category: 'config-env',
  match: [
    {
      in: ['log', 'localField'],
      re: /os\.environ\[\\?['"][\w.-]+\\?['"]\]|File "[^"]*\/os\.py", line \d+, in __getitem__/,
    },
    { in: ['log', 'localField'], re: /^\s*(?:\S+ +\| +)?KeyError: \\?['"](?<key>[^'"\\]+)\\?['"]\s*$/ },
  ],
  cause:
    '{service} read the environment variable `{key}` with os.environ[…], and the container was not given it.',
  fix: "Set `{key}` in the service's environment (or secrets) in the spec / task definition, or have the code use os.environ.get with a default, and redeploy.",
  confidence: 0.82,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero', 'worker-crashed'],
  examples: {
    match: [
      [
        ['log', "    db = Database(os.environ['db'], user=os.environ['pg_user'])"],
        ['log', "KeyError: 'db'"],
      ],
      [
        ['log', '  File "/usr/local/lib/python3.11/os.py", line 679, in __getitem__'],
        ['log', "KeyError: 'token'"],
      ],
    ],
    noMatch: [
      [
        ['log', "    config = settings['db']"],
        ['log', "KeyError: 'db'"],
      ],
      [['log', "    host = os.environ['DB_HOST']"]],
    ],
  },
};
export default rule;
