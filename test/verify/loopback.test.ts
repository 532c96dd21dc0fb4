import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLoopback, loopbackBind, loopbackReach, references } from '../../src/verify/loopback.js';

describe('loopback rule', () => {
  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.0.1.1', 'localhost', 'LOCALHOST', '::1', '[::1]', 'app.localhost'])
      assert.ok(isLoopback(h), h);
    for (const h of ['0.0.0.0', '10.0.0.5', 'api.internal', 'api', '::']) assert.ok(!isLoopback(h), h);
  });

  it('reads the listen address from bind-like env keys and flags, not from client settings', () => {
    assert.equal(loopbackBind({ name: 'api', env: { BIND: '127.0.0.1' } })?.key, 'BIND');
    assert.equal(loopbackBind({ name: 'api', env: { HOSTNAME: 'localhost' } })?.key, 'HOSTNAME');
    assert.equal(
      loopbackBind({ name: 'api', env: { GUNICORN_BIND: '127.0.0.1:8000' } })?.key,
      'GUNICORN_BIND',
    );
    assert.equal(loopbackBind({ name: 'api', env: { API_HOST: '127.0.0.1' } })?.key, 'API_HOST');
    assert.equal(
      loopbackBind({ name: 'worker', env: { DB_HOST: '127.0.0.1', API_HOST: '127.0.0.1' } }),
      undefined,
    );
    assert.equal(loopbackBind({ name: 'api', env: { BIND: '0.0.0.0' } }), undefined);
    assert.equal(loopbackBind({ name: 'api', env: {}, args: ['run', '--host', '127.0.0.1'] })?.key, 2);
    assert.equal(
      loopbackBind({ name: 'api', env: {}, args: ['--bind=localhost:8000'] })?.where,
      'args --bind localhost:8000',
    );
  });

  it('finds addresses in env values', () => {
    assert.deepEqual(
      references({ REQUIRES: 'api=api.internal:7201,127.0.0.1:7102', URL: 'http://rules/v1' }),
      [
        { key: 'REQUIRES', label: 'api', host: 'api.internal', port: 7201 },
        { key: 'REQUIRES', host: '127.0.0.1', port: 7102 },
        { key: 'URL', host: 'rules' },
      ],
    );
  });

  it('flags a loopback-bound service another one reaches by name', () => {
    const r = loopbackReach([
      { name: 'api', env: { PORT: '8080', BIND: '127.0.0.1' } },
      { name: 'worker', env: { API_URL: 'http://api:8080/jobs' } },
    ]);
    assert.equal(r.length, 1);
    assert.equal(r[0]!.service, 'api');
    assert.equal(r[0]!.from, 'worker');
    assert.deepEqual(r[0]!.via, { key: 'API_URL', address: 'api:8080' });
  });

  it('accepts loopback references on one host, and services bound to every interface', () => {
    assert.deepEqual(
      loopbackReach([
        { name: 'api', env: { BIND: '127.0.0.1' } },
        { name: 'worker', env: { REQUIRES: 'api=127.0.0.1:8080' } },
      ]),
      [],
    );
    assert.deepEqual(
      loopbackReach([
        { name: 'api', env: { BIND: '0.0.0.0' } },
        { name: 'worker', env: { API_URL: 'http://api.internal:8080' } },
      ]),
      [],
    );
  });

  it('flags a loopback-bound service behind a load balancer', () => {
    const r = loopbackReach([{ name: 'web', env: { HOST: 'localhost' }, exposed: true }]);
    assert.equal(r[0]?.from, 'a load balancer');
  });
});
