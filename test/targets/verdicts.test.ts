import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { exitVerdict, failed, timeoutVerdict } from '../../src/targets/verdicts.js';

describe('verdicts', () => {
  const known = (code: number | null, signal: string | null = null) => ({ code, signal, known: true });

  it('passes exit 0 only where exiting is the goal', () => {
    assert.deepEqual(exitVerdict('completed', 'job', known(0), 5), { ok: true, gate: 'completed', at: 5 });
    assert.deepEqual(exitVerdict('started', 'job', known(0), 5), { ok: true, gate: 'started', at: 5 });
    assert.equal(exitVerdict('started', 'service', known(0), 5).ok, false);
    assert.equal(exitVerdict('healthy', 'job', known(0), 5).ok, false);
    assert.equal(exitVerdict('completed', 'job', { code: null, signal: null, known: false }, 5).ok, false);
  });

  it('says how and when the process ended', () => {
    assert.deepEqual(exitVerdict('healthy', 'service', known(1), 7), {
      ok: false,
      reason: 'exited',
      at: 7,
      message: 'process exited with code 1 before becoming healthy',
      exitCode: 1,
      signal: null,
    });
    const killed = exitVerdict('completed', 'job', known(null, 'SIGKILL'), 0);
    assert.ok(!killed.ok && killed.message === 'job was killed by SIGKILL');
  });

  it('leaves absent evidence out', () => {
    assert.deepEqual(failed('start-failed', 1, 'no', { check: undefined }), {
      ok: false,
      reason: 'start-failed',
      at: 1,
      message: 'no',
    });
    assert.deepEqual(timeoutVerdict('healthy', 90_000, 2, { check: 'tcp 127.0.0.1:1', output: 'refused' }), {
      ok: false,
      reason: 'timeout',
      at: 2,
      message: 'did not become healthy within 1.5m',
      check: 'tcp 127.0.0.1:1',
      output: 'refused',
    });
  });
});
