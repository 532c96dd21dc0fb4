import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Scenario } from '../emulator/scenario.js';
import { startEmulator, type Emulator } from '../emulator/server.js';
import { cli, copyExample, ROOT } from './helpers.js';

/**
 * The seeded mistakes about what a stack refers to — an image tag never pushed, an image built for the wrong CPU,
 * a database version RDS does not offer — through the built CLI against the emulator. They live in
 * examples/mistakes/aws/artifacts/ because each needs an account where that image is missing or arm64-only;
 * verify-aws.test.ts runs the files beside it against a different account.
 */

interface Result {
  id: string;
  ok: boolean;
  message: string;
  fix?: string;
  location?: { file: string; line: number; column: number };
}

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
  const env = (extra: Record<string, string> = {}) => ({
    AWS_ENDPOINT_URL: em.url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  });
  const files = readdirSync(join(ROOT, DIR)).filter((f) => f.endsWith('.yaml'));

  it('has the three mistakes, each saying what is wrong and which check catches it', () => {
    assert.deepEqual(files.sort(), ['image-arm64.yaml', 'image-missing.yaml', 'rds-version.yaml']);
    for (const f of files)
      assert.match(
        readFileSync(join(ROOT, DIR, f), 'utf8'),
        /^# MISTAKE[^\n]*\n(#[^\n]*\n)*# expect: [\w-]+\n/,
        f,
      );
  });

  const expectations: Record<string, RegExp> = {
    'image-missing.yaml':
      /mistakes\/web:2\.4\.1 of container web \(ecs\/web\.task\.json\) is not in ECR: ImageNotFound/,
    'image-arm64.yaml':
      /mistakes\/reports:1\.8\.0 .* is built for linux\/arm64 only, but the task runs on linux\/amd64/,
    'rds-version.yaml':
      /cfn\/database\.yaml: Database \(AWS::RDS::DBInstance\) asks for postgres 14\.1 \(parameter PostgresVersion\)/,
  };
  for (const [f, message] of Object.entries(expectations)) {
    it(`${f}: exits 3 naming ${/# expect: ([\w-]+)/.exec(readFileSync(join(ROOT, DIR, f), 'utf8'))?.[1]}, with file:line:col and a fix`, async () => {
      const expected = /# expect: ([\w-]+)/.exec(readFileSync(join(ROOT, DIR, f), 'utf8'))![1]!;
      const file = `${DIR}/${f}`;
      const j = await cli(['-f', file, 'verify', '--json'], { cwd: ROOT, env: env() });
      assert.equal(j.code, 3, j.stdout + j.stderr);
      const out = JSON.parse(j.stdout) as { ok: boolean; checks: Result[] };
      const failed = out.checks.filter((c) => !c.ok);
      assert.deepEqual(
        failed.map((c) => c.id),
        [expected],
        j.stdout,
      );
      assert.match(failed[0]!.message, message);
      assert.ok(failed[0]!.fix && failed[0]!.fix.length > 10);
      assert.equal(failed[0]!.location?.file, file);
      assert.ok(failed[0]!.location!.line > 1);
      const t = await cli(['-f', file, 'verify'], { cwd: ROOT, env: env() });
      assert.equal(t.code, 3, t.stdout + t.stderr);
      assert.match(t.stdout, new RegExp(`✗ ${expected} +${file.replace(/\./g, '\\.')}:\\d+:\\d+: `));
      assert.match(t.stdout, /\n +fix: /);
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
    const dir = copyExample('parental-control');
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
