import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BACKOFF_CAP_MS, backoffMs } from '../../src/notify/backoff.js';
import { retryAfterMs } from '../../src/notify/failure.js';
import { signedHeaders, verify } from '../../src/notify/sign.js';
import { slackFailure } from '../../src/notify/slack.js';
import { parentText } from '../../src/notify/slack-text.js';

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
