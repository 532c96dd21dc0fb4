import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'node-module-not-found',
  category: 'app-crash',
  // CommonJS's `Error: Cannot find module` and ESM's `Error [ERR_MODULE_NOT_FOUND]: Cannot find module`.
  match: [{ re: /Error(?: \[ERR_MODULE_NOT_FOUND\])?: Cannot find module '(?<module>[^']+)'/ }],
  cause:
    'The app crashed at start because the image lacks the module {module}: the build did not copy or install it.',
  fix: 'Fix the image build (COPY the missing file, install production dependencies, check the entrypoint path against WORKDIR) and redeploy.',
  confidence: 0.8,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [[['log', "Error: Cannot find module './branch-cleanup'"]]],
    noMatch: [[['log', 'Cannot find the page']]],
  },
};
export default rule;
