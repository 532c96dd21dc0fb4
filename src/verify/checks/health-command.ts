import type { Service, Stack } from '../../spec/types.js';
import { healthFixFor, imageHealthProblem } from '../image.js';
import { containers, cwdOf, pathOf } from '../services.js';
import { execFormProblem, healthPrograms } from '../shell.js';
import type { Check, Problem, VerifyContext } from '../types.js';
import { findProgram } from '../which.js';

/** A health check that cannot run fails every probe, so the service never turns healthy: catch it before. */
const check: Check = {
  id: 'health-command',
  passes: 'every health check command can run where it will run',
  run(ctx) {
    return ctx.stack.services.flatMap((s) => [...onThisMachine(ctx, s), ...inImages(ctx.stack, s)]);
  },
};
export default check;

function onThisMachine({ stack, env }: VerifyContext, s: Service): Problem[] {
  const cmd = s.healthCheck?.command;
  if (!cmd || stack.target !== 'local' || !s.local) return [];
  const location = stack.locate(['services', s.name, 'healthCheck', 'command']);
  const exec = execFormProblem(cmd);
  if (exec)
    return [
      {
        message: `${s.name}: health check: ${exec}`,
        fix: `write it as ["CMD-SHELL", ${JSON.stringify(cmd.slice(1).join(' '))}]`,
        location,
      },
    ];
  return healthPrograms(cmd).flatMap((program): Problem[] => {
    const found = findProgram(program, { cwd: cwdOf(stack, s), path: pathOf(s, env) });
    if (found.found) return [];
    const why =
      found.why === 'not-on-path'
        ? 'is not on PATH on this machine'
        : found.why === 'not-executable'
          ? `is not executable (${found.path})`
          : `does not exist (${found.path})`;
    return [
      {
        message: `${s.name}: the health check runs ${program}, which ${why}: every probe would fail (exit 127) and ${s.name} would never turn healthy`,
        fix: `install ${program}, or check without it, e.g. healthCheck: { http: { url: "http://127.0.0.1:PORT/health" } } or { tcp: { port: PORT } }`,
        location,
      },
    ];
  });
}

/** ECS runs the check inside the container, so what counts is the image, not this machine. */
function inImages(stack: Stack, s: Service): Problem[] {
  const cs = containers(s);
  const main = cs.find((c) => c.essential) ?? cs[0];
  const location = stack.locate(['services', s.name, 'aws', 'taskDefinition']);
  const checks = cs.flatMap((c) => (c.image && c.healthCheck ? [{ c, cmd: c.healthCheck }] : []));
  // The stack file's own healthCheck applies to the service's main container.
  if (stack.target === 'aws' && s.healthCheck?.command && main?.image && !main.healthCheck)
    checks.push({ c: main, cmd: s.healthCheck.command });
  return checks.flatMap(({ c, cmd }) => {
    const why = imageHealthProblem(c.image!, cmd);
    return why
      ? [{ message: `${s.name}: container ${c.name}: ${why}`, fix: healthFixFor(c.image!), location }]
      : [];
  });
}
