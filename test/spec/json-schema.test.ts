import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stackJsonSchema } from '../../src/spec/json-schema.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => {
  assert.ok(v && typeof v === 'object' && !Array.isArray(v), `expected an object, got ${JSON.stringify(v)}`);
  return v as Json;
};

describe('stackJsonSchema', () => {
  const schema = stackJsonSchema();

  it('is a titled draft-07 schema that survives JSON', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.title, 'Convoy stack file');
    assert.equal(typeof schema.description, 'string');
    assert.deepEqual(JSON.parse(JSON.stringify(schema)), schema);
  });

  it('describes the top level: required stack and services, nothing else allowed', () => {
    assert.equal(schema.type, 'object');
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual([...(schema.required as string[])].sort(), ['services', 'stack']);
    const props = obj(schema.properties);
    for (const key of ['stack', 'target', 'deploy', 'rollback', 'lock', 'services'])
      assert.ok(key in props, key);
    assert.equal(obj(props.stack).type, 'string');
    assert.deepEqual(obj(props.target).enum, ['local', 'aws']);
  });

  it('describes services by name pattern with the service fields', () => {
    const services = obj(obj(schema.properties).services);
    assert.equal(services.type, 'object');
    assert.equal(obj(services.propertyNames).pattern, '^[a-z0-9][a-z0-9_-]*$');
    const service = obj(services.additionalProperties);
    assert.equal(service.additionalProperties, false);
    const fields = obj(service.properties);
    assert.deepEqual(Object.keys(fields).sort(), [
      'aws',
      'cloudformation',
      'dependsOn',
      'healthCheck',
      'kind',
      'local',
      'scale',
      'verify',
      'version',
    ]);
    const healthCheck = obj(fields.healthCheck);
    assert.ok('interval' in obj(healthCheck.properties));
  });

  it('accepts durations as written in the file, not as parsed milliseconds', () => {
    const text = JSON.stringify(schema);
    assert.ok(text.includes('(ms|s|m|h|d)'), 'duration pattern present');
    assert.ok(
      !text.includes('600000') && !text.includes('30000'),
      'no millisecond defaults leak into the input schema',
    );
  });
});
