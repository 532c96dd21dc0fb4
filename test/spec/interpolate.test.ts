import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { interpolate, InterpolationError } from '../../src/spec/interpolate.js';

function failure(input: string, env: Record<string, string | undefined>): InterpolationError {
  try {
    interpolate(input, env);
  } catch (err) {
    assert.ok(err instanceof InterpolationError);
    return err;
  }
  assert.fail(`interpolating ${input} should fail`);
}

describe('interpolate', () => {
  it('substitutes set variables', () => {
    assert.equal(interpolate('v${A}-${B_2}', { A: '1', B_2: 'x' }), 'v1-x');
  });

  it(':- uses the default when unset or empty, - only when unset', () => {
    assert.equal(interpolate('${A:-d}', {}), 'd');
    assert.equal(interpolate('${A:-d}', { A: '' }), 'd');
    assert.equal(interpolate('${A:-d}', { A: 'v' }), 'v');
    assert.equal(interpolate('${A-d}', {}), 'd');
    assert.equal(interpolate('${A-d}', { A: '' }), '');
    assert.equal(interpolate('${A-d}', { A: 'v' }), 'v');
    assert.equal(interpolate('${A:-}', {}), '');
  });

  it('keeps a set but empty variable without default', () => {
    assert.equal(interpolate('[${A}]', { A: '' }), '[]');
  });

  it('$$ is a literal $, and a lone $ stays', () => {
    assert.equal(interpolate('$${A} costs $5 and $$$$', { A: 'no' }), '${A} costs $5 and $$');
    assert.equal(interpolate('echo $HOME', {}), 'echo $HOME');
  });

  it('expands defaults that refer to other variables', () => {
    assert.equal(interpolate('${A:-${B}-x}', { B: 'b' }), 'b-x');
    assert.equal(interpolate('${A:-{x}}', {}), '{x}');
  });

  it('names a missing variable and where it is referenced', () => {
    const err = failure('url=${HOST}:${PORT}', { HOST: 'h' });
    assert.equal(err.variable, 'PORT');
    assert.equal(err.index, 'url=${HOST}:'.length);
    assert.match(err.message, /PORT/);
  });

  it('reports a missing variable inside a default at its own offset', () => {
    const err = failure('x${A:-${B}}', {});
    assert.equal(err.variable, 'B');
    assert.equal(err.index, 'x${A:-'.length);
  });

  it('rejects unterminated and malformed references', () => {
    assert.equal(failure('ab${A', { A: '1' }).index, 2);
    assert.match(failure('${1A}', {}).message, /not a valid variable reference/);
    assert.match(failure('${A:?err}', { A: '1' }).message, /not supported/);
  });
});
