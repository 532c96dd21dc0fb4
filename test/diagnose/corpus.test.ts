import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { diagnose } from '../../src/diagnose/index.js';
import { CATEGORIES } from '../../src/diagnose/types.js';
import { SHARED_MISSING, sharedDir } from '../shared.js';

// Compiled to dist/test/diagnose/, three levels below the repo root.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = join(root, 'test/fixtures/diagnose');
const STARTER = sharedDir('diagnose-examples');

function strip(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !k.startsWith('_')));
}

function corpus(dir: string, label: string) {
  describe(label, () => {
    if (!existsSync(dir)) {
      it(`(${dir} is missing)`, { skip: 'folder not present' }, () => {});
      return;
    }
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    for (const file of files) {
      it(file, () => {
        const doc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
        const expected = doc._expect as string;
        assert.ok(CATEGORIES.includes(expected as never), `_expect ${expected} is not a category`);
        const findings = diagnose(strip(doc));
        const top = findings[0]!;
        assert.equal(top.category, expected, `top finding: ${JSON.stringify(top, null, 1)}`);
        for (const f of findings) {
          assert.ok(f.cause.trim() && f.fix.trim(), 'cause and fix are non-empty');
          assert.ok(f.evidence.length > 0 && f.evidence.every((e) => e.trim()), 'evidence is non-empty');
          assert.ok(!/\bunknown\b/.test(f.cause), `cause has an unfilled placeholder: ${f.cause}`);
        }
      });
    }
  });
}

corpus(FIXTURES, 'diagnose corpus: test/fixtures/diagnose');
if (STARTER) corpus(STARTER, 'diagnose corpus: shared starter examples');
else it('diagnose corpus: shared starter examples', { skip: SHARED_MISSING }, () => {});

describe('diagnose corpus: fixture hygiene', () => {
  const files = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((f) => f.endsWith('.json')) : [];
  it('has at least 40 fixtures and two per category except other', () => {
    assert.ok(files.length >= 40, `${files.length} fixtures`);
    const per = new Map<string, number>();
    for (const f of files) {
      const doc = JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as { _expect: string; _source: string };
      assert.match(doc._source, /^https:\/\//, `${f}: _source must be a public URL`);
      per.set(doc._expect, (per.get(doc._expect) ?? 0) + 1);
    }
    for (const c of CATEGORIES)
      if (c !== 'other') assert.ok((per.get(c) ?? 0) >= 2, `${c}: ${per.get(c) ?? 0}`);
  });
});
