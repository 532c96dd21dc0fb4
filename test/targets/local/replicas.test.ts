import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Service } from '../../../src/spec/types.js';
import { isReplica, replicaIndex, replicaName, replicaService } from '../../../src/targets/local/replicas.js';

const api = {
  name: 'api',
  kind: 'service',
  dependsOn: [],
  local: {
    command: 'node',
    args: ['server.mjs'],
    port: 8080,
    env: { PORT: { value: '8080', secret: false }, TOKEN: { value: '${T}', secret: true, sealed: true } },
  },
  healthCheck: {
    http: { url: 'http://127.0.0.1:8080/health' },
    interval: 1000,
    timeout: 1000,
    retries: 3,
    startPeriod: 0,
  },
} as unknown as Service;

describe('local replicas', () => {
  it('copy i is NAME#i on port + i: local.port, PORT and the health check move; other env stays as is', () => {
    const c = replicaService(api, 2);
    assert.equal(c.name, 'api#2');
    assert.equal(c.local!.port, 8082);
    assert.deepEqual(c.local!.env.PORT, { value: '8082', secret: false });
    assert.deepEqual(c.local!.env.TOKEN, api.local!.env.TOKEN);
    assert.equal(c.healthCheck!.http!.url, 'http://127.0.0.1:8082/health');
    assert.equal(api.local!.port, 8080, 'the service itself is untouched');
  });

  it('copy 0 is the service itself; a TCP check on the port moves too', () => {
    assert.equal(replicaService(api, 0), api);
    const tcp = {
      ...api,
      healthCheck: { ...api.healthCheck!, http: undefined, tcp: { host: '127.0.0.1', port: 8080 } },
    };
    assert.equal(replicaService(tcp as Service, 1).healthCheck!.tcp!.port, 8081);
  });

  it('tells copies of a service by name', () => {
    assert.equal(replicaIndex(replicaName('api', 3), 'api'), 3);
    assert.equal(replicaIndex('api-2#1', 'api'), undefined);
    assert.equal(replicaIndex('api#x', 'api'), undefined);
    assert.ok(isReplica('api#1'));
    assert.ok(!isReplica('api'));
  });
});
