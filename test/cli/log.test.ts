import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cli, freePort, SERVER, stackDir } from '../e2e/helpers.js';

/** Issue 14, structured logs: `--log-format json --log-file` writes one pino line per event with its context. */

const SECRET = 'planted-log-secret-42';

describe('convoy deploy --log-format json --log-file', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const d of dirs) await cli(['down'], { cwd: d });
  });

  it('writes time, level, stack, correlation id, phase and service on every line, and no secret', async () => {
    const port = await freePort();
    const dir = stackDir('logs', [
      '  api:',
      '    local:',
      '      command: node',
      `      args: [${JSON.stringify(SERVER)}]`,
      `      port: ${port}`,
      `      env: { PORT: "${port}", API_TOKEN: { value: "\${API_TOKEN}", secret: true } }`,
      `    healthCheck: { http: { url: "http://127.0.0.1:${port}/health" }, interval: 300ms, retries: 4, startPeriod: 5s }`,
    ]);
    dirs.push(dir);
    const file = join(dir, 'logs/run.jsonl');
    const r = await cli(
      ['deploy', '--log-format', 'json', '--log-file', file, '--correlation-id', 'corr-7'],
      { cwd: dir, env: { API_TOKEN: SECRET } },
    );
    assert.equal(r.code, 0, r.stderr);
    const text = readFileSync(file, 'utf8');
    assert.ok(!text.includes(SECRET));
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.ok(lines.length >= 4);
    for (const l of lines) {
      assert.equal(typeof l.time, 'string');
      assert.equal(l.level, 30);
      assert.match(String(l.stack), /^logs-/);
      assert.equal(l.correlationId, 'corr-7');
      assert.ok(['lock', 'preflight', 'deploy', 'rollback', 'notify'].includes(String(l.phase)));
    }
    const ready = lines.find((l) => l.code === 'service.ready');
    assert.equal(ready?.service, 'api');
    assert.equal(ready?.phase, 'deploy');
    assert.equal(lines.at(-1)?.code, 'lock.released');
  });
});
