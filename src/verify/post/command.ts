import { spawn } from 'node:child_process';
import { cannotRun, failed, passed, seconds, type Outcome } from './outcome.js';

const OUTPUT = 2000;

/**
 * A command check: it must exit with `exitCode`. A string runs in the shell, a list runs the program directly, in
 * the stack file's folder with the environment the stack was opened with.
 */
export function runCommand(
  c: { run: string | string[]; exitCode: number; timeout: number },
  at: { cwd: string; env: Record<string, string | undefined>; signal?: AbortSignal },
): Promise<Outcome> {
  return new Promise((resolve) => {
    const [prog, ...args] = Array.isArray(c.run) ? c.run : [c.run];
    const child = spawn(prog!, args, {
      cwd: at.cwd,
      env: at.env,
      shell: !Array.isArray(c.run),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: c.timeout,
      killSignal: 'SIGKILL',
      ...(at.signal ? { signal: at.signal } : {}),
    });
    let output = '';
    const keep = (b: Buffer) => {
      output = (output + b.toString('utf8')).slice(-OUTPUT);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let spawnError: NodeJS.ErrnoException | undefined;
    child.once('error', (err: NodeJS.ErrnoException) => (spawnError = err));
    child.once('close', (code, signal) => {
      const out = output.trim();
      if (spawnError?.code === 'ENOENT') return resolve(cannotRun(`could not run ${prog}: not found`));
      if (spawnError && spawnError.name !== 'AbortError')
        return resolve(cannotRun(`could not run ${prog}: ${spawnError.message}`));
      if (code === null)
        return resolve(
          failed(
            signal === 'SIGKILL' ? `did not finish within ${seconds(c.timeout)}` : `killed by ${signal}`,
            { exitCode: null, output: out },
          ),
        );
      if (code !== c.exitCode)
        return resolve(
          failed(`exited with ${code}, expected ${c.exitCode}`, { exitCode: code, output: out }),
        );
      resolve(passed(`exited with ${code} as expected`, { exitCode: code }));
    });
  });
}
