import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeCheck, runProbe } from '../../../src/targets/local/probe.js';
import { alive, freePort, healthCheck, tempDir, waitFor, withinConfigured } from './helpers.js';

describe('runProbe http', () => {
  let server: http.Server;
  let base: string;
  before(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/ok') return res.end('fine');
      if (req.url === '/moved') return res.writeHead(302, { location: '/nowhere' }).end();
      if (req.url === '/hang') return; // never answers
      res.writeHead(503).end('database unreachable: ' + 'x'.repeat(500));
    });
    await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('passes on 2xx and 3xx, reporting status and body start', async () => {
    assert.deepEqual(await pick(healthCheck({ http: { url: `${base}/ok` } })), {
      ok: true,
      output: 'HTTP 200: fine',
    });
    assert.deepEqual(await pick(healthCheck({ http: { url: `${base}/moved` } })), {
      ok: true,
      output: 'HTTP 302',
    });
  });

  it('fails on other statuses with the first 200 characters of the body', async () => {
    const r = await pick(healthCheck({ http: { url: `${base}/bad` } }));
    assert.equal(r.ok, false);
    assert.match(r.output, /^HTTP 503: database unreachable: x+$/);
    assert.equal(r.output.length, 'HTTP 503: '.length + 200);
  });

  it('honours expectStatus', async () => {
    assert.equal((await pick(healthCheck({ http: { url: `${base}/bad`, expectStatus: [503] } }))).ok, true);
    assert.equal((await pick(healthCheck({ http: { url: `${base}/ok`, expectStatus: [204] } }))).ok, false);
  });

  it('reports the connection error', async () => {
    const port = await freePort();
    const r = await pick(healthCheck({ http: { url: `http://127.0.0.1:${port}/health` } }));
    assert.deepEqual(r, { ok: false, output: `connect ECONNREFUSED 127.0.0.1:${port}` });
  });

  it('fails a probe that exceeds the timeout', async () => {
    const t0 = Date.now();
    const r = await pick(healthCheck({ http: { url: `${base}/hang` }, timeout: 300 }));
    assert.deepEqual(r, { ok: false, output: 'timed out after 300ms' });
    withinConfigured(Date.now() - t0, 300, 'probe timeout'); // /hang never answers
  });
});

describe('runProbe tcp', () => {
  it('passes when something listens and reports refusal otherwise', async () => {
    const server = http.createServer().listen(0, '127.0.0.1');
    await new Promise((res) => server.once('listening', res));
    const { port } = server.address() as { port: number };
    try {
      assert.deepEqual(await pick(healthCheck({ tcp: { host: '127.0.0.1', port } })), {
        ok: true,
        output: `connected to 127.0.0.1:${port}`,
      });
    } finally {
      server.close();
    }
    await new Promise((res) => setTimeout(res, 20));
    assert.deepEqual(await pick(healthCheck({ tcp: { host: '127.0.0.1', port } })), {
      ok: false,
      output: `connect ECONNREFUSED 127.0.0.1:${port}`,
    });
  });
});

describe('runProbe command', () => {
  it('runs CMD without a shell', async () => {
    const r = await pick(
      healthCheck({ command: ['CMD', process.execPath, '-e', 'console.log("ready"); process.exit(0)'] }),
    );
    assert.deepEqual(r, { ok: true, output: 'exit 0: ready' });
  });

  it('reports a missing CMD program', async () => {
    const r = await pick(healthCheck({ command: ['CMD', 'no-such-probe-xyz'] }));
    assert.deepEqual(r, { ok: false, output: 'spawn no-such-probe-xyz ENOENT' });
  });

  it('runs CMD-SHELL with /bin/sh and keeps stdout+stderr and the exit code', async () => {
    const r = await pick(healthCheck({ command: ['CMD-SHELL', 'echo out; echo err >&2; exit 3'] }));
    assert.equal(r.ok, false);
    assert.match(r.output, /^exit 3: out\s+err$/);
    const missing = await pick(healthCheck({ command: ['CMD-SHELL', 'no-such-cmd-xyz --fast'] }));
    assert.match(missing.output, /^exit 127: \/bin\/sh: .*no-such-cmd-xyz: (command )?not found$/);
  });

  it('keeps only the last kilobyte of output', async () => {
    const r = await pick(
      healthCheck({ command: ['CMD-SHELL', 'head -c 5000 /dev/zero | tr "\\0" a; echo END; exit 1'] }),
    );
    assert.ok(r.output.endsWith('aaaEND'));
    assert.ok(r.output.length <= 'exit 1: '.length + 1024);
  });

  it('passes the service env and cwd', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const r = await runProbe(
        healthCheck({
          command: ['CMD-SHELL', 'test "$GREETING" = hi && test "$(pwd -P)" = "$(cd "$EXPECT" && pwd -P)"'],
        }),
        {
          env: { GREETING: 'hi', EXPECT: dir },
          cwd: dir,
        },
      );
      assert.equal(r.ok, true, r.output);
    } finally {
      cleanup();
    }
  });

  it('kills the whole process group on timeout', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const pidFile = join(dir, 'bg.pid');
      const t0 = Date.now();
      const r = await pick(
        healthCheck({
          command: ['CMD-SHELL', `sleep 30 & echo $! > ${pidFile}; echo started; sleep 30`],
          timeout: 300,
        }),
      );
      withinConfigured(Date.now() - t0, 300, 'probe timeout'); // the command would run 30 s
      assert.deepEqual(r, { ok: false, output: 'timed out after 300ms: started' });
      const bg = Number(readFileSync(pidFile, 'utf8'));
      await waitFor('background sleep to die', () => !alive(bg), 2000);
    } finally {
      cleanup();
    }
  });
});

describe('describeCheck', () => {
  it('names the check the way a person would write it', () => {
    assert.equal(
      describeCheck(healthCheck({ http: { url: 'http://127.0.0.1:8080/health' } })),
      'http GET http://127.0.0.1:8080/health',
    );
    assert.equal(
      describeCheck(healthCheck({ tcp: { host: '127.0.0.1', port: 5432 } })),
      'tcp 127.0.0.1:5432',
    );
    assert.equal(
      describeCheck(healthCheck({ command: ['CMD-SHELL', 'curl -fs http://x/'] })),
      'CMD-SHELL curl -fs http://x/',
    );
    assert.equal(
      describeCheck(healthCheck({ command: ['CMD', 'pg_isready', '-U', 'my user'] })),
      "CMD pg_isready -U 'my user'",
    );
  });
});

async function pick(hc: Parameters<typeof runProbe>[0]) {
  const { ok, output } = await runProbe(hc);
  return { ok, output };
}
