import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Scenario } from '../emulator/scenario.js';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { cli, emulatorEnv, ROOT, tempDir } from './helpers.js';
import { assertCaught, assertHeaders, mistakesIn } from './mistakes.js';

/**
 * The seeded aws mistakes in examples/mistakes/aws/, through the built CLI against the emulator: an account where
 * the cluster, role, secret and parameter those files name do not exist, and everything else does. (verify.test.ts
 * runs examples/mistakes/*.yaml without an emulator, so these live in their own folder.)
 */

const DIR = 'examples/mistakes/aws';
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
  const env = () => emulatorEnv(em.url);
  const mistakes = mistakesIn(DIR);

  it('has one stack file per mistake, each saying what is wrong and which check catches it', () => {
    assert.ok(mistakes.length >= 3, mistakes.map((m) => m.file).join(', '));
    assertHeaders(mistakes);
  });

  for (const m of mistakes) {
    it(`${m.file}: exits 3 and names ${m.expected}, with file:line:col and a fix`, async () => {
      const { checks } = await assertCaught(m, env());
      assert.ok(
        checks.some((c) => c.id === 'aws-credentials' && c.ok),
        'the credentials work',
      );
    });
  }

  it('deploy refuses a missing role before it touches ECS (exit 3)', async () => {
    em.calls.reset();
    // A copy: deploy opens the stack's state store next to the stack file.
    const dir = tempDir();
    for (const d of ['mistakes/aws', 'parental-control'])
      cpSync(join(ROOT, 'examples', d), join(dir, 'examples', d), { recursive: true });
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
    for (const m of mistakes) {
      const r = await cli(['-f', m.file, 'verify'], { cwd: ROOT, env: filled });
      assert.equal(r.code, 0, r.stdout + r.stderr);
    }
  });
});
