import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOGUE_CONFIDENCE, CATALOGUES, catalogueRules } from '../../src/diagnose/catalogue/index.js';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { RULES } from '../../src/diagnose/rules/index.js';

describe('documented error catalogues', () => {
  for (const c of CATALOGUES) {
    describe(c.id, () => {
      it('names the reference its codes come from', () => {
        assert.match(c.reference, /^https:\/\//);
        assert.ok(c.tool.length > 0);
      });

      it('quotes each code in its own example line', () => {
        for (const e of c.entries) {
          assert.ok(e.example.includes(e.code) || e.re, `${e.code}: the example does not print the code`);
        }
      });

      it('has one entry per code', () => {
        const codes = c.entries.map((e) => e.code);
        assert.deepEqual(
          codes.filter((x, i) => codes.indexOf(x) !== i),
          [],
        );
      });
    });
  }

  it('is registered after every hand-written rule, below their confidence', () => {
    const generated = catalogueRules(CATALOGUES);
    assert.deepEqual(
      RULES.slice(RULES.length - generated.length).map((r) => r.id),
      generated.map((r) => r.id),
    );
    const hand = RULES.slice(0, RULES.length - generated.length);
    assert.ok(hand.every((r) => r.confidence > CATALOGUE_CONFIDENCE));
  });

  it('names the cause from a code alone when no signature matches', () => {
    const [first] = diagnose({
      service: 'worker',
      logs: { worker: ['starting worker', "Error: ENOSPC: no space left on device, write '/data/spool/42'"] },
    });
    assert.equal(first?.category, 'resources-oom');
    assert.match(first!.cause, /ENOSPC/);
  });

  it('yields to a hand-written signature of the same evidence', () => {
    const hand = RULES.slice(0, RULES.length - catalogueRules(CATALOGUES).length);
    const findings = diagnose(
      { service: 'api', logs: { api: ['Error: connect ECONNREFUSED 10.0.1.7:5432'] } },
      RULES,
    );
    assert.ok(hand.some((r) => r.id === findings[0]?.rule));
  });
});
