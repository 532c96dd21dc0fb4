import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cli, tempDir, writeStack } from './helpers.js';

const base = (svc: string) => `stack: bad\nservices:\n${svc}`;
const api = '  api:\n    local: { command: node, args: [x.mjs] }\n';

describe('bad input exits 3 and names file, line, column and field', () => {
  const cases: [string, string, RegExp][] = [
    [
      'malformed YAML',
      'stack: bad\nservices:\n  api:\n    local: { command: node, args: [x.mjs]\n',
      /convoy\.yaml:\d+:\d+/,
    ],
    [
      'an unknown field',
      base(api + '    healthCheck: { http: { url: "http://127.0.0.1:1/h" }, intervl: 2s }\n'),
      /convoy\.yaml:5:\d+: services\.api\.healthCheck\.intervl: .*did you mean "interval"/,
    ],
    [
      'a dependency cycle',
      base(
        '  a:\n    dependsOn: [b]\n    local: { command: node }\n  b:\n    dependsOn: [a]\n    local: { command: node }\n',
      ),
      /convoy\.yaml:\d+:\d+: .*(a → b → a|b → a → b)/,
    ],
    [
      'a missing ${VAR}',
      base('  api:\n    local: { command: node, env: { TOKEN: "${CONVOY_TEST_UNSET_VAR}" } }\n'),
      /convoy\.yaml:4:\d+: services\.api\.local\.env\.TOKEN: .*CONVOY_TEST_UNSET_VAR/,
    ],
  ];
  for (const [what, yaml, expected] of cases) {
    for (const cmd of ['validate', 'deploy', 'plan']) {
      it(`${what}: convoy ${cmd}`, async () => {
        const dir = tempDir();
        writeStack(dir, yaml);
        const r = await cli([cmd], { cwd: dir });
        assert.equal(r.code, 3, r.stdout + r.stderr);
        assert.match(r.stderr, expected);
      });
    }
  }

  it('a missing stack file exits 3 naming it', async () => {
    const r = await cli(['-f', 'nope.yaml', 'validate'], { cwd: tempDir() });
    assert.equal(r.code, 3);
    assert.match(r.stderr, /nope\.yaml/);
  });

  it('validate accepts a good file; schema prints a JSON Schema', async () => {
    const dir = tempDir();
    writeStack(dir, base(api));
    const v = await cli(['validate'], { cwd: dir });
    assert.equal(v.code, 0, v.stderr);
    const s = await cli(['schema'], { cwd: dir });
    const schema = JSON.parse(s.stdout) as { properties: Record<string, unknown> };
    assert.ok(schema.properties.services && schema.properties.stack);
  });
});
