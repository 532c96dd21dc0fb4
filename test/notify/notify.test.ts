import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
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
} from '../e2e/helpers.js';
import { SlackStandIn, WebhookReceiver } from './receivers.js';

/**
 * Issue 14, "done when": the real clients (fetch, @slack/web-api) talk to real receivers on 127.0.0.1 that answer
 * 500s, 429s with Retry-After, Slack's `channel_not_found`, and go down for a while. Afterwards every event arrived
 * exactly once and in order, the Slack parent was edited and never posted twice (also across a kill -9 of the
 * deploying convoy), the permanent error was reported once, and the deployment went as it would without channels.
 */

const TOKEN = 'xoxb-test-token-planted';
const SECRET = 'whsec_' + Buffer.from('new-signing-key-0123456789').toString('base64');
const OLD_SECRET = 'whsec_' + Buffer.from('old-signing-key-0123456789').toString('base64');
const CHANNELS = { '#deploys': 'C0DEPLOYS', '#oncall': 'C0ONCALL' };

interface Stored {
  seq: number;
  code: string;
  deploymentId?: string;
  channel?: string;
  failure?: string;
  message?: string;
}

async function stored(dir: string, env: Record<string, string>): Promise<Stored[]> {
  const r = await cli(['events', '--json'], { cwd: dir, env });
  assert.equal(r.code, 0, r.stderr);
  return r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Stored);
}

const notifyBlock = [
  'notify:',
  '  hook:',
  '    webhook: { url: "${HOOK_URL}", secret: "${HOOK_SECRET}", previousSecret: "${HOOK_OLD_SECRET}" }',
  '    timeout: 2s',
  '  team:',
  '    slack: { token: "${SLACK_TOKEN}", channel: "#deploys", apiUrl: "${SLACK_URL}/api/" }',
  '    timeout: 2s',
  '  gone:',
  '    slack: { token: "${SLACK_TOKEN}", channel: "#archived", apiUrl: "${SLACK_URL}/api/" }',
  '  oncall:',
  '    slack: { token: "${SLACK_TOKEN}", channel: "#oncall", apiUrl: "${SLACK_URL}/api/" }',
  '    outcomes: [failed, rollback-failed]',
];

async function twoServiceStack(): Promise<string> {
  const [p1, p2] = [await freePort(), await freePort()];
  return stackDir(
    'notify',
    [
      serviceYaml('api', { port: p1, env: { STARTUP_DELAY: 1500 } }),
      serviceYaml('web', { port: p2, dependsOn: ['api'], env: { STARTUP_DELAY: 1500 } }),
    ],
    ['lock: { lease: 10s, heartbeat: 2s }', ...notifyBlock],
  );
}

function assertExactlyOnceInOrder(hook: WebhookReceiver, events: Stored[]): void {
  assert.equal(hook.badSignatures, 0);
  const got = hook.accepted.map((d) => d.seq);
  assert.deepEqual(
    got,
    events.map((e) => e.seq),
    'every stored event, once, in seq order',
  );
  assert.equal(new Set(hook.accepted.map((d) => d.id)).size, hook.accepted.length, 'no webhook-id twice');
  for (const d of hook.accepted) assert.equal(d.type, d.data.code);
}

describeEachBackend('notifications: a durable outbox read from the event stream', () => {
  let hook: WebhookReceiver;
  let slack: SlackStandIn;
  let env: Record<string, string>;
  const stack = downAfterSuite(twoServiceStack);

  before(async () => {
    // The consumer knows only the previous secret: both sign during a rotation, so it still verifies.
    hook = await new WebhookReceiver(OLD_SECRET).listen();
    slack = await new SlackStandIn(TOKEN, CHANNELS).listen();
    env = {
      HOOK_URL: `${hook.url}/hooks/convoy`,
      HOOK_SECRET: SECRET,
      HOOK_OLD_SECRET: OLD_SECRET,
      SLACK_TOKEN: TOKEN,
      SLACK_URL: slack.url,
    };
  });
  after(async () => {
    await hook.close();
    await slack.close();
  });

  it('delivers every event exactly once through 500s, 429s and an outage; one Slack parent, edited', async () => {
    hook.accepted.length = slack.messages.length = slack.calls.length = 0;
    const dir = await stack();
    hook.faults.push({ status: 500 }, { status: 429, retryAfterS: 1 }, { status: 500 });
    slack.faults.push({ status: 500 }, { status: 429, retryAfterS: 1 });
    const run = startCli(['deploy', '--json'], { cwd: dir, env });
    await waitForOutput(run, /"code":"service.ready","service":"api"/);
    hook.downFor(2000);
    slack.downFor(2000);
    const r = await run.done;
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /"code":"deploy.succeeded"/);
    const flush = await cli(['notify', 'flush'], { cwd: dir, env });
    assert.equal(flush.code, 0, flush.stderr);
    assert.ok(hook.refused >= 3 && slack.refused >= 2, 'the faults were met');

    const events = await stored(dir, env);
    assertExactlyOnceInOrder(hook, events);
    const deploymentId = events.find((e) => e.code === 'deploy.started')!.deploymentId!;

    const parents = slack.parents('C0DEPLOYS');
    assert.equal(parents.length, 1, 'one parent per deployment, never reposted');
    const parent = parents[0]!;
    assert.ok(parent.edits.length >= 1, 'the parent was edited in place');
    assert.match(parent.text, /deployed in .* 2 changed/);
    assert.match(parent.text, new RegExp(`correlation`));
    const replies = slack.replies(parent).map((m) => m.text);
    assert.equal(replies.filter((t) => /api healthy/.test(t)).length, 1, replies.join('\n'));
    assert.equal(replies.filter((t) => /web healthy/.test(t)).length, 1, replies.join('\n'));
    assert.ok(
      slack.messages.every((m) => m.text.length > 0),
      'top-level text always set',
    );

    const failed = events.filter((e) => e.code === 'notify.failed');
    assert.deepEqual(
      failed.map((e) => [e.channel, e.failure, e.message, e.deploymentId]),
      [['gone', 'permanent', 'channel_not_found', deploymentId]],
      'the permanent error is reported once',
    );
    for (const channel of ['hook', 'team'])
      assert.ok(
        events.some((e) => e.code === 'notify.recovered' && e.channel === channel),
        `one line says how long ${channel} could not be reached`,
      );
    const gone = slack.calls.filter((c) => c.error === 'channel_not_found');
    assert.equal(gone.length, 1, 'and never retried');
    assert.equal(slack.parents('C0ONCALL').length, 0, 'a failures-only channel hears nothing of a success');
    // The token is never shown: not in events, not in output.
    assert.ok(!r.stdout.includes(TOKEN) && !r.stderr.includes(TOKEN));
  });

  it('after kill -9 of the deploying convoy, the next command sends the rest: the parent is edited, not reposted', async () => {
    hook.accepted.length = slack.messages.length = slack.calls.length = 0;
    const dir = await stack();
    const run = startCli(['deploy', '--json'], { cwd: dir, env });
    await waitForOutput(run, /"code":"service.starting","service":"api"/);
    // The parent exists; then Slack and the webhook go quiet and convoy dies mid-deployment.
    for (let i = 0; i < 100 && slack.parents('C0DEPLOYS').length === 0; i++) await sleep(50);
    assert.equal(slack.parents('C0DEPLOYS').length, 1);
    hook.downFor(60_000);
    slack.downFor(60_000);
    await waitForOutput(run, /"code":"service.starting","service":"web"/);
    run.child.kill('SIGKILL');
    await run.done;
    hook.downFor(0);
    slack.downFor(0);

    const flush = await cli(['notify', 'flush'], { cwd: dir, env });
    assert.equal(flush.code, 0, flush.stderr + flush.stdout);
    const events = await stored(dir, env);
    assertExactlyOnceInOrder(hook, events);
    const parents = slack.parents('C0DEPLOYS');
    assert.equal(parents.length, 1, 'the parent posted before the kill is the one edited after it');
    assert.match(parents[0]!.text, /wave 2 of 2/);
    assert.ok(parents[0]!.edits.length >= 1);
    assert.equal(slack.replies(parents[0]!).filter((m) => /api healthy/.test(m.text)).length, 1);
  });
});
