import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadStack } from '../../src/spec/load.js';
import { assertAt, invalid, writeStack } from './fixtures.js';

/** A one-service stack whose api lists `checks` (YAML lines, indented under `verify:`), plus `tail` lines. */
function stack(checks: string, tail = '', target = 'local'): string {
  return `stack: s
target: ${target}
services:
  api:
    local: { command: node, args: [x.mjs], port: 7000 }
    verify:
${checks}
${tail}`;
}

const load =
  (text: string, env: Record<string, string> = {}) =>
  () =>
    loadStack(writeStack(text), { env });

describe('spec: post-deploy checks (verify:)', () => {
  it('loads every kind, named, with defaults, and the bake window', () => {
    const s = loadStack(
      writeStack(
        stack(
          `      - name: cors
        http:
          method: options
          url: 'http://\${HOST}:7000/quote'
          headers: { Origin: https://a.example }
          expect: { status: [200, 204], headers: { Access-Control-Allow-Headers: x-key }, body: { '$.items[0].id': 3 } }
          latency: { p95: 300ms, requests: 20 }
      - tcp: { port: 7000 }
      - command: { run: 'true', exitCode: 0 }
      - log: { match: job done, within: 30s }
      - log: { match: ERROR, atMost: 5 }`,
          `bake: { for: 10m, every: 30s, maxFailures: 2 }
verify:
  - log: { service: api, match: boom, atMost: 0, per: 1m }`,
        ),
      ),
      { env: { HOST: '127.0.0.1' } },
    );
    const [http, tcp, command, within, atMost, own] = s.postChecks ?? [];
    assert.equal(http?.name, 'cors');
    assert.equal(http?.kind, 'http');
    assert.equal(http?.http?.method, 'OPTIONS');
    assert.equal(http?.http?.url, 'http://127.0.0.1:7000/quote');
    assert.deepEqual(http?.http?.latency, { p95: 300, requests: 20 });
    assert.deepEqual(http?.http?.expect.body, { '$.items[0].id': 3 });
    assert.equal(tcp?.name, 'api: tcp 127.0.0.1:7000');
    assert.equal(command?.command?.exitCode, 0);
    assert.equal(within?.log?.service, 'api', 'a service’s log check reads its own log');
    assert.equal(within?.log?.within, 30_000);
    assert.equal(atMost?.log?.per, 60_000);
    assert.equal(own?.service, undefined);
    assert.equal(own?.log?.service, 'api');
    assert.ok([http, tcp, command, within, atMost, own].every((c) => c?.bake === true));
    assert.deepEqual(s.bake, { for: 600_000, every: 30_000, maxFailures: 2 });
  });

  it('refuses an invalid URL at its line and column', () => {
    const text = stack(`      - http: { url: 'not a url' }`);
    assertAt(invalid(load(text)), text, `'not a url'`, 'services.api.verify.0.http.url');
  });

  it('refuses a JSON path of unknown syntax, at the path', () => {
    const text = stack(
      `      - http: { url: 'http://127.0.0.1:7000/', expect: { body: { '$..items[*]': 1 } } }`,
    );
    const err = invalid(load(text));
    assertAt(err, text, `'$..items[*]'`);
    assert.match(err.message, /unknown JSON path syntax "\$\.\.items\[\*\]"/);
  });

  it('refuses a negative duration', () => {
    const text = stack(`      - log: { match: x, within: -5s }`);
    const err = invalid(load(text));
    assertAt(err, text, '-5s', 'services.api.verify.0.log.within');
  });

  it('refuses a negative number of seconds in the bake window', () => {
    const text = stack(`      - tcp: { port: 7000 }`, `bake: { for: -10, every: 1s }`);
    assertAt(invalid(load(text)), text, '-10', 'bake.for');
  });

  it('refuses a latency budget over fewer than 5 requests', () => {
    const text = stack(
      `      - http: { url: 'http://127.0.0.1:7000/', latency: { p95: 300ms, requests: 4 } }`,
    );
    const err = invalid(load(text));
    assertAt(err, text, '4 }', 'services.api.verify.0.http.latency.requests');
    assert.match(err.message, /at least 5 requests/);
  });

  it('refuses a check with two kinds or none', () => {
    const text = stack(`      - { tcp: { port: 7000 }, command: { run: 'true' } }`);
    assert.match(invalid(load(text)).message, /exactly one of http, tcp, command, log or alarm/);
  });

  it('refuses a log check with both within and atMost', () => {
    const text = stack(`      - log: { match: x, within: 5s, atMost: 2 }`);
    assert.match(invalid(load(text)).message, /exactly one of within/);
  });

  it('refuses a regular expression that does not compile', () => {
    const text = stack(`      - log: { match: 'job (done', within: 5s }`);
    assertAt(invalid(load(text)), text, `'job (done'`, 'services.api.verify.0.log.match');
  });

  it('refuses an alarm check on the local target, at the check', () => {
    const text = stack(`      - alarm: { name: api-5xx }`);
    const err = invalid(load(text));
    assertAt(err, text, '{ name: api-5xx }', 'services.api.verify.0.alarm');
    assert.match(err.message, /alarm check needs target "aws"/);
  });

  it('refuses a stack log check without a service, or with an unknown one', () => {
    const text = stack(`      - tcp: { port: 7000 }`, `verify:\n  - log: { match: x, within: 1s }`);
    assert.match(invalid(load(text)).message, /names its service/);
    const unknown = stack(
      `      - tcp: { port: 7000 }`,
      `verify:\n  - log: { service: ap, match: x, within: 1s }`,
    );
    assertAt(invalid(load(unknown)), unknown, 'ap,', 'verify.0.log.service');
  });

  it('suggests the field meant for a misspelt one', () => {
    const text = stack(`      - http: { url: 'http://127.0.0.1:7000/', expct: {} }`);
    const err = invalid(load(text));
    assert.match(err.hint ?? err.message, /did you mean "expect"/);
  });
});
