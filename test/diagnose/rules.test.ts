import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchRule, PLACEHOLDER } from '../../src/diagnose/match.js';
import { RULES } from '../../src/diagnose/rules/index.js';
import {
  CATEGORIES,
  EVIDENCE_KINDS,
  type EvidenceLine,
  type ExampleLines,
} from '../../src/diagnose/types.js';

const lines = (ex: ExampleLines): EvidenceLine[] =>
  ex.map(([kind, text], i) => ({ kind, path: `example[${i}]`, text }));

describe('diagnose rules', () => {
  it('have unique ids', () => {
    const ids = RULES.map((r) => r.id);
    assert.deepEqual(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      [],
    );
  });

  it('cover every category but the fallback one', () => {
    const covered = new Set(RULES.map((r) => r.category));
    assert.deepEqual(
      CATEGORIES.filter((c) => c !== 'other' && !covered.has(c)),
      [],
    );
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has a valid category, confidence and matcher kinds', () => {
        assert.ok(CATEGORIES.includes(rule.category), `unknown category ${rule.category}`);
        assert.ok(rule.confidence > 0 && rule.confidence <= 1, `confidence ${rule.confidence}`);
        assert.ok(rule.match.length > 0);
        for (const m of [...rule.match, ...(rule.unless ?? [])]) {
          for (const k of m.in ?? []) assert.ok(EVIDENCE_KINDS.includes(k), `unknown kind ${k}`);
        }
        for (const id of rule.beats ?? [])
          assert.ok(
            RULES.some((r) => r.id === id),
            `beats unknown rule ${id}`,
          );
      });

      it('only uses template names its regexes capture', () => {
        const groups = new Set(['service']);
        for (const m of rule.match) for (const g of m.re.source.matchAll(/\(\?<(\w+)>/g)) groups.add(g[1]!);
        for (const t of [rule.cause, rule.fix]) {
          for (const p of t.matchAll(PLACEHOLDER)) {
            for (const name of p[1]!.split(',')) assert.ok(groups.has(name), `{${name}} is never captured`);
          }
        }
      });

      it('matches its own examples', () => {
        assert.ok(rule.examples.match.length > 0, 'needs at least one example');
        for (const ex of rule.examples.match) {
          assert.ok(matchRule(rule, lines(ex)), `does not match ${JSON.stringify(ex)}`);
        }
      });

      it('does not match its counter-examples', () => {
        for (const ex of rule.examples.noMatch ?? []) {
          assert.equal(matchRule(rule, lines(ex)), undefined, `matches ${JSON.stringify(ex)}`);
        }
      });
    });
  }
});
