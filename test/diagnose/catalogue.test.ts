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

  it('gives each catalogue its own id', () => {
    const ids = CATALOGUES.map((c) => c.id);
    assert.deepEqual(
      ids.filter((x, i) => ids.indexOf(x) !== i),
      [],
    );
  });

  it('is registered after every hand-written rule, below their confidence', () => {
    const generated = catalogueRules(CATALOGUES);
    assert.deepEqual(
      RULES.slice(RULES.length - generated.length).map((r) => r.id),
      generated.map((r) => r.id),
    );
    const hand = RULES.slice(0, RULES.length - generated.length);
    assert.ok(hand.every((r) => r.confidence > CATALOGUE_CONFIDENCE));
  });

  it('reads a documented code second when no signature matches', () => {
    const findings = diagnose({
      service: 'worker',
      logs: {
        worker: ['starting worker', 'ORA-12154: TNS:could not resolve the connect identifier specified'],
      },
    });
    assert.equal(findings[0]?.category, 'other');
    assert.equal(findings[1]?.rule, 'catalogue-oracle-ora-12154');
    assert.equal(findings[1]?.category, 'config-env');
    assert.match(findings[1]!.cause, /ORA-12154/);
    assert.ok(findings[1]!.confidence < findings[0]!.confidence);
  });

  it('drops a documented code when a hand-written signature reads the same evidence', () => {
    const findings = diagnose({
      service: 'worker',
      logs: { worker: ['starting worker', "Error: ENOSPC: no space left on device, write '/data/spool/42'"] },
    });
    assert.equal(findings[0]?.rule, 'disk-full');
    assert.ok(findings.every((f) => !f.rule?.startsWith('catalogue-')));
  });
});
