import type { Command } from 'commander';
import { Emitter } from '../../engine/emitter.js';
import { ExitCode, InvalidInputError } from '../../errors.js';
import { Notifier, type SenderResult } from '../../notify/index.js';
import { parseDuration } from '../../spec/schema.js';
import { deployOutput } from '../output.js';
import { cliEnv, withOpened } from '../setup.js';

function line(r: SenderResult): string {
  const head = `${r.channel}: sent ${r.sent}, delivered up to seq ${r.seq}`;
  switch (r.outcome) {
    case 'done':
      return `${head}; nothing left`;
    case 'stopped':
      return `${head}; stopped by the time limit, the rest is left for later`;
    case 'busy':
      return `${r.channel}: another convoy is sending (${r.holder}); it delivers the rest`;
    case 'paused':
      return `${head}; the receiver still fails (${r.message}), the rest is left for later`;
  }
}

export function register(program: Command): void {
  const notify = program
    .command('notify')
    .description("the stack's notification channels (the stack file's notify: block)");

  notify
    .command('flush')
    .description('send every stored event a channel still lacks, in order (what a killed convoy left over)')
    .option('--timeout <duration>', 'give up after this long; what is left stays for later', '2m')
    .option('--json', 'notify.failed events as JSON lines')
    .action(async (opts: { timeout: string; json?: boolean }) => {
      let timeoutMs: number;
      try {
        timeoutMs = parseDuration(opts.timeout);
      } catch {
        throw new InvalidInputError(`--timeout takes a duration such as 30s or 2m, not "${opts.timeout}"`);
      }
      await withOpened(program.opts().file, {}, async (o) => {
        const events = Emitter.forStack(o.stack, o.store, o.clock);
        const out = deployOutput({ json: opts.json }, cliEnv());
        for (const s of out.subscribers) events.subscribe(s);
        const results = await new Notifier(o.stack, o.store, {
          report: (f) => events.emit({ code: 'notify.failed', ...f }),
          recovered: (r) => events.emit({ code: 'notify.recovered', ...r }),
        }).flush(timeoutMs, () => events.flush());
        await events.flush();
        out.finish();
        for (const r of results) process.stderr.write(`convoy: ${line(r)}\n`);
        if (results.some((r) => r.outcome === 'paused' || r.outcome === 'stopped'))
          process.exitCode = ExitCode.deployFailed;
      });
    });

  notify
    .command('test')
    .description('send a test message to each channel and print what it answered')
    .action(async () => {
      await withOpened(program.opts().file, {}, async (o) => {
        if (!o.stack.notify?.length) throw new InvalidInputError('the stack file has no notify: channels');
        const results = await Notifier.test(o.stack, o.store);
        for (const r of results)
          process.stdout.write(`${r.channel}: ${r.ok ? 'ok' : 'FAILED'}: ${r.answer}\n`);
        if (results.some((r) => !r.ok)) process.exitCode = ExitCode.deployFailed;
      });
    });
}
