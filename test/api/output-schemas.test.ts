import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OUTPUT_SCHEMAS, OUTPUT_SCHEMA_VERSION } from '../../src/api/output-schemas.js';
import { cli, freePort, ROOT, serviceYaml, stackDir } from '../e2e/helpers.js';

/** Each command's `--json` output is what its published schema (`convoy schema NAME`) says, on a real stack. */
describe(
  'the --json outputs of plan, status, verify and diagnose match their schemas',
  { concurrency: false },
  () => {
    let dir = '';
    before(async () => {
      dir = stackDir('schemas', [serviceYaml('web', { port: await freePort() })]);
      const r = await cli(['deploy'], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
    });
    after(async () => {
      await cli(['down'], { cwd: dir });
    });

    async function json(args: string[]): Promise<unknown> {
      const r = await cli(args, { cwd: dir });
      assert.ok(r.code === 0 || r.code === 3, r.stderr);
      return JSON.parse(r.stdout);
    }

    it('plan', async () => {
      const out = OUTPUT_SCHEMAS.plan.parse(await json(['plan', '--json']));
      assert.deepEqual(out.waves, [['web']]);
      assert.equal(out.services[0]?.changed, false);
      assert.equal(out.services[0]?.estimate, null, 'an unchanged service takes no time');
      assert.ok(out.estimate && out.estimate.lowMs <= out.estimate.highMs, JSON.stringify(out.estimate));
      assert.equal(out.estimate.coverage, 0.8);
    });

    it('status', async () => {
      const out = OUTPUT_SCHEMAS.status.parse(await json(['status', '--json']));
      assert.equal(out[0]?.health, 'healthy');
    });

    it('verify', async () => {
      const out = OUTPUT_SCHEMAS.verify.parse(await json(['verify', '--json']));
      assert.equal(out.ok, true);
    });

    it('diagnose', async () => {
      const capture = join(ROOT, 'test/fixtures/diagnose/healthcheck-curl-missing-node-alpine.json');
      const out = OUTPUT_SCHEMAS.diagnose.parse(await json(['diagnose', '--input', capture, '--json']));
      assert.equal(out.findings[0]?.category, 'health-check-command');
    });

    it('a schema refuses output whose field was renamed', async () => {
      const [row] = (await json(['status', '--json'])) as Record<string, unknown>[];
      const { health, ...rest } = row!;
      assert.equal(OUTPUT_SCHEMAS.status.safeParse([{ ...rest, state: health }]).success, false);
    });

    it('convoy schema NAME prints each as a JSON Schema with its version', async () => {
      for (const name of Object.keys(OUTPUT_SCHEMAS)) {
        const s = (await json(['schema', name])) as { schemaVersion: number; $schema: string };
        assert.equal(s.schemaVersion, OUTPUT_SCHEMA_VERSION, name);
        assert.match(s.$schema, /draft-07/);
      }
    });
  },
);
