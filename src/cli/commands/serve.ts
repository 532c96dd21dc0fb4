import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { decidePause } from '../../api/pause.js';
import type { Opened } from '../../api/open.js';
import { InvalidInputError, NotPausedError } from '../../errors.js';
import type { ServerActions } from '../../server/context.js';
import type { Store } from '../../store/store.js';
import { listen } from '../../server/listen.js';
import { withOpened } from '../setup.js';
import { interruptSignal } from './deploy.js';

interface ServeOptions {
  port: string;
  bind: string;
  actions?: boolean;
  token?: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

function portOption(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidInputError(`--port takes 0-65535, not "${value}"`);
  return n;
}

/** Actions run as the CLI would: a rollback is `convoy rollback` in its own process, with this stack file. */
function cliActions(file: string, o: Opened): ServerActions {
  const store: Store = o.store;
  return {
    async decidePause(stack, decision) {
      if (stack !== o.stack.name)
        return { notPaused: `this server answers pauses of stack ${o.stack.name} only` };
      try {
        return { decided: await decidePause(o, decision) };
      } catch (err) {
        if (err instanceof NotPausedError) return { notPaused: err.message };
        throw err;
      }
    },
    async cancelQueued(stack, id) {
      const waiting = await store.listQueue(stack, Date.now());
      if (!waiting.some((q) => q.id === id)) return false;
      await store.leaveQueue(stack, id);
      return true;
    },
    async rollback(_stack, services) {
      const child = spawn(
        process.execPath,
        [process.argv[1]!, '-f', file, 'rollback', '--json', ...services],
        {
          stdio: 'ignore',
          env: { ...process.env, CI: 'true' },
        },
      );
      child.on('error', () => undefined);
      child.unref();
      return { pid: child.pid };
    },
  };
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('an HTTP API and a live dashboard of the stack, read from its store (read-only by default)')
    .option('--port <n>', 'port to listen on', '7300')
    .option('--bind <address>', 'address to listen on; anything but loopback needs a token', '127.0.0.1')
    .option(
      '--actions',
      'allow cancelling queued deployments, starting rollbacks and answering pauses (needs a token)',
    )
    .option(
      '--token <token>',
      'required by actions, and by every request when bound beyond loopback (env CONVOY_SERVE_TOKEN)',
    )
    .action(async (opts: ServeOptions) => {
      const port = portOption(opts.port);
      const token = opts.token ?? process.env.CONVOY_SERVE_TOKEN;
      const open = !LOOPBACK.has(opts.bind);
      if (open && !token)
        throw new InvalidInputError(
          `--bind ${opts.bind} reaches beyond this machine: give --token (or CONVOY_SERVE_TOKEN)`,
        );
      if (opts.actions && !token)
        throw new InvalidInputError(
          '--actions needs --token (or CONVOY_SERVE_TOKEN): actions change deployments',
        );
      const file = program.opts().file as string;
      await withOpened(file, { readOnly: true }, async (o) => {
        const server = await listen(
          {
            store: o.store,
            stack: o.stack.name,
            now: () => o.clock.now(),
            actions: opts.actions ? cliActions(file, o) : undefined,
            token,
            tokenForReads: open,
            // Tests shorten the heartbeat; 15 s otherwise.
            heartbeatMs: Number(process.env.CONVOY_SERVE_HEARTBEAT_MS) || undefined,
          },
          opts.bind,
          port,
        );
        process.stdout.write(
          `convoy serve: dashboard of ${o.stack.name} at ${server.url} (${opts.actions ? 'actions on' : 'read-only'}); API description at ${server.url}openapi.json\n`,
        );
        const stop = interruptSignal();
        await new Promise((r) => stop.addEventListener('abort', r, { once: true }));
        await server.close();
      });
    });
}
