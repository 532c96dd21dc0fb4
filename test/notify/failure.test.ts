import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import {
  cli,
  describeEachBackend,
  downAfterSuite,
  freePort,
  serviceYaml,
  stackDir,
  startCli,
} from '../e2e/helpers.js';
import { SlackHookStandIn, SlackStandIn } from './receivers.js';

/**
 * A failed deployment as Slack shows it (the failure broadcast from the thread, the parent's outcome, the incoming
 * webhook's milestones), `convoy notify test`, and the deployment's outcome when every receiver is unreachable.
 */

const TOKEN = 'xoxb-failure-test-token';
const HOOK_PATH = '/services/T0/B0/planted-hook-secret';

async function failingStack(): Promise<string> {
  const [p1, p2] = [await freePort(), await freePort()];
  return stackDir(
    'notifyfail',
    [
      serviceYaml('db', { port: p1 }),
      serviceYaml('api', {
        port: p2,
        dependsOn: ['db'],
        env: { HEALTHY: 'false', UNHEALTHY_REASON: 'planted failure' },
        health: `{ http: { url: "http://127.0.0.1:${p2}/health" }, interval: 300ms, timeout: 1s, retries: 2, startPeriod: 1s }`,
      }),
    ],
    [
      'notify:',
      '  team:',
      '    slack: { token: "${SLACK_TOKEN}", channel: "#deploys", apiUrl: "${SLACK_URL}/api/", mention: "<!here>" }',
      '  hook:',
      '    slackWebhook: { url: "${SLACK_HOOK_URL}" }',
    ],
  );
}

describeEachBackend('notifications of a failed deployment', () => {
  let slack: SlackStandIn;
  let hook: SlackHookStandIn;
  let env: Record<string, string>;
  const stack = downAfterSuite(failingStack);

  before(async () => {
    slack = await new SlackStandIn(TOKEN, { '#deploys': 'C0DEPLOYS' }).listen();
    hook = await new SlackHookStandIn(HOOK_PATH).listen();
    env = { SLACK_TOKEN: TOKEN, SLACK_URL: slack.url, SLACK_HOOK_URL: `${hook.url}${HOOK_PATH}` };
  });
  after(async () => {
    await slack.close();
    await hook.close();
  });

  it('broadcasts the failure from the thread and puts the outcome on the parent; the webhook gets milestones', async () => {
    slack.messages.length = hook.texts.length = 0;
    const dir = await stack();
    const r = await cli(['deploy'], { cwd: dir, env });
    assert.equal(r.code, 1, r.stderr);
    const flush = await cli(['notify', 'flush'], { cwd: dir, env });
    assert.equal(flush.code, 0, flush.stderr);
    const [parent, ...others] = slack.parents('C0DEPLOYS');
    assert.equal(others.length, 0);
    assert.match(parent!.text, /^:x: \*notifyfail-\S+\* failed at api .*rolled back: api/);
    const replies = slack.replies(parent!);
    const failed = replies.filter((m) => /api failed \(unhealthy\)/.test(m.text));
    assert.equal(failed.length, 1);
    assert.equal(failed[0]!.broadcast, true, 'a failure is also shown in the channel');
    assert.ok(replies.some((m) => /api rolled back/.test(m.text) && !m.broadcast));
    assert.ok(replies.some((m) => /db healthy/.test(m.text) && !m.broadcast));
    assert.deepEqual(
      hook.texts.map((t) => t.split(' ')[0]),
      [':hourglass_flowing_sand:', ':red_circle:', ':x:'],
      hook.texts.join('\n'),
    );
    const history = await cli(['history', 'export'], { cwd: dir, env });
    // The SQLite store's file and its write-ahead log (absent on DynamoDB, whose events `history export` shows).
    const files = ['state.db', 'state.db-wal']
      .map((f) => join(dir, '.convoy', f))
      .filter((f) => existsSync(f));
    const stored = files.map((f) => readFileSync(f).toString('latin1')).join('');
    if (files.length) assert.match(stored, /notifyfail-/, 'the events are in these files');
    for (const out of [r.stdout, r.stderr, flush.stdout, flush.stderr, history.stdout, stored])
      assert.ok(!out.includes(TOKEN) && !out.includes('planted-hook-secret'), 'no secret is shown or stored');
  });

  it('convoy notify test prints what each channel answered', async () => {
    const dir = await stack();
    const ok = await cli(['notify', 'test'], { cwd: dir, env });
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /^team: ok: ok, channel C0DEPLOYS, ts \d+\.\d+$/m);
    assert.match(ok.stdout, /^hook: ok: HTTP 200 ok$/m);
    const bad = await cli(['notify', 'test'], { cwd: dir, env: { ...env, SLACK_TOKEN: 'xoxb-revoked' } });
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /^team: FAILED: invalid_auth$/m);
  });

  it('ends the same way, on time, when no receiver can be reached', async () => {
    const dir = await stack();
    slack.downFor(120_000);
    hook.downFor(120_000);
    try {
      const run = startCli(['deploy', '--json'], { cwd: dir, env });
      let endedAt = 0;
      run.child.stdout!.on('data', (d: Buffer) => {
        if (d.toString().includes('"code":"deploy.failed"')) endedAt = Date.now();
      });
      const r = await run.done;
      assert.equal(r.code, 1, r.stderr);
      assert.ok(endedAt > 0);
      // The deployment itself never waits on a receiver: after its end, only the grace (3 s) and the exit.
      assert.ok(Date.now() - endedAt < 6000, `exited ${Date.now() - endedAt} ms after the deployment ended`);
    } finally {
      slack.downFor(0);
      hook.downFor(0);
    }
  });
});
