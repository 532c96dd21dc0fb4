import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractEvidence } from '../../src/diagnose/index.js';
import { secretValues } from '../../src/engine/redact.js';
import { changeReasons } from '../../src/plan/diff.js';
import { revisionOf } from '../../src/plan/revision.js';
import { StackSpec } from '../../src/spec/schema.js';
import type { Service } from '../../src/spec/types.js';
import { TARGET_MODULES, TARGETS, targetModule } from '../../src/targets/registry.js';

const local: Service = {
  name: 'api',
  kind: 'service',
  dependsOn: [],
  local: {
    command: 'node',
    args: ['server.js'],
    env: { PORT: { value: '8080', secret: false }, TOKEN: { value: 's3cret', secret: true } },
  },
};

const aws: Service = {
  name: 'web',
  kind: 'service',
  dependsOn: [],
  aws: {
    taskDefinitionFile: 'td/web.json',
    taskDefinition: { family: 'web', containerDefinitions: [{ name: 'web', image: 'web:1' }] },
  },
};

describe('target registry', () => {
  it('registers every target the stack file accepts, each under its own kind', () => {
    for (const [kind, m] of Object.entries(TARGETS)) {
      assert.equal(m.kind, kind);
      const parsed = StackSpec.safeParse({ stack: 's', target: kind, services: { a: {} } });
      assert.ok(parsed.success, `the stack file accepts target "${kind}"`);
    }
    assert.equal(StackSpec.safeParse({ stack: 's', target: 'nope', services: { a: {} } }).success, false);
  });

  it('an unknown target is the stack file’s mistake, located at `target`', () => {
    const at = { file: 'convoy.yaml', line: 2, column: 9 };
    assert.throws(
      () => targetModule({ target: 'nope' as 'local', locate: () => at }),
      (err: Error & { location?: unknown }) =>
        /target "nope" is not available.*use "local" or "aws"/.test(err.message) &&
        JSON.stringify(err.location) === JSON.stringify(at),
    );
  });

  it('revisions hash each target’s own block, as before targets were modules', () => {
    // Pinned to the hashes from before targets were modules: a change here redeploys every service.
    assert.equal(revisionOf(local), '308a8a2dadc9');
    assert.equal(revisionOf(aws), '6711437bf9de');
    // Where a file lives is not a change; what it holds is.
    assert.equal(
      revisionOf({ ...aws, aws: { ...aws.aws!, taskDefinitionFile: 'elsewhere.json' } }),
      revisionOf(aws),
    );
    assert.notEqual(
      revisionOf({ ...aws, aws: { ...aws.aws!, taskDefinition: { family: 'web2' } } }),
      revisionOf(aws),
    );
  });

  it('change reasons come from the block that changed', () => {
    const next: Service = { ...local, local: { ...local.local!, command: 'deno' } };
    assert.deepEqual(changeReasons(next, local), ['command node → deno']);
    const moved: Service = { ...aws, aws: { ...aws.aws!, taskDefinition: { family: 'web2' } } };
    assert.deepEqual(changeReasons(moved, aws), ['configuration changed']);
  });

  it('secret values come from the target modules (the local target: env marked secret)', () => {
    assert.deepEqual(secretValues([local, aws]), ['s3cret']);
    assert.deepEqual(
      TARGET_MODULES.map((m) => [m.kind, m.secretValues(local)]),
      [
        ['local', ['s3cret']],
        ['aws', []],
      ],
    );
  });

  it('each module reads its own part of a capture, and names its origin', () => {
    const localLines = extractEvidence({ service: 'api', local: { exitCode: 1, logs: ['boom'] } });
    assert.deepEqual(localLines[0], { kind: 'origin', path: 'origin', text: 'local' });
    assert.ok(localLines.some((l) => l.path === 'local.logs[0]' && l.text === 'boom'));
    const awsLines = extractEvidence({
      service: 'web',
      tasks: [{ stoppedReason: 'Essential container exited' }],
    });
    assert.deepEqual(awsLines[0], { kind: 'origin', path: 'origin', text: 'aws' });
    assert.ok(awsLines.some((l) => l.kind === 'stoppedReason'));
  });
});
