import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../../src/diagnose/index.js';
import { createLocalTarget } from '../../../src/targets/local/local-target.js';
import { freePort, healthCheck, service, unit, useLocalTarget } from './helpers.js';

/** evidence(): what `convoy diagnose SERVICE` and the failure report read from the local target. */
describe('local target: evidence', () => {
  const local = useLocalTarget({ stopGraceMs: 1000 });

  // The start period keeps a slow start (a loaded machine) from counting as a failure; a pass ends it early.
  const web = (port: number, env: Record<string, string>, startPeriod = 5000) =>
    service(
      'web',
      { command: process.execPath, args: [local.server], env: { PORT: String(port), ...env } },
      {
        healthCheck: healthCheck({
          http: { url: `http://127.0.0.1:${port}/health` },
          retries: 2,
          startPeriod,
        }),
      },
    );

  it('keeps the failed run (health output, check, logs) even after a rollback restarts the service', async () => {
    const port = await freePort();
    const bad = unit(
      web(port, { STATUS: '503', BODY: 'rule cache failed to load: RULES_URL not set' }, 2000),
      'rev2',
    );
    await local.target.start(bad);
    const verdict = await local.target.awaitGate(bad, 'healthy', { timeoutMs: 5000 });
    assert.equal(verdict.ok, false);

    const during = (await local.target.evidence!('web')) as {
      local: Record<string, unknown>;
      failedAt: string;
    };
    assert.equal(during.local.healthOutput, 'HTTP 503: rule cache failed to load: RULES_URL not set');
    assert.equal(during.local.check, `http GET http://127.0.0.1:${port}/health`);
    assert.equal(during.local.reason, 'unhealthy');
    assert.ok((during.local.logs as string[]).some((l) => l.includes('hello from web revision rev2')));
    assert.ok(!Number.isNaN(Date.parse(during.failedAt)));

    // The rollback: the previous revision comes back and is healthy.
    const good = unit(web(port, {}), 'rev1');
    await local.target.start(good);
    assert.equal((await local.target.awaitGate(good, 'healthy', { timeoutMs: 5000 })).ok, true);
    const after = await local.target.evidence!('web');
    assert.deepEqual(after, during);
    assert.equal(diagnose(after)[0]?.category, 'config-env');
  });

  it('describes a current run that exited, with its exit code', async () => {
    const port = await freePort();
    const u = unit(web(port, { EXIT_AFTER_MS: '50', EXIT_CODE: '3' }));
    await local.target.start(u);
    const deadline = Date.now() + 10_000;
    while ((await local.target.status(['web']))[0]?.health !== 'stopped' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 25));
    const e = (await local.target.evidence!('web')) as { local: Record<string, unknown> };
    assert.equal(e.local.exitCode, 3);
    assert.equal(e.local.health, 'stopped');
    assert.equal(diagnose(e)[0]?.category, 'app-crash');
  });

  it('probes a running service once, and says when it is healthy', async () => {
    const port = await freePort();
    const u = unit(web(port, {}));
    await local.target.start(u);
    assert.equal((await local.target.awaitGate(u, 'healthy', { timeoutMs: 5000 })).ok, true);
    const e = (await local.target.evidence!('web')) as { local: Record<string, unknown> };
    assert.equal(e.local.health, 'healthy');
    assert.equal(e.local.healthOutput, 'HTTP 200: ok');
  });

  it('says when it never started the service, and ignores another stack sharing the folder', async () => {
    const port = await freePort();
    const other = createLocalTarget({
      env: process.env,
      dir: local.dir,
      stack: 'otherstack',
      stopGraceMs: 1000,
    });
    const u = unit(web(port, { EXIT_AFTER_MS: '10', EXIT_CODE: '1' }), 'r', 'otherstack');
    await other.start(u);
    assert.equal((await other.awaitGate(u, 'healthy', { timeoutMs: 5000 })).ok, false);
    const e = (await local.target.evidence!('web')) as { local: Record<string, unknown> };
    assert.match(String(e.local.message), /has not started web/);
    await other.down();
  });
});
