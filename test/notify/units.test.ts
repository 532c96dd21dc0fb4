import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BACKOFF_CAP_MS, backoffMs } from '../../src/notify/backoff.js';
import { retryAfterMs } from '../../src/notify/failure.js';
import { signedHeaders, verify } from '../../src/notify/sign.js';
import { slackFailure } from '../../src/notify/slack.js';
import { ciRunUrl, deploymentLinks, slackLinks } from '../../src/notify/links.js';
import { milestoneText, parentText } from '../../src/notify/slack-text.js';
import type { StoredEvent } from '../../src/store/store.js';

describe('Standard Webhooks signing', () => {
  const body = '{"type":"deploy.started"}';
  const now = 1_733_000_000_000;
  const ts = Math.floor(now / 1000);
  const newKey = 'whsec_' + Buffer.from('the-new-key').toString('base64');

  it('signs with both secrets during a rotation: a receiver with either verifies, a stranger does not', () => {
    const h = signedHeaders([newKey, 'old-plain-secret'], 'shop:7', ts, body);
    assert.equal(h['webhook-id'], 'shop:7');
    assert.match(h['webhook-signature']!, /^v1,\S+ v1,\S+$/);
    const got = { id: 'shop:7', timestamp: h['webhook-timestamp']!, signature: h['webhook-signature']! };
    assert.equal(verify(newKey, got, body, { now }), true);
    assert.equal(verify('old-plain-secret', got, body, { now }), true);
    assert.equal(verify('someone-else', got, body, { now }), false);
    assert.equal(verify(newKey, got, body + ' ', { now }), false, 'a changed body fails');
    assert.equal(verify(newKey, { ...got, id: 'shop:8' }, body, { now }), false, 'so does another id');
    assert.equal(verify(newKey, got, body, { now: now + 600_000 }), false, 'and a replay 10 min later');
  });
});

describe('retryable or permanent', () => {
  it('reads Retry-After in seconds or as a date', () => {
    assert.equal(retryAfterMs('3'), 3000);
    assert.equal(retryAfterMs(new Date(10_000).toUTCString(), 4_000), 6000);
    assert.equal(retryAfterMs('soon'), undefined);
    assert.equal(retryAfterMs(undefined), undefined);
  });

  it('backs off exponentially with full jitter, capped; Retry-After wins', () => {
    assert.equal(
      backoffMs(1, undefined, () => 1),
      500,
    );
    assert.equal(
      backoffMs(3, undefined, () => 1),
      2000,
    );
    assert.equal(
      backoffMs(30, undefined, () => 1),
      BACKOFF_CAP_MS,
    );
    assert.equal(
      backoffMs(3, undefined, () => 0),
      0,
    );
    assert.equal(
      backoffMs(1, 7000, () => 1),
      7000,
    );
  });

  it("sorts the Slack client's errors by Slack's own strings", () => {
    const platform = (error: string) =>
      slackFailure({ code: 'slack_webapi_platform_error', data: { error } });
    for (const e of ['invalid_auth', 'channel_not_found', 'is_archived', 'invalid_blocks', 'not_in_channel'])
      assert.equal(platform(e).permanent, true, e);
    for (const e of ['ratelimited', 'internal_error', 'service_unavailable'])
      assert.equal(platform(e).permanent, false, e);
    const limited = slackFailure({ code: 'slack_webapi_rate_limited_error', retryAfter: 4 });
    assert.deepEqual([limited.permanent, limited.retryAfterMs], [false, 4000]);
    assert.equal(slackFailure({ code: 'slack_webapi_http_error', statusCode: 503 }).permanent, false);
    assert.equal(slackFailure({ code: 'slack_webapi_http_error', statusCode: 404 }).permanent, true);
    assert.equal(slackFailure(new Error('socket hang up')).permanent, false);
  });
});

describe('the Slack parent', () => {
  it('says the wave while running and the outcome once it ended, with the correlation id', () => {
    const p = { kind: 'deploy', actor: 'ana', correlationId: 'gh-1-1', waves: 3, wave: 1 };
    assert.match(parentText('shop', p), /shop\* deployment by ana: wave 2 of 3 · correlation `gh-1-1`/);
    assert.match(parentText('shop', { ...p, outcome: ':x: failed' }), /^:x: failed · correlation/);
  });
});

describe('links', () => {
  const ctx = { GITHUB_REPOSITORY: 'acme/shop', GITHUB_RUN_ID: '42' };

  it('finds the CI run a deployment recorded, on GitHub or GitHub Enterprise, with its attempt', () => {
    assert.equal(ciRunUrl(ctx), 'https://github.com/acme/shop/actions/runs/42');
    assert.equal(
      ciRunUrl({ ...ctx, GITHUB_SERVER_URL: 'https://gh.example.com/', GITHUB_RUN_ATTEMPT: '2' }),
      'https://gh.example.com/acme/shop/actions/runs/42/attempts/2',
    );
    assert.equal(ciRunUrl({ GITHUB_RUN_ID: '42' }), undefined);
  });

  it('shows console, CI run and dashboard in that order; the stack file wins; bare paths are left out', () => {
    const record = { context: ctx } as unknown as Parameters<typeof deploymentLinks>[1];
    assert.deepEqual(
      deploymentLinks(
        { dashboard: 'https://convoy.example.com/', console: 'https://console.example.com' },
        record,
      ),
      [
        { label: 'console', url: 'https://console.example.com' },
        { label: 'CI run', url: 'https://github.com/acme/shop/actions/runs/42' },
        { label: 'dashboard', url: 'https://convoy.example.com/' },
      ],
    );
    assert.deepEqual(deploymentLinks({ ci: 'https://ci.example.com/7', console: '/ecs/' }, record), [
      { label: 'CI run', url: 'https://ci.example.com/7' },
    ]);
    assert.deepEqual(deploymentLinks({ ci: '//actions/runs/' }, undefined), []);
  });

  it("writes Slack's link syntax, escaping what would end a link early", () => {
    assert.equal(
      slackLinks([
        { label: 'console', url: 'https://c.example.com/a|b' },
        { label: 'CI run', url: 'https://ci.example.com/1' },
      ]),
      '<https://c.example.com/a%7Cb|console> · <https://ci.example.com/1|CI run>',
    );
  });

  it('puts the links after the correlation id, and the mention on a failed rollback only', () => {
    const p = { kind: 'deploy', actor: 'ana', correlationId: 'gh-1-1', waves: 1, wave: 0 };
    assert.match(
      parentText('shop', p, '<https://ci/1|CI run>'),
      /correlation `gh-1-1` · <https:\/\/ci\/1\|CI run>$/,
    );
    const event = (code: string, data: Record<string, unknown>) =>
      ({ stack: 'shop', seq: 9, code, at: 0, deploymentId: 'd1', data }) as unknown as StoredEvent;
    const failed = event('deploy.rollback-failed', { elapsedMs: 1000, services: ['api'], message: 'x' });
    assert.match(milestoneText(failed, '<!subteam^S1>', 'L')!, /^<!subteam\^S1> :rotating_light: .* · L$/);
    const ok = event('deploy.succeeded', { elapsedMs: 1000, changed: 1, unchanged: 0 });
    assert.doesNotMatch(milestoneText(ok, '<!subteam^S1>')!, /subteam/);
  });
});
