import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  cli,
  describeEachBackend,
  downAfterSuite,
  freePort,
  SERVER,
  stackDir,
  startCli,
  status,
  waitForOutput,
} from './helpers.js';

/*
 * Issue 19, items 1 and 5 on the local target: `convoy diff` finds a process killed by hand (exit 1) and nothing when
 * all runs as deployed (exit 0), without printing a secret; `convoy logs --follow` prints what the service writes
 * after it started, across a restart, and stops cleanly on SIGINT; an unknown service exits 3 naming the closest.
 */

const SECRET = 'drift-secret-3f9a1c77';

describeEachBackend('e2e: drift and logs on the local target', () => {
  const makeStack = downAfterSuite(async () => {
    const [apiPort, webPort] = [await freePort(), await freePort()];
    const svc = (name: string, port: number) =>
      [
        `  ${name}:`,
        '    local:',
        '      command: node',
        `      args: [${JSON.stringify(SERVER)}]`,
        `      port: ${port}`,
        `      env: { PORT: '${port}', TOKEN: { value: '${SECRET}', secret: true } }`,
        `    healthCheck: { http: { url: "http://127.0.0.1:${port}/health" }, interval: 300ms, timeout: 2s, retries: 4, startPeriod: 6s }`,
      ].join('\n');
    return stackDir('drift', [svc('api', apiPort), svc('web', webPort)]);
  });

  it('diff: exit 0 with no drift; a process killed by hand is drift (exit 1), and no secret is printed', async () => {
    const dir = await makeStack();
    assert.equal((await cli(['deploy'], { cwd: dir })).code, 0);
    const clean = await cli(['diff'], { cwd: dir });
    assert.equal(clean.code, 0, clean.stdout + clean.stderr);
    assert.match(clean.stdout, /^no drift: 2 services/);

    const api = (await status(dir)).find((s) => s.name === 'api')!;
    process.kill(-api.pid!, 'SIGKILL');
    const r = await cli(['diff'], { cwd: dir });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^api: changed outside Convoy since its last good deployment/m);
    assert.match(r.stdout, new RegExp(`^  process ${api.pid} started \\S+ is gone`, 'm'));
    assert.match(r.stdout, /^--- api \(running\)\n\+\+\+ api \(stack file\)\n@@ /m);
    assert.match(r.stdout, /^-process: gone\n\+process: running$/m);
    assert.match(r.stdout, /^ env\.TOKEN: \*\*\*$/m);
    assert.doesNotMatch(r.stdout, /^web:/m, 'web still runs as deployed');
    assert.ok(!(r.stdout + r.stderr).includes(SECRET), 'a secret value is never printed');

    const json = await cli(['diff', '--json'], { cwd: dir });
    assert.equal(json.code, 1);
    assert.ok(!json.stdout.includes(SECRET));
    const report = JSON.parse(json.stdout) as {
      drift: boolean;
      services: { name: string; drifted: boolean; changes: { field: string; live?: string }[] }[];
    };
    assert.equal(report.drift, true);
    assert.deepEqual(
      report.services.map((s) => [s.name, s.drifted]),
      [
        ['api', true],
        ['web', false],
      ],
    );
    assert.deepEqual(report.services[0]!.changes, [
      { field: 'process', live: 'gone', file: 'running', lastGood: 'running' },
    ]);

    const plan = await cli(['plan'], { cwd: dir });
    assert.match(plan.stdout, /^1 +api +change .*process gone/m);
    assert.match(plan.stdout, /^1 +web +- +\S+ +- /m);

    // Deploying again starts it: no drift left.
    assert.equal((await cli(['deploy'], { cwd: dir })).code, 0);
    assert.equal((await cli(['diff'], { cwd: dir })).code, 0);
  });

  it('logs --follow prints lines written after it started, across a restart, and stops cleanly on SIGINT', async () => {
    const dir = await makeStack();
    assert.equal((await cli(['deploy'], { cwd: dir })).code, 0);
    const follow = startCli(['logs', 'api', '--follow', '-n', '1'], { cwd: dir });
    // Its first line is the tail of what is there; wait for it, then restart the service.
    await waitForOutput(follow, /listening/);
    assert.doesNotMatch(follow.output(), /--- convoy: api/, 'the tail is one line: the header is older');
    const api = (await status(dir)).find((s) => s.name === 'api')!;
    process.kill(-api.pid!, 'SIGKILL');
    assert.equal((await cli(['deploy'], { cwd: dir })).code, 0);
    const now = (await status(dir)).find((s) => s.name === 'api')!;
    assert.notEqual(now.pid, api.pid);
    // The new process's header and its own lines: written after logs --follow started.
    await waitForOutput(follow, /--- convoy: api revision \S+ started [^\n]+---\n(.*\n)*.*listening/);
    follow.child.kill('SIGINT');
    const done = await follow.done;
    assert.equal(done.code, 0, done.stderr);
    assert.equal(done.stderr, '', 'no stack trace');

    const grep = await cli(['logs', 'api', '--grep', 'listening'], { cwd: dir });
    assert.equal(grep.code, 0);
    assert.ok(
      grep.stdout
        .trim()
        .split('\n')
        .every((l) => /listening/.test(l)),
      grep.stdout,
    );
  });

  it('an unknown service exits 3 and names the closest one; so does a bad --grep', async () => {
    const dir = await makeStack();
    const r = await cli(['logs', 'apj', '--follow'], { cwd: dir });
    assert.equal(r.code, 3);
    assert.match(r.stderr, /no service "apj" in stack drift-\S+ \(did you mean "api"\?\)/);
    const d = await cli(['diff', 'wbe'], { cwd: dir });
    assert.equal(d.code, 3);
    assert.match(d.stderr, /did you mean "web"\?/);
    const g = await cli(['logs', 'api', '--grep', '(unclosed'], { cwd: dir });
    assert.equal(g.code, 3);
    assert.match(g.stderr, /--grep takes a regular expression/);
  });
});
