import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { systemClock } from '../../../src/core/clock.js';
import type { HttpCheckSpec } from '../../../src/spec/post-checks.js';
import type { PostCheck } from '../../../src/spec/types.js';
import type { Target } from '../../../src/targets/target.js';
import { BODY_LIMIT, readLimited } from '../../../src/verify/post/body.js';
import { runCommand } from '../../../src/verify/post/command.js';
import { runHttp } from '../../../src/verify/post/http.js';
import { valueAtPath } from '../../../src/verify/post/json-path.js';
import { latencyFigures, overBudget, percentile } from '../../../src/verify/post/latency.js';
import { runLog } from '../../../src/verify/post/log.js';
import { unreachable } from '../../../src/verify/post/outcome.js';
import { runTcp } from '../../../src/verify/post/tcp.js';
import { searchLog } from '../../../src/targets/local/log-search.js';
import { freePort } from '../../ports.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A real HTTP server on 127.0.0.1 that plays the runbook's endpoints. */
let base = '';
let server: http.Server;
let quoteCalls = 0;
before(async () => {
  const cached = new Set<string>();
  server = http.createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-headers': 'Content-Type, X-Sandbox-Key' });
      return res.end();
    }
    if (path === '/json') {
      res.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-limit': '100' });
      return res.end(JSON.stringify({ status: 'ok', items: [{ id: 3 }, { id: 4 }] }));
    }
    if (path === '/text') return res.writeHead(200).end('plain words');
    if (path === '/down') return res.writeHead(503).end('{"status":"down"}');
    if (path === '/big') {
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 'a');
      for (let i = 0; i < 48; i++) if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
      return res.end();
    }
    if (path === '/slow') {
      await sleep(60);
      return res.writeHead(200).end('slow');
    }
    if (path === '/cached') {
      if (!cached.has(req.url ?? '')) await sleep(150);
      cached.add(req.url ?? '');
      return res.writeHead(200).end('cached');
    }
    if (path === '/slower') {
      // Every call slower than the one before: a cache that does not work.
      await sleep(50 + 100 * quoteCalls++);
      return res.writeHead(200).end('not cached');
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

function httpCheck(
  p: Omit<Partial<HttpCheckSpec>, 'expect'> & { expect?: Partial<HttpCheckSpec['expect']> },
): HttpCheckSpec {
  return {
    method: 'GET',
    url: `${base}/json`,
    headers: {},
    timeout: 5_000,
    ...p,
    expect: { headers: {}, body: {}, secondCallFaster: false, ...p.expect },
  };
}

describe('post check: http', () => {
  it('passes on a 2xx with the headers and body fields expected', async () => {
    const o = await runHttp(
      httpCheck({
        expect: { status: 200, headers: { 'X-RateLimit-Limit': '100' }, body: { '$.items[0].id': 3 } },
      }),
    );
    assert.equal(o.status, 'passed', o.message);
  });

  it('fails on a wrong status, keeping the response', async () => {
    const o = await runHttp(httpCheck({ url: `${base}/down` }));
    assert.equal(o.status, 'failed');
    assert.match(o.message, /status 503, expected 200–399/);
    assert.equal(o.response?.status, 503);
    assert.equal(o.response?.bodyExcerpt, '{"status":"down"}');
  });

  it('names a missing header, and a header without the value wanted', async () => {
    const missing = await runHttp(httpCheck({ expect: { headers: { 'X-Cache': true } } }));
    assert.equal(missing.status, 'failed');
    assert.match(missing.message, /header X-Cache is missing/);
    const preflight = await runHttp(
      httpCheck({ method: 'OPTIONS', expect: { headers: { 'Access-Control-Allow-Headers': 'X-Other' } } }),
    );
    assert.match(preflight.message, /header Access-Control-Allow-Headers is "Content-Type, X-Sandbox-Key"/);
    const absent = await runHttp(httpCheck({ expect: { headers: { 'X-RateLimit-Limit': false } } }));
    assert.match(absent.message, /expected it absent/);
  });

  it('compares body fields by JSON path, and says when the body is not JSON', async () => {
    const wrong = await runHttp(httpCheck({ expect: { body: { '$.status': 'degraded' } } }));
    assert.match(wrong.message, /body \$\.status is "ok", expected "degraded"/);
    const missing = await runHttp(httpCheck({ expect: { body: { '$.items[5].id': 1 } } }));
    assert.match(missing.message, /body \$\.items\[5\]\.id is missing/);
    const text = await runHttp(httpCheck({ url: `${base}/text`, expect: { body: { '$.a': 1 } } }));
    assert.match(text.message, /not JSON/);
  });

  it('measures latency over N requests and fails over its budget', async () => {
    const o = await runHttp(httpCheck({ url: `${base}/slow`, latency: { p95: 1, requests: 5 } }));
    assert.equal(o.status, 'failed');
    assert.equal(o.latency?.requests, 5);
    assert.match(o.message, /p95 latency [\d.]+ ms over 5 requests exceeds its budget of 1 ms/);
    const ok = await runHttp(httpCheck({ latency: { p99: 60_000, requests: 5 } }));
    assert.equal(ok.status, 'passed', ok.message);
    assert.equal(ok.latency?.requests, 5);
  });

  it('checks that a second call is faster (a fresh URL every run, so the cache starts cold)', async () => {
    const spec = httpCheck({ url: `${base}/cached`, expect: { secondCallFaster: true } });
    assert.equal((await runHttp(spec)).status, 'passed');
    assert.equal((await runHttp(spec)).status, 'passed', 'a second run starts cold again');
    const slower = await runHttp(httpCheck({ url: `${base}/slower`, expect: { secondCallFaster: true } }));
    assert.equal(slower.status, 'failed');
    assert.match(slower.message, /not faster than the first/);
  });

  it('says it could not connect, in its own words, rather than "failed"', async () => {
    const port = await freePort();
    const o = await runHttp(httpCheck({ url: `http://127.0.0.1:${port}/` }));
    assert.equal(o.status, 'cannot-run');
    assert.equal(o.message, `could not connect: ECONNREFUSED 127.0.0.1:${port}`);
  });

  it('reads a body up to 1 MB and no further', async () => {
    const res = await fetch(`${base}/big`);
    const body = await readLimited(res);
    assert.equal(body.bytes, BODY_LIMIT);
    assert.equal(body.text.length, BODY_LIMIT);
    assert.equal(body.truncated, true);
    const o = await runHttp(httpCheck({ url: `${base}/big`, expect: { status: 201 } }));
    assert.equal(o.response?.bodyExcerpt.length, 500);
  });
});

describe('post check: names for errors that stop a check from running', () => {
  it('phrases DNS failures and refusals', () => {
    const dns = Object.assign(new Error('getaddrinfo ENOTFOUND api.invalid'), {
      code: 'ENOTFOUND',
      hostname: 'api.invalid',
    });
    assert.equal(
      unreachable(new TypeError('fetch failed', { cause: dns })),
      'could not resolve the host name: ENOTFOUND api.invalid',
    );
    assert.equal(unreachable(new Error('something else')), undefined);
  });
});

describe('post check: tcp', () => {
  it('passes when something accepts, and cannot run on a refused port', async () => {
    const listener = net.createServer((s) => s.destroy());
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    try {
      const port = (listener.address() as AddressInfo).port;
      assert.equal((await runTcp({ host: '127.0.0.1', port, timeout: 5_000 })).status, 'passed');
    } finally {
      listener.close();
    }
    const closed = await freePort();
    const o = await runTcp({ host: '127.0.0.1', port: closed, timeout: 5_000 });
    assert.equal(o.status, 'cannot-run');
    assert.equal(o.message, `could not connect: ECONNREFUSED 127.0.0.1:${closed}`);
  });
});

describe('post check: command', () => {
  const at = { cwd: process.cwd(), env: { PATH: process.env.PATH } };
  it('passes on the exit code expected, fails on another with its output', async () => {
    assert.equal((await runCommand({ run: 'exit 3', exitCode: 3, timeout: 10_000 }, at)).status, 'passed');
    const o = await runCommand({ run: 'echo broken >&2; exit 2', exitCode: 0, timeout: 10_000 }, at);
    assert.equal(o.status, 'failed');
    assert.equal(o.message, 'exited with 2, expected 0');
    assert.equal(o.output, 'broken');
  });

  it('cannot run a program that does not exist', async () => {
    const o = await runCommand({ run: ['convoy-no-such-program'], exitCode: 0, timeout: 10_000 }, at);
    assert.equal(o.status, 'cannot-run');
    assert.match(o.message, /convoy-no-such-program: not found/);
  });

  it('fails a command that runs past its time limit', async () => {
    const o = await runCommand({ run: ['sleep', '30'], exitCode: 0, timeout: 300 }, at);
    assert.equal(o.status, 'failed');
    assert.match(o.message, /did not finish within 300 ms/);
  });
});

describe('post check: log', () => {
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const lines = [
    `--- convoy: worker revision abc started ${iso(now - 120_000)} ---`,
    'no time here',
    `${iso(now - 90_000)} worker ERROR old`,
    `--- convoy: worker revision def started ${iso(now - 10_000)} ---`,
    `${iso(now - 5_000)} worker ERROR one`,
    `${iso(now - 4_000)} worker job done`,
    `${iso(now - 3_000)} worker ERROR two`,
  ];
  const target = {
    kind: 'local',
    searchLogs: async (_: string, o: { sinceMs: number; literal?: string }) => searchLog(lines, o),
    logs: async () => lines.slice(-2),
  } as unknown as Target;
  const log = (l: Partial<NonNullable<PostCheck['log']>>) => ({
    service: 'worker',
    match: 'x',
    per: 60_000,
    ...l,
  });

  it('dates a line by its own leading time, else by its run’s start', () => {
    assert.deepEqual(
      searchLog(lines, { sinceMs: now - 100_000 }).map((l) => l.line),
      lines.slice(2).filter((l) => !l.startsWith('---')),
    );
    assert.equal(searchLog(lines, { sinceMs: 0, literal: 'no time' })[0]?.at, now - 120_000);
  });

  it('finds a line that must appear, and fails after its time limit when it does not', async () => {
    const at = { target, clock: systemClock, sinceMs: 0 };
    assert.equal((await runLog(log({ match: 'job done', within: 30_000 }), at)).status, 'passed');
    const o = await runLog(log({ match: 'job finished', within: 600 }), at);
    assert.equal(o.status, 'failed');
    assert.match(o.message, /worker did not log \/job finished\/ within 600 ms/);
  });

  it('counts a line that may appear at most k times per window, from sinceMs on', async () => {
    const at = { target, clock: systemClock, sinceMs: now - 60_000 };
    assert.equal((await runLog(log({ match: 'ERROR', atMost: 2 }), at)).status, 'passed');
    const o = await runLog(log({ match: 'ERROR', atMost: 1 }), at);
    assert.equal(o.status, 'failed');
    assert.match(o.message, /appeared 2 times in worker's log in the last 60s \(at most 1 allowed\)/);
  });

  it('cannot run on a target that cannot search logs', async () => {
    const o = await runLog(log({ within: 1 }), {
      target: { kind: 'x' } as Target,
      clock: systemClock,
      sinceMs: 0,
    });
    assert.equal(o.status, 'cannot-run');
  });
});

describe('post check: JSON paths and percentiles', () => {
  it('reads $.name and [index] steps and refuses anything else', () => {
    const doc = { a: { b: [{ c: 1 }] } };
    assert.equal(valueAtPath(doc, '$.a.b[0].c'), 1);
    assert.deepEqual(valueAtPath(doc, '$'), doc);
    assert.equal(valueAtPath(doc, '$.a.x.y'), undefined);
    assert.throws(() => valueAtPath(doc, '$..c'), /unknown JSON path syntax/);
  });

  it('takes nearest-rank percentiles and names the first one over budget', () => {
    const d = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    assert.equal(
      percentile(
        [...d].sort((a, b) => a - b),
        50,
      ),
      5,
    );
    assert.equal(
      percentile(
        [...d].sort((a, b) => a - b),
        95,
      ),
      10,
    );
    const f = latencyFigures(d, { p50: 6, p95: 9, requests: 10 });
    assert.equal(overBudget(f), 'p95 latency 10 ms over 10 requests exceeds its budget of 9 ms');
    assert.deepEqual(f.budget, { p50: 6, p95: 9 });
  });
});
