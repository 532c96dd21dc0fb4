import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BayesRank } from '../../src/diagnose/bayes.js';
import { diagnose } from '../../src/diagnose/index.js';
import { LEARNED_POLICY } from '../../src/diagnose/learned.js';
import { RULES } from '../../src/diagnose/rules/index.js';
import type { Category } from '../../src/diagnose/types.js';
import { logged, ranker } from './phrasing-cases.js';

const unread = logged('worker 3 gave up after 5 attempts', 'shutting down: setting QUEUE_URL has no scheme');
const categories = (rank: () => BayesRank[], capture: object = unread, rules = RULES) =>
  diagnose(capture, rules, { rank, policy: LEARNED_POLICY }).map((f) => f.category);

describe('diagnose: with no signature, config-env among the first three', () => {
  it('takes the third place when neither first place holds it, before the learned second guess', () => {
    const findings = diagnose(unread, [], {
      rank: ranker('image-pull', 'placement-capacity'),
      policy: LEARNED_POLICY,
    });
    assert.deepEqual(
      findings.map((f) => f.category),
      ['other', 'image-pull', 'config-env', 'placement-capacity'],
    );
    const settings = findings[2]!;
    assert.equal(settings.rule, undefined);
    assert.match(settings.cause, /^Weak, from how often: no signature matched for api/);
    assert.ok(settings.confidence < findings[1]!.confidence, JSON.stringify(findings));
    assert.ok(settings.confidence >= findings[3]!.confidence, JSON.stringify(findings));
    // It quotes the line with a word of settings in it, not the routine ones.
    assert.deepEqual(settings.evidence.length, 2);
    assert.ok(
      settings.evidence.some((e) => e.includes('QUEUE_URL')),
      settings.evidence.join('\n'),
    );
  });

  it('is not added twice when the learned ranking already puts it first or second', () => {
    for (const order of [
      ['config-env', 'image-pull', 'app-crash'],
      ['image-pull', 'config-env', 'app-crash'],
    ] as Category[][]) {
      const got = categories(ranker(...order));
      assert.equal(got.filter((c) => c === 'config-env').length, 1, got.join());
      assert.deepEqual(got.slice(0, 3), ['other', ...order.slice(0, 2)]);
    }
  });

  it('moves a later config-env guess up instead of repeating it', () => {
    const plain = { service: 'api', logs: { api: ['worker 3 gave up after 5 attempts'] } };
    const got = categories(ranker('image-pull', 'app-crash', 'config-env'), plain);
    assert.deepEqual(got, ['other', 'image-pull', 'config-env', 'app-crash']);
  });

  it('goes after a sure learned first place and `other`', () => {
    const sure = () => [
      { category: 'image-pull' as const, p: 0.99, tokens: ['manifest'] },
      { category: 'app-crash' as const, p: 0.01, tokens: ['crash'] },
    ];
    assert.deepEqual(categories(sure, logged('manifest lookup went wrong'), []), [
      'image-pull',
      'other',
      'config-env',
      'app-crash',
    ]);
  });

  it('is not added where a signature matched, nor where nothing was captured', () => {
    const signed = categories(
      ranker('image-pull', 'app-crash'),
      logged('listen tcp 0.0.0.0:8080: bind: address already in use'),
    );
    assert.equal(signed[0], 'port-binding');
    assert.ok(!signed.includes('config-env'), signed.join());
    assert.deepEqual(
      diagnose({ service: 'api' }).map((f) => f.category),
      ['other'],
    );
  });
});
