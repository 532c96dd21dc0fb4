import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Scenario } from '../emulator/scenario.js';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { cli, ROOT, tempDir } from './helpers.js';

/**
 * The seeded aws mistakes in examples/mistakes/aws/, through the built CLI against the emulator: an account where
 * the cluster, role, secret and parameter those files name do not exist, and everything else does. (verify.test.ts
 * runs examples/mistakes/*.yaml without an emulator, so these live in their own folder.)
 */

interface Result {
  id: string;
  ok: boolean;
  message: string;
  fix?: string;
  location?: { file: string; line: number; column: number };
}

const MISTAKES = join(ROOT, 'examples/mistakes/aws');
const SCENARIO: Scenario = {
  iam: { roles: ['ecsTaskExecutionRole', 'parental-control-policy-enforcer'] },
  secrets: [],
  ssmParameters: [],
};

describe('convoy verify: the seeded aws mistakes in examples/mistakes/aws/', () => {
  let em: Emulator;
  before(async () => {
    em = await startEmulator({ timeScale: 0.01, scenario: SCENARIO });
  });
  after(async () => {
    await em.close();
  });
  const env = () => ({
    AWS_ENDPOINT_URL: em.url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  const files = readdirSync(MISTAKES).filter((f) => f.endsWith('.yaml'));

  it('has one stack file per mistake, each saying what is wrong and which check catches it', () => {
    assert.ok(files.length >= 3, files.join(', '));
    for (const f of files)
      assert.match(
        readFileSync(join(MISTAKES, f), 'utf8'),
        /^# MISTAKE[^\n]*\n(#[^\n]*\n)*# expect: [\w-]+\n/,
        f,
      );
  });

  for (const f of files) {
    const expected = /# expect: ([\w-]+)/.exec(readFileSync(join(MISTAKES, f), 'utf8'))![1]!;
    it(`${f}: exits 3 and names ${expected}, with file:line:col and a fix`, async () => {
      const file = `examples/mistakes/aws/${f}`;
      const j = await cli(['-f', file, 'verify', '--json'], { cwd: ROOT, env: env() });
      assert.equal(j.code, 3, j.stdout + j.stderr);
      const out = JSON.parse(j.stdout) as { ok: boolean; checks: Result[] };
      const failed = out.checks.filter((c) => !c.ok);
      assert.deepEqual([...new Set(failed.map((c) => c.id))], [expected], j.stdout);
      assert.ok(
        out.checks.some((c) => c.id === 'aws-credentials' && c.ok),
        'the credentials work',
      );
      for (const c of failed) {
        assert.ok(c.fix && c.fix.length > 10, `${c.id} says what to change`);
        assert.equal(c.location?.file, file);
        assert.ok(c.location!.line > 1 && c.location!.column >= 1);
      }
      const t = await cli(['-f', file, 'verify'], { cwd: ROOT, env: env() });
      assert.equal(t.code, 3);
      assert.match(t.stdout, new RegExp(`✗ ${expected} +${file.replace(/\./g, '\\.')}:\\d+:\\d+: `));
      assert.match(t.stderr, new RegExp(`verify: \\d+ problems? \\(${expected}\\)`));
    });
  }

  it('deploy refuses a missing role before it touches ECS (exit 3)', async () => {
    em.calls.reset();
    // A copy: deploy opens the stack's state store next to the stack file.
    const dir = tempDir();
    for (const d of ['mistakes/aws', 'parental-control'])
      cpSync(join(MISTAKES, '../..', d), join(dir, 'examples', d), { recursive: true });
    const r = await cli(['-f', 'examples/mistakes/aws/missing-role.yaml', 'deploy', '--json'], {
      cwd: dir,
      env: env(),
    });
    assert.equal(r.code, 3, r.stdout + r.stderr);
    assert.match(r.stderr, /pre-flight checks failed, nothing was deployed/);
    assert.match(r.stderr, /IAM role parental-control-kafka-subscriber does not exist/);
    assert.equal(em.calls.count('ecs', 'RegisterTaskDefinition'), 0);
  });

  it('the same files pass once the account has what they name and the environment what they need', async () => {
    em.reset({ clusters: ['default', 'production'] });
    const filled = { ...env(), ORDERS_DATABASE_URL: 'postgres://orders-db.internal:5432/orders' };
    for (const f of files) {
      const r = await cli(['-f', `examples/mistakes/aws/${f}`, 'verify'], { cwd: ROOT, env: filled });
      assert.equal(r.code, 0, r.stdout + r.stderr);
    }
  });
});
