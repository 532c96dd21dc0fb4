import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import {
  cli,
  describeEachBackend,
  downAfterSuite,
  events,
  freePort,
  serviceYaml,
  stackDir,
} from '../e2e/helpers.js';
import { SlackHookStandIn, SlackStandIn } from './receivers.js';

/**
 * A failed deployment as Slack shows it (the failure broadcast from the thread, the parent's outcome and links, the
 * incoming webhook's milestones, a channel only for failures), `convoy notify test`, and the deployment's outcome
 * when every receiver is unreachable, against the same deployment with no channels at all.
 */

const TOKEN = 'xoxb-failure-test-token';
const HOOK_PATH = '/services/T0/B0/planted-hook-secret';
/** The CI run the deployment records, and the links every Slack message shows. */
const CI = {
  GITHUB_SERVER_URL: 'https://github.example.com',
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_RUN_ID: '77',
  GITHUB_RUN_ATTEMPT: '1',
  DASHBOARD_URL: 'https://convoy.example.com/stacks',
};
const LINKS =
  '<https://console.example.com/ecs/shop|console> · <https://github.example.com/acme/shop/actions/runs/77|CI run> · <https://convoy.example.com/stacks|dashboard>';

const LINKS_YAML = '{ console: "https://console.example.com/ecs/shop", dashboard: "${DASHBOARD_URL}" }';

async function failingStack(channels = true): Promise<string> {
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
    channels
      ? [
          'notify:',
          '  team:',
          '    slack: { token: "${SLACK_TOKEN}", channel: "#deploys", apiUrl: "${SLACK_URL}/api/", mention: "<!here>" }',
          `    links: ${LINKS_YAML}`,
          '  hook:',
          '    slackWebhook: { url: "${SLACK_HOOK_URL}" }',
          `    links: ${LINKS_YAML}`,
          '  oncall:',
          '    slack: { token: "${SLACK_TOKEN}", channel: "#oncall", apiUrl: "${SLACK_URL}/api/" }',
          '    outcomes: [failed, rollback-failed]',
        ]
      : [],
  );
}

/** A deployment's milestones, in order: what must not change when channels are added or fail. */
function milestones(stdout: string): string[] {
  return events(stdout)
    .filter((e) =>
      /^(deploy|rollback)\.|^service\.(starting|ready|failed|rolled-back|rollback-failed)$/.test(e.code),
    )
    .map((e) => [e.code, e.service, e.reason].filter((x) => x !== undefined).join(' '));
}

describeEachBackend('notifications of a failed deployment', () => {
  let slack: SlackStandIn;
  let hook: SlackHookStandIn;
  let env: Record<string, string>;
  const stack = downAfterSuite(failingStack);

  before(async () => {
    slack = await new SlackStandIn(TOKEN, { '#deploys': 'C0DEPLOYS', '#oncall': 'C0ONCALL' }).listen();
    hook = await new SlackHookStandIn(HOOK_PATH).listen();
    env = { SLACK_TOKEN: TOKEN, SLACK_URL: slack.url, SLACK_HOOK_URL: `${hook.url}${HOOK_PATH}`, ...CI };
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
    assert.ok(parent!.text.endsWith(` · correlation \`gh-77-1\` · ${LINKS}`), parent!.text);
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
    assert.ok(hook.texts[0]!.endsWith(LINKS) && hook.texts[2]!.endsWith(LINKS), hook.texts.join('\n'));
    // The failures-only channel got this deployment once it had failed: one parent with the outcome, and the thread.
    const [page, ...more] = slack.parents('C0ONCALL');
    assert.equal(more.length, 0);
    assert.match(page!.text, /^:x: \*notifyfail-\S+\* failed at api/);
    assert.ok(slack.replies(page!).some((m) => /api failed \(unhealthy\)/.test(m.text) && m.broadcast));
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

  it('ends as it does with no channels at all when no receiver can be reached', async () => {
    const plain = await cli(['deploy', '--json'], { cwd: await stack(false), env });
    const dir = await stack();
    slack.downFor(120_000);
    hook.downFor(120_000);
    try {
      const r = await cli(['deploy', '--json'], { cwd: dir, env });
      assert.equal(r.code, 1, r.stderr);
      assert.equal(plain.code, 1, plain.stderr);
      assert.deepEqual(milestones(r.stdout), milestones(plain.stdout));
      assert.ok(milestones(r.stdout).includes('deploy.failed api'), r.stdout);
      // Only unreachable so far: retried later, never reported as refused.
      assert.ok(!events(r.stdout).some((e) => e.code === 'notify.failed'), r.stdout);
    } finally {
      slack.downFor(0);
      hook.downFor(0);
    }
    // How long it took, against no channels, is the notify benchmark's question (npm run bench notify).
  });
});
