import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'python-module-not-found',
  category: 'app-crash',
  match: [
    {
      re: /ModuleNotFoundError: No module named '(?<module>[^']+)'|ImportError: No module named '?(?<module2>[\w.]+)/,
    },
  ],
  cause: 'The app crashed at start because the module {module,module2} is not installed in the image.',
  fix: 'Add the package to the requirements the image installs (or fix the import path / PYTHONPATH), rebuild and redeploy.',
  confidence: 0.8,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [[['log', "ModuleNotFoundError: No module named 'flask_cors'"]]],
    noMatch: [[['log', 'module loaded']]],
  },
};
export default rule;
