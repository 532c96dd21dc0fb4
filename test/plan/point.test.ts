import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { byPrefix, distinctRevisions, parseIsoTime, revisionAt } from '../../src/plan/point.js';

// Newest first, as the store lists them: a (t=100), b (t=200), a again (t=300, a rollback), a (t=400, a restart).
const goods = [
  { revision: 'aaaa1111', deploymentId: 'd4', at: 400 },
  { revision: 'aaaa1111', deploymentId: 'd3', at: 300 },
  { revision: 'bbbb2222', deploymentId: 'd2', at: 200 },
  { revision: 'aaaa1111', deploymentId: 'd1', at: 100 },
];

describe('rollback --to points', () => {
  it('reads ISO times, with or without seconds and zone; ids and revisions are not times', () => {
    assert.equal(parseIsoTime('2026-11-30T10:00Z'), Date.UTC(2026, 10, 30, 10, 0));
    assert.equal(parseIsoTime('2026-11-30'), Date.UTC(2026, 10, 30));
    assert.equal(parseIsoTime('2026-11-30T10:00:30+01:00'), Date.UTC(2026, 10, 30, 9, 0, 30));
    assert.equal(parseIsoTime('3f2a9c1e-0b7d-4e1a-9f00-1c2d3e4f5a6b'), undefined);
    assert.equal(parseIsoTime('20261130'), undefined);
    assert.equal(parseIsoTime('2026-13-45'), undefined);
  });

  it('the revision at a time is the newest that passed its gate at or before it', () => {
    assert.equal(revisionAt(goods, 250)?.revision, 'bbbb2222');
    assert.equal(revisionAt(goods, 200)?.deploymentId, 'd2');
    assert.equal(revisionAt(goods, 1000)?.deploymentId, 'd4');
    assert.equal(revisionAt(goods, 99), undefined, 'not deployed yet then');
  });

  it('matches an id or revision exactly, or by a prefix of at least six characters', () => {
    const key = (g: { revision: string }) => g.revision;
    assert.equal(byPrefix('bbbb22', goods, key)?.deploymentId, 'd2');
    assert.equal(byPrefix('bbbb2', goods, key), undefined, 'too short to be taken as a prefix');
    assert.equal(byPrefix('bbbb2222', goods, key)?.deploymentId, 'd2');
    assert.equal(byPrefix('cccc2222', goods, key), undefined);
  });

  it('lists each revision once, at its newest occurrence', () => {
    assert.deepEqual(
      distinctRevisions(goods).map((g) => g.deploymentId),
      ['d4', 'd2'],
    );
  });
});
