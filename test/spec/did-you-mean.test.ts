import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInputError } from '../../src/errors.js';
import { didYouMean, editDistance, nearest, unknownNameError } from '../../src/spec/did-you-mean.js';

describe('didYouMean', () => {
  const fields = ['command', 'http', 'tcp', 'interval', 'timeout', 'retries', 'startPeriod'];

  it('suggests the closest candidate for a typo', () => {
    assert.equal(didYouMean('intervl', fields), 'interval');
    assert.equal(didYouMean('retires', fields), 'retries');
    assert.equal(didYouMean('startperiod', fields), 'startPeriod');
  });

  it('suggests nothing when no candidate is close', () => {
    assert.equal(didYouMean('volumes', fields), undefined);
    assert.equal(didYouMean('x', ['db', 'api']), undefined);
    assert.equal(didYouMean('a', []), undefined);
  });

  it('counts a swap of adjacent letters as one edit', () => {
    assert.equal(editDistance('ab', 'ba'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
  });
});

describe('nearest and unknownNameError', () => {
  it('names the closest candidate however far, and nothing when there is none', () => {
    assert.equal(nearest('deadbeef', ['3f2a9c1e', 'deadbe3f']), 'deadbe3f');
    assert.equal(nearest('x', ['db', 'api']), 'db');
    assert.equal(nearest('a', []), undefined);
  });

  it('is an exit-3 error that says what was unknown, where, and what was likely meant', () => {
    const err = unknownNameError('service', 'kafak', ['zookeeper', 'kafka'], 'in stack ops');
    assert.ok(err instanceof InvalidInputError);
    assert.equal(err.exitCode, 3);
    assert.equal(err.message, 'no service "kafak" in stack ops (did you mean "kafka"?)');
  });
});
