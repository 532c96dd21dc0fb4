import type { Check } from '../types.js';
import { cwdOf, pathOf } from '../services.js';
import { findProgram } from '../which.js';

/** A command that cannot be found fails at start, after the lock was taken and earlier waves were touched. */
const check: Check = {
  id: 'command',
  passes: "every service's local.command can be found",
  targets: ['local'],
  run({ stack, env }) {
    return stack.services.flatMap((s) => {
      const command = s.local?.command;
      if (!command) return [];
      const found = findProgram(command, { cwd: cwdOf(stack, s), path: pathOf(s, env) });
      if (found.found) return [];
      const location = stack.locate(['services', s.name, 'local', 'command']);
      if (found.why === 'not-executable')
        return [
          {
            message: `${s.name}: local.command ${found.path} is not executable`,
            fix: `make it executable (chmod +x ${found.path}), or run it through its interpreter (command: sh, args: [${command}])`,
            location,
          },
        ];
      return [
        {
          message:
            found.why === 'no-such-file'
              ? `${s.name}: local.command ${command} does not exist (${found.path})`
              : `${s.name}: local.command ${command} is not on PATH`,
          fix: `install ${command} or correct its name; a path with a "/" is resolved against the service's cwd (${cwdOf(stack, s)})`,
          location,
        },
      ];
    });
  },
};
export default check;
