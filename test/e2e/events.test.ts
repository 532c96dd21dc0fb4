import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ConvoyEventSchema } from '../../src/engine/events.js';
import {
  cli,
  describeEachBackend,
  downAfterSuite,
  freePort,
  serviceYaml,
  sleep,
  stackDir,
  startCli,
  waitForOutput,
  type CliResult,
} from './helpers.js';

/**
 * Issue 12, "done when": a second process running `convoy events --follow --json` on the same store sees every
 * event of a deployment another process runs, its queue events included, in order and with no gaps; killed and
 * restarted with `--after`, it goes on from its last seq with nothing lost and nothing doubled.
 */

/** Complete lines only: a process killed mid-write may leave half a line, which it never finished printing. */
function lines(stdout: string): string[] {
  return stdout
    .split('\n')
    .slice(0, -1)
    .filter((l) => l.startsWith('{'));
}

const seqOf = (line: string) => (JSON.parse(line) as { seq: number }).seq;
const codeOf = (line: string) => (JSON.parse(line) as { code: string }).code;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

async function slowStackDir(): Promise<string> {
  const port = await freePort();
  return stackDir('events', [
    serviceYaml('api', {
      port,
      // Slow enough that the second deployment, a new CLI process with its own pre-flight, queues behind the first
      // even on a loaded 2-core machine (where starting it took over 2 s).
      env: { STARTUP_DELAY: 8000, VERSION: '${VERSION:-1}' },
      health: `{ http: { url: "http://127.0.0.1:${port}/health" }, interval: 300ms, timeout: 1s, retries: 3, startPeriod: 20s }`,
    }),
  ]);
}

async function untilPrinted(run: { output: () => string; done: Promise<CliResult> }, seq: number) {
  await waitForOutput(run, new RegExp(`"seq":${seq},`));
}

describeEachBackend(
  'convoy events: another process follows the stream with a cursor',
  () => {
    const slowStack = downAfterSuite(slowStackDir);

    it('sees every event of a deployment and of one queued behind it, in order, across a kill and --after', async () => {
      const dir = await slowStack();
      const first = startCli(['events', '--follow', '--json'], { cwd: dir });
      const a = startCli(['deploy', '--json', '--correlation-id', 'a'], { cwd: dir });
      await waitForOutput(a, /"code":"lock.acquired"/);
      const b = startCli(['deploy', '--json', '--wait-lock', '60s', '--correlation-id', 'b'], {
        cwd: dir,
        env: { VERSION: '2' },
      });

      // The follower has seen b's place in the queue, while a still deploys: kill it there, mid-stream.
      await waitForOutput(first, /"code":"lock.waiting"/);
      first.child.kill('SIGKILL');
      await first.done;
      const before = lines(first.output());
      const last = seqOf(before.at(-1)!);
      const second = startCli(['events', '--follow', '--json', '--after', String(last)], { cwd: dir });

      const [ra, rb] = await Promise.all([a.done, b.done]);
      assert.equal(ra.code, 0, ra.stderr);
      assert.equal(rb.code, 0, rb.stderr);
      const full = await cli(['events', '--json'], { cwd: dir });
      assert.equal(full.code, 0, full.stderr);
      const stream = lines(full.stdout);
      await untilPrinted(second, seqOf(stream.at(-1)!));
      await sleep(700); // a poll or so more: nothing may follow the last event
      second.child.kill('SIGTERM');
      const r2 = await second.done;
      assert.equal(r2.code, 0, `SIGTERM ends --follow cleanly: ${r2.stderr}`);
      const after = lines(r2.stdout);

      // Nothing lost, nothing doubled: the two followers together printed the stream, line for line.
      assert.deepEqual(stream.map(seqOf), range(1, stream.length), 'seqs 1, 2, 3… with no gaps');
      assert.deepEqual(before.map(seqOf), range(1, last));
      assert.ok(last < stream.length - 3, `killed mid-stream: at ${last} of ${stream.length}`);
      assert.deepEqual([...before, ...after], stream);

      // Both deployments' events, b's queue events among them, each valid against the one schema.
      const codes = stream.map(codeOf);
      for (const code of [
        'preflight.passed',
        'lock.queued',
        'lock.waiting',
        'deploy.succeeded',
        'lock.released',
      ])
        assert.ok(codes.includes(code), `${code} in ${codes.join(', ')}`);
      assert.equal(codes.filter((c) => c === 'deploy.succeeded').length, 2);
      for (const l of stream) ConvoyEventSchema.parse(JSON.parse(l));

      // `deploy --json` printed exactly stored events: each of its lines is the stream's line of that seq.
      for (const r of [ra, rb]) {
        const printed = lines(r.stdout);
        assert.ok(printed.length > 3);
        for (const l of printed) assert.equal(l, stream[seqOf(l) - 1]);
        const seqs = printed.map(seqOf);
        assert.deepEqual(
          seqs,
          [...seqs].sort((x, y) => x - y),
        );
      }
    });
  },
  { moto: true },
);
