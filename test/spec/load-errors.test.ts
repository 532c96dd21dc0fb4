import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadStack } from '../../src/spec/load.js';
import { assertAt, EXAMPLE, invalid, writeStack } from './fixtures.js';

const load =
  (text: string, env: Record<string, string> = {}) =>
  () =>
    loadStack(writeStack(text), { env });

describe('loadStack: unreadable files', () => {
  it('names a missing file, without a location', () => {
    const file = join(tmpdir(), 'convoy-does-not-exist', 'convoy.yaml');
    const err = invalid(() => loadStack(file));
    assert.equal(err.location, undefined);
    assert.ok(err.message.includes(file), err.message);
    assert.match(err.message, /no such file/);
  });

  it('rejects a folder', () => {
    const err = invalid(() => loadStack(mkdtempSync(join(tmpdir(), 'convoy-dir-'))));
    assert.match(err.message, /folder/);
  });

  it('rejects an empty file', () => {
    assert.match(invalid(load('# nothing\n')).message, /empty/);
  });
});

describe('loadStack: YAML errors', () => {
  it('reports a syntax error at its line and column', () => {
    const text = `stack: s
services:
  web:
    local: { command: node
    dependsOn: []
`;
    const err = invalid(load(text));
    assert.ok(err.location);
    assert.ok(err.location.line >= 4, err.message);
    assert.match(err.message, /^.*convoy\.yaml:\d+:\d+: invalid YAML: /);
  });

  it('reports a bad indentation at the offending line', () => {
    const text = `stack: s
services:
  web:
    local:
      command: node
     args: [x]
`;
    const err = invalid(load(text));
    assert.equal(err.location?.line, 6, err.message);
  });

  it('rejects duplicate keys where the duplicate is', () => {
    const text = `stack: s
services:
  web: { local: { command: node } }
  web: { local: { command: node } }
`;
    const err = invalid(load(text));
    assertAt(err, text, 'web', undefined, 1);
    assert.match(err.message, /unique/);
  });
});

describe('loadStack: schema errors', () => {
  it('points at an unknown field and suggests the known one', () => {
    const text = EXAMPLE.replace('interval: 2s, retries', 'intervl: 2s, retries');
    const err = invalid(load(text));
    assertAt(err, text, 'intervl', 'services.api.healthCheck.intervl');
    assert.ok(
      err.message.endsWith(': services.api.healthCheck.intervl: unknown field (did you mean "interval"?)'),
      err.message,
    );
    assert.equal(err.hint, 'did you mean "interval"?');
  });

  it('lists known fields when nothing is close, and counts further problems', () => {
    const text = `stack: s
services:
  web:
    volumes: [x]
    local: { command: node, port: 0 }
`;
    const err = invalid(load(text));
    assertAt(err, text, 'volumes', 'services.web.volumes');
    assert.match(
      err.message,
      /unknown field \(known fields: kind, version, dependsOn, healthCheck, scale, local, aws, cloudformation, verify; 1 more problem in this file\)/,
    );
  });

  it('reports the earliest problem in the file first', () => {
    const text = `stack: "bad name"
services:
  web: { local: { command: node, cwdd: x } }
`;
    const err = invalid(load(text));
    assertAt(err, text, '"bad name"', 'stack');
    assert.match(err.message, /letters, digits/);
  });

  it('says which field is missing, at its parent', () => {
    const text = `stack: s
services:
  web:
    local:
      args: [x]
`;
    const err = invalid(load(text));
    assertAt(err, text, 'args', 'services.web.local.command');
    assert.match(err.message, /required field is missing/);
  });

  it('explains wrong types and bad durations', () => {
    const wrongType = `stack: s
services:
  web:
    local: { command: [node] }
`;
    const err = invalid(load(wrongType));
    assertAt(err, wrongType, '[node]', 'services.web.local.command');
    assert.match(err.message, /expected a string, got a list/);

    const badDuration = EXAMPLE.replace('interval: 2s, timeout', 'interval: 2 seconds, timeout');
    const err2 = invalid(load(badDuration));
    assertAt(err2, badDuration, '2 seconds', 'services.db.healthCheck.interval');
    assert.match(err2.message, /expected a duration/);
  });

  it('lists every accepted type when a value fits none of them', () => {
    const text = `stack: s
services:
  web:
    local: { command: node, env: { A: [1] } }
`;
    const err = invalid(load(text));
    assertAt(err, text, '[1]', 'services.web.local.env.A');
    assert.match(err.message, /expected a string, a number, a boolean or a mapping, got a list$/);
  });

  it('suggests the closest allowed value of an enum', () => {
    const text = EXAMPLE.replace('target: local', 'target: locl');
    const err = invalid(load(text));
    assertAt(err, text, 'locl', 'target');
    assert.match(err.message, /expected one of "local", "aws", got "locl" \(did you mean "local"\?\)/);
  });

  it('reports the problem inside the branch of a union that was meant', () => {
    const text = `stack: s
services:
  db: { local: { command: node } }
  web:
    local: { command: node, env: { TOKEN: { value: x, secrt: true } } }
    dependsOn:
      db: { condition: ready }
`;
    const err = invalid(load(text));
    assertAt(err, text, 'secrt', 'services.web.local.env.TOKEN.secrt');
    assert.match(err.message, /did you mean "secret"\?/);
  });

  it('rejects a bad service name at its key', () => {
    const text = `stack: s
services:
  Web: { local: { command: node } }
`;
    const err = invalid(load(text));
    assertAt(err, text, 'Web', 'services.Web');
    assert.match(err.message, /invalid name "Web": a service name is lower-case/);
  });

  it('requires exactly one kind of health check', () => {
    const text = EXAMPLE.replace('{ http: { url', '{ tcp: { port: 1 }, http: { url');
    const err = invalid(load(text));
    assertAt(err, text, '{ tcp:', 'services.db.healthCheck');
    assert.match(err.message, /exactly one of command, http or tcp/);
  });
});

describe('loadStack: interpolation errors', () => {
  it('points at the ${ of a missing variable', () => {
    const text = EXAMPLE.replace('${VERSION:-1}', 'v${VERSION}');
    const err = invalid(load(text));
    assertAt(err, text, '${VERSION}', 'services.api.local.env.VERSION');
    assert.match(err.message, /VERSION is not set/);
  });

  it('points at the right reference in a block scalar', () => {
    const text = `stack: s
services:
  web:
    local:
      command: sh
      args:
        - -c
        - |
          echo \${A}
          echo \${B}
`;
    const err = invalid(load(text, { A: 'a' }));
    assertAt(err, text, '${B}', 'services.web.local.args.1');
  });
});

describe('loadStack: dependency rules', () => {
  const base = `stack: s
services:
  db: { local: { command: node } }
  migrate: { kind: job, local: { command: node } }
`;

  it('rejects an unknown dependency with a suggestion', () => {
    const text = `${base}  api:
    local: { command: node }
    dependsOn: [dbb]
`;
    const err = invalid(load(text));
    assertAt(err, text, 'dbb', 'services.api.dependsOn.0');
    assert.match(err.message, /unknown service "dbb" \(did you mean "db"\?\)/);
  });

  it('rejects an unknown dependency in the long form at its key', () => {
    const text = `${base}  api:
    local: { command: node }
    dependsOn:
      cache: { condition: started }
`;
    const err = invalid(load(text));
    assertAt(err, text, 'cache', 'services.api.dependsOn.cache');
    assert.equal(err.hint, undefined);
  });

  it('rejects a service depending on itself', () => {
    const text = `${base}  api:
    local: { command: node }
    dependsOn: [db, api]
`;
    const err = invalid(load(text));
    assertAt(err, text, 'api]', 'services.api.dependsOn.1');
    assert.match(err.message, /depends on itself/);
  });

  it('rejects healthy on a dependency without a health check', () => {
    const text = `${base}  api:
    local: { command: node }
    dependsOn: { db: { condition: healthy } }
`;
    const err = invalid(load(text));
    assertAt(err, text, 'healthy', 'services.api.dependsOn.db.condition');
    assert.match(err.message, /needs a healthCheck on db/);
  });

  it('rejects completed on a dependency that is not a job', () => {
    const text = `${base}  api:
    local: { command: node }
    dependsOn: { migrate: { condition: completed }, db: { condition: completed } }
`;
    const err = invalid(load(text));
    assertAt(err, text, 'completed', 'services.api.dependsOn.db.condition', 1);
    assert.match(err.message, /db to be a job/);
  });

  it('rejects a service without a local block on the local target', () => {
    const text = `${base}  api:
    dependsOn: [db]
`;
    const err = invalid(load(text));
    assertAt(err, text, 'api', 'services.api');
    assert.match(err.message, /no "local" block/);
  });

  it('reports a cycle with its path, at the dependsOn of its first service', () => {
    const text = `stack: s
services:
  db: { local: { command: node } }
  a:
    local: { command: node }
    dependsOn: [db, b]
  b:
    local: { command: node }
    dependsOn: [c]
  c:
    local: { command: node }
    dependsOn: { a: { condition: started } }
`;
    const err = invalid(load(text));
    assertAt(err, text, '[db, b]', 'services.a.dependsOn');
    assert.match(err.message, /dependency cycle: a → b → c → a/);
  });
});
