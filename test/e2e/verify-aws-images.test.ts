import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Scenario } from '../emulator/scenario.js';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { cli, copyExample, emulatorEnv, ROOT } from './helpers.js';
import { assertCaught, assertHeaders, mistakesIn } from './mistakes.js';

/**
 * The seeded mistakes about what a stack refers to — an image tag never pushed, an image built for the wrong CPU,
 * a database version RDS does not offer — through the built CLI against the emulator. They live in
 * examples/mistakes/aws/artifacts/ because each needs an account where that image is missing or arm64-only;
 * verify-aws.test.ts runs the files beside it against a different account.
 */

const DIR = 'examples/mistakes/aws/artifacts';
const SCENARIO: Scenario = {
  images: [
    { image: '*/mistakes/web:2.4.1', pullError: true },
    { image: '*/mistakes/reports:1.8.0', platforms: ['linux/arm64'] },
    { image: '*/parental-control/policy-enforcer:2.0.0', pullError: true },
  ],
};

describe('convoy verify: image and engine-version mistakes in examples/mistakes/aws/artifacts/', () => {
  let em: Emulator;
  before(async () => {
    em = await startEmulator({ timeScale: 0.01, scenario: SCENARIO });
  });
  after(async () => {
    await em.close();
  });
  const env = (extra: Record<string, string> = {}) => emulatorEnv(em.url, extra);
  const mistakes = mistakesIn(DIR);

  it('has the three mistakes, each saying what is wrong and which check catches it', () => {
    assert.deepEqual(
      mistakes.map((m) => m.file),
      ['image-arm64.yaml', 'image-missing.yaml', 'rds-version.yaml'].map((f) => `${DIR}/${f}`),
    );
    assertHeaders(mistakes);
  });

  const messages: Record<string, RegExp> = {
    [`${DIR}/image-missing.yaml`]:
      /mistakes\/web:2\.4\.1 of container web \(ecs\/web\.task\.json\) is not in ECR: ImageNotFound/,
    [`${DIR}/image-arm64.yaml`]:
      /mistakes\/reports:1\.8\.0 .* is built for linux\/arm64 only, but the task runs on linux\/amd64/,
    [`${DIR}/rds-version.yaml`]:
      /cfn\/database\.yaml: Database \(AWS::RDS::DBInstance\) asks for postgres 14\.1 \(parameter PostgresVersion\)/,
  };
  for (const m of mistakes) {
    it(`${m.file}: exits 3 naming ${m.expected}, with file:line:col and a fix`, async () => {
      const { failed } = await assertCaught(m, env());
      assert.equal(failed.length, 1);
      assert.match(failed[0]!.message, messages[m.file]!);
    });
  }

  it('the fixes work: the tag that was pushed, an image rebuilt for amd64 or for both platforms', async () => {
    const ok = async (f: string, extra: Record<string, string>) => {
      const r = await cli(['-f', `${DIR}/${f}`, 'verify'], { cwd: ROOT, env: env(extra) });
      assert.equal(r.code, 0, r.stdout + r.stderr);
    };
    await ok('image-missing.yaml', { IMAGE_TAG: '2.4.0' });
    await ok('image-arm64.yaml', { IMAGE_TAG: '1.7.9' });
    em.applyScenario({
      images: [{ image: '*/mistakes/reports:*', platforms: ['linux/amd64', 'linux/arm64'] }],
    });
    await ok('image-arm64.yaml', {});
    em.applyScenario(SCENARIO);
  });

  it('deploy refuses a tag that was never pushed before the lock and before ECS: exit 3, nothing touched', async () => {
    const { dir } = await copyExample('parental-control');
    em.calls.reset();
    const r = await cli(['-f', 'convoy.aws.yaml', 'deploy'], { cwd: dir, env: env({ IMAGE_TAG: '2.0.0' }) });
    assert.equal(r.code, 3, r.stdout + r.stderr);
    assert.match(
      r.stdout + r.stderr,
      /✗ ecr-images .*parental-control\/policy-enforcer:2\.0\.0 of container policy-enforcer/,
    );
    assert.match(r.stderr, /pre-flight checks failed, nothing was deployed/);
    const ecs = Object.keys(em.calls.snapshot().byOperation).filter(
      (op) => op.startsWith('ecs.') && op !== 'ecs.DescribeClusters',
    );
    assert.deepEqual(ecs, [], 'no ECS call beyond the pre-flight cluster check');
    assert.deepEqual(em.world.ecs.allServices(), []);
  });
});
