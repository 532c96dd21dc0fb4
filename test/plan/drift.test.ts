import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareService, driftSummary, unifiedDiff } from '../../src/plan/drift.js';

const base = { command: 'node', port: '8080', process: 'running', 'env.A': '1', 'env.B': '2', 'env.C': '3' };

describe('drift (pure)', () => {
  it('is nothing when what runs is what the file and the last good revision say', () => {
    const d = compareService('api', { name: 'api', fields: { ...base }, notes: [] }, base, base);
    assert.deepEqual([d.drifted, d.differs, d.changes, d.diff], [false, false, [], '']);
    assert.equal(driftSummary(d), '-');
  });

  it('tells a change made outside Convoy (drifted) from an edit of the file not yet deployed (differs)', () => {
    const killed = compareService(
      'api',
      { name: 'api', fields: { ...base, process: 'gone' }, notes: [] },
      base,
      base,
    );
    assert.deepEqual([killed.drifted, killed.differs], [true, true]);
    assert.deepEqual(killed.changes, [
      { field: 'process', live: 'gone', file: 'running', lastGood: 'running' },
    ]);
    assert.equal(driftSummary(killed), 'process gone');

    const edited = compareService(
      'api',
      { name: 'api', fields: { ...base }, notes: [] },
      { ...base, port: '9090' },
      base,
    );
    assert.deepEqual([edited.drifted, edited.differs], [false, true]);
    assert.equal(driftSummary(edited), '-');

    const never = compareService('api', undefined, base, undefined);
    assert.deepEqual([never.drifted, never.differs], [false, true]);
    assert.match(never.diff, /^--- api \(not running\)\n\+\+\+ api \(stack file\)\n@@ -0,0 \+1,6 @@\n/);
  });

  it('names the fields changed outside Convoy in plan’s column', () => {
    const d = compareService(
      'api',
      { name: 'api', fields: { ...base, 'env.A': 'x', port: '1', command: 'bun' }, notes: [] },
      base,
      base,
    );
    assert.equal(driftSummary(d), 'changed: command, env.A +1');
  });

  it('prints a unified diff with three lines of context, hunks merged when their contexts touch', () => {
    const keys = Array.from({ length: 12 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    const a = Object.fromEntries(keys.map((k) => [k, 'v']));
    const b = { ...a, k00: 'w', k11: 'w' };
    assert.equal(
      unifiedDiff('s', a, b),
      [
        '--- s (running)',
        '+++ s (stack file)',
        '@@ -1,4 +1,4 @@',
        '-k00: v',
        '+k00: w',
        ' k01: v',
        ' k02: v',
        ' k03: v',
        '@@ -9,4 +9,4 @@',
        ' k08: v',
        ' k09: v',
        ' k10: v',
        '-k11: v',
        '+k11: w',
        '',
      ].join('\n'),
    );
    const near = unifiedDiff('s', a, { ...a, k03: 'w', k09: 'w' });
    assert.equal(near.match(/^@@/gm)?.length, 1, near);
    assert.match(unifiedDiff('s', { x: '1' }, {}), /^@@ -1,1 \+0,0 @@\n-x: 1\n$/m);
  });
});
