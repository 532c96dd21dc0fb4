import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { InvalidInputError } from '../../src/errors.js';
import { loadStack } from '../../src/spec/load.js';
import { EXAMPLE, positionOf, writeStack } from './fixtures.js';

describe('loadStack: the example from the issue', () => {
  const file = writeStack(EXAMPLE);

  it('is valid as written, with VERSION defaulting to 1', () => {
    const stack = loadStack(file, { env: {} });
    assert.equal(stack.name, 'demo');
    assert.equal(stack.target, 'local');
    assert.equal(stack.file, file);
    assert.equal(stack.dir, dirname(file));
    assert.deepEqual(
      stack.services.map((s) => s.name),
      ['db', 'api'],
    );
    const api = stack.services[1];
    assert.deepEqual(api?.local?.env.VERSION, { value: '1', secret: false });
    assert.deepEqual(api?.local?.env.PORT, { value: '8080', secret: false });
    assert.deepEqual(api?.local?.args, ['server.mjs']);
    assert.equal(api?.local?.port, 8080);
  });

  it('takes VERSION from the environment when set', () => {
    const stack = loadStack(file, { env: { VERSION: '7' } });
    assert.equal(stack.services[1]?.local?.env.VERSION?.value, '7');
  });

  it('reads no process environment: only the env it is given fills ${VAR}s', () => {
    const before = process.env.VERSION;
    process.env.VERSION = '42';
    try {
      assert.notEqual(loadStack(file).services[1]?.local?.env.VERSION?.value, '42');
      assert.equal(loadStack(file, { env: { VERSION: '43' } }).services[1]?.local?.env.VERSION?.value, '43');
    } finally {
      if (before === undefined) delete process.env.VERSION;
      else process.env.VERSION = before;
    }
  });

  it('parses durations to milliseconds and fills health check defaults like ECS', () => {
    const [db, api] = loadStack(file, { env: {} }).services;
    assert.deepEqual(db?.healthCheck, {
      http: { url: 'http://127.0.0.1:5433/health' },
      interval: 2000,
      timeout: 1000,
      retries: 3,
      startPeriod: 5000,
    });
    assert.deepEqual(api?.healthCheck, {
      command: ['CMD-SHELL', 'curl -fs http://127.0.0.1:8080/health'],
      interval: 2000,
      timeout: 5000,
      retries: 3,
      startPeriod: 0,
    });
  });

  it('short dependsOn on a service with a health check waits for healthy', () => {
    const [db, api] = loadStack(file, { env: {} }).services;
    assert.deepEqual(db?.dependsOn, []);
    assert.deepEqual(api?.dependsOn, [{ name: 'db', condition: 'healthy' }]);
  });

  it('locates fields, falling back to the nearest parent', () => {
    const stack = loadStack(file, { env: {} });
    const dependsOn = positionOf(EXAMPLE, '[db]');
    assert.deepEqual(stack.locate(['services', 'api', 'dependsOn']), {
      file,
      ...dependsOn,
      field: 'services.api.dependsOn',
    });
    const api = positionOf(EXAMPLE, 'dependsOn');
    assert.deepEqual(stack.locate(['services', 'api', 'nothing', 'here']), {
      file,
      ...api,
      field: 'services.api.nothing.here',
    });
  });
});

describe('loadStack: defaults and normalisation', () => {
  it('fills stack and health check defaults', () => {
    const text = `stack: s
services:
  web:
    local: { command: node }
    healthCheck:
      tcp: { port: "8080" }
`;
    const stack = loadStack(writeStack(text), { env: {} });
    assert.equal(stack.target, 'local');
    assert.deepEqual(stack.deploy, { order: 'waves', timeout: 600_000, failFast: 'conclusive' });
    assert.deepEqual(stack.rollback, { scope: 'failed' });
    assert.deepEqual(stack.lock, { lease: 15_000, heartbeat: 5_000 });
    const web = stack.services[0];
    assert.equal(web?.kind, 'service');
    assert.deepEqual(web?.local, { command: 'node', args: [], env: {} });
    assert.deepEqual(web?.healthCheck, {
      tcp: { host: '127.0.0.1', port: 8080 },
      interval: 30_000,
      timeout: 5_000,
      retries: 3,
      startPeriod: 0,
    });
  });

  it('normalises short and long dependsOn forms', () => {
    const text = `stack: s
services:
  migrate: { kind: job, local: { command: node } }
  cache: { local: { command: node } }
  db:
    local: { command: node }
    healthCheck: { command: [CMD, "true"] }
  api:
    local: { command: node }
    dependsOn: [migrate, cache, db]
  web:
    local: { command: node }
    dependsOn:
      db: { condition: started }
      migrate: { condition: completed }
      api: { condition: started }
`;
    const services = loadStack(writeStack(text), { env: {} }).services;
    const deps = Object.fromEntries(services.map((s) => [s.name, s.dependsOn]));
    assert.deepEqual(deps.api, [
      { name: 'migrate', condition: 'completed' },
      { name: 'cache', condition: 'started' },
      { name: 'db', condition: 'healthy' },
    ]);
    assert.deepEqual(deps.web, [
      { name: 'db', condition: 'started' },
      { name: 'migrate', condition: 'completed' },
      { name: 'api', condition: 'started' },
    ]);
  });

  it('keeps services in file order, even with numeric names', () => {
    const text = `stack: s
services:
  zeta: { local: { command: node } }
  "10": { local: { command: node } }
  alpha: { local: { command: node }, dependsOn: ["10"] }
`;
    assert.deepEqual(
      loadStack(writeStack(text), { env: {} }).services.map((s) => s.name),
      ['zeta', '10', 'alpha'],
    );
  });

  it('keeps secret env values and stringifies scalars', () => {
    const text = `stack: s
services:
  web:
    version: 12
    local:
      command: node
      env:
        N: 5
        B: true
        TOKEN: { value: "\${TOKEN}" }
        SHOWN: { value: x, secret: false }
`;
    const web = loadStack(writeStack(text), { env: { TOKEN: 't0k' } }).services[0];
    assert.equal(web?.version, '12');
    assert.deepEqual(web?.local?.env, {
      N: { value: '5', secret: false },
      B: { value: 'true', secret: false },
      TOKEN: { value: 't0k', secret: true, source: '${TOKEN}' },
      SHOWN: { value: 'x', secret: false },
    });
  });

  it('the aws target needs an aws block instead of a local one', () => {
    const text = `stack: s
target: aws
services:
  web: {}
`;
    assert.throws(
      () => loadStack(writeStack(text), { env: {} }),
      /services\.web: target is "aws" but web has no "aws" block/,
    );
  });

  it('the aws target refuses an http or tcp health check, at its line, saying what to use instead', () => {
    const text = `stack: s
target: aws
services:
  web:
    aws: { taskDefinition: web.json }
    healthCheck: { http: { url: "http://127.0.0.1:8080/health" } }
`;
    const file = writeStack(text);
    writeFileSync(
      join(dirname(file), 'web.json'),
      JSON.stringify({ family: 'web', containerDefinitions: [] }),
    );
    assert.throws(
      () => loadStack(file, { env: {} }),
      (e: InvalidInputError) => {
        assert.match(e.message, /an http health check cannot run on the aws target/);
        assert.equal(e.location?.line, positionOf(text, 'http:').line);
        assert.match(e.hint ?? '', /healthCheck\.command/);
        return true;
      },
    );
  });

  it('interpolates values but never keys, and $$ escapes', () => {
    const text = `stack: s
services:
  web:
    local:
      command: sh
      args: ["-c", "echo $$HOME \${GREETING-hi}"]
      env: { "\${KEY}": "\${KEY:-k}" }
`;
    const web = loadStack(writeStack(text), { env: {} }).services[0];
    assert.deepEqual(web?.local?.args, ['-c', 'echo $HOME hi']);
    assert.deepEqual(Object.keys(web?.local?.env ?? {}), ['${KEY}']);
    assert.equal(web?.local?.env['${KEY}']?.value, 'k');
  });
});
