import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  cli,
  events,
  freePort,
  ROOT,
  serviceYaml,
  startCli,
  tempDir,
  waitForOutput,
  writeStack,
} from './helpers.js';
import { assertCaught, assertHeaders, mistakesIn } from './mistakes.js';

// env-empty-default.yaml must run without RULES_URL; `:-` treats empty as unset.
const env = { RULES_URL: '' };

describe('convoy verify: the seeded mistakes in examples/mistakes/', () => {
  const mistakes = mistakesIn('examples/mistakes');

  it('has one stack file per mistake, each saying what is wrong and which check catches it', () => {
    assert.ok(mistakes.length >= 8, mistakes.map((m) => m.file).join(', '));
    assertHeaders(mistakes);
  });

  for (const m of mistakes) {
    it(`${m.file}: exits 3 and names ${m.expected}, with file:line:col and a fix`, async () => {
      await assertCaught(m, env);
    });
  }
});

describe('convoy verify: the clean examples pass', () => {
  const clean = [
    'alerting-platform/convoy.yaml',
    'alerting-platform/convoy.broken.yaml',
    'sandbox-broker/convoy.yaml',
    'parental-control/convoy.yaml',
  ];
  for (const f of clean) {
    it(f, async () => {
      // Their fixed ports may be in use by another test: verify must not need them.
      const r = await cli(['-f', `examples/${f}`, 'verify'], { cwd: ROOT });
      assert.equal(r.code, 0, r.stdout + r.stderr);
      assert.doesNotMatch(r.stdout, /✗/);
      assert.match(r.stdout, /✓ stack-file/);
    });
  }
});

describe('convoy deploy runs verify first, before taking the lock', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const d of dirs) await cli(['down'], { cwd: d });
  });

  it('a broken stack file exits 3 at once, even while another deployment holds the lock', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const port = await freePort();
    const good = ['stack: pre', 'services:', serviceYaml('api', { port, env: { STARTUP_DELAY: 2000 } })].join(
      '\n',
    );
    writeStack(dir, good);
    writeStack(dir, good.replace('command: node', 'command: node20'), 'broken.yaml');
    const first = startCli(['deploy'], { cwd: dir });
    await waitForOutput(first, /lock\.acquired/);
    const r = await cli(['-f', 'broken.yaml', 'deploy', '--json'], { cwd: dir });
    assert.equal(r.code, 3, r.stdout + r.stderr);
    assert.deepEqual(
      events(r.stdout).map((e) => e.code),
      ['preflight.failed'],
      'its only event is the pre-flight result: it never got near the lock',
    );
    assert.match(r.stderr, /pre-flight checks failed, nothing was deployed/);
    assert.match(r.stderr, /✗ command +broken\.yaml:\d+:\d+: api: local\.command node20 is not on PATH/);
    assert.equal((await first.done).code, 0);

    // --skip-verify deploys anyway, and the failure report explains it.
    const skipped = await cli(['-f', 'broken.yaml', 'deploy', '--skip-verify', '--json'], { cwd: dir });
    assert.equal(skipped.code, 1, skipped.stderr);
    const failed = events(skipped.stdout).find((e) => e.code === 'service.failed')!;
    const [top] = failed.findings as { category: string; cause: string }[];
    assert.equal(top?.category, 'config-env');
    assert.match(top!.cause, /node20/);
  });
});
