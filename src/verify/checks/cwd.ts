import { statSync } from 'node:fs';
import type { Check } from '../types.js';
import { cwdOf } from '../services.js';

const check: Check = {
  id: 'cwd',
  passes: 'every local.cwd is an existing folder',
  targets: ['local'],
  run({ stack }) {
    return stack.services.flatMap((s) => {
      if (s.local?.cwd === undefined) return [];
      const dir = cwdOf(stack, s);
      let isDir = false;
      try {
        isDir = statSync(dir).isDirectory();
      } catch {
        // Missing: reported below.
      }
      if (isDir) return [];
      return [
        {
          message: `${s.name}: local.cwd ${s.local.cwd} is not an existing folder (${dir})`,
          fix: `create ${dir}, or correct cwd; a relative cwd is resolved against the stack file's folder (${stack.dir})`,
          location: stack.locate(['services', s.name, 'local', 'cwd']),
        },
      ];
    });
  },
};
export default check;
