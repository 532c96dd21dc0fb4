import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BROKER_ALARM, sandboxBrokerOnAws, type SandboxOnAws } from './aws-post-deploy.js';
import { cli, events, startCli, waitForOutput, type CliResult } from './helpers.js';

/**
 * Post-deploy checks on the aws target (issue 16), the built CLI against the emulator: the sandbox broker's `verify:`
 * reaches the API through the load balancer's stand-in (BROKER_URL), the worker's CloudWatch Logs through
 * FilterLogEvents and the API's alarm through DescribeAlarms. A revision that drops the CORS header, a worker that
 * never finishes a job and an API whose alarm goes to ALARM during the bake are each rolled back with the check's
 * words.
 */

const output = (r: CliResult) => r.stdout + r.stderr;
type Ev = Record<string, unknown>;

describe(
  'e2e: post-deploy checks and the bake window on the aws target (emulator)',
  { concurrency: false },
  () => {
    let w: SandboxOnAws;
    const deploy = (env: Record<string, string> = {}) =>
      cli(['-f', 'convoy.aws.yaml', 'deploy', '--json'], {
        cwd: w.dir,
        env: { ...w.env, BAKE_FOR: '3s', BAKE_EVERY: '1s', ...env },
      });
    const failedCheck = (ev: Ev[]) => ev.find((e) => e.code === 'check.failed');
    const apiImage = () =>
      w.em.world.ecs.allServices().find((s) => s.name === 'sandbox-broker-api')!.taskDefinition
        .containerDefinitions[0]!.image;

    before(async () => {
      w = await sandboxBrokerOnAws();
    });
    after(() => w.close());

    it('passes every check through the load balancer, the logs and the alarm, bakes, and verify --post agrees', async () => {
      const r = await deploy();
      assert.equal(r.code, 0, output(r));
      const ev = events(r.stdout);
      const passed = new Set(ev.filter((e) => e.code === 'check.passed').map((e) => String(e.check)));
      for (const name of [
        'health',
        'rate-limit-header',
        'cors-preflight',
        'cached-templates',
        'no-5xx-alarm',
        'worker-jobs',
      ])
        assert.ok(passed.has(name), `${name} passed: ${[...passed].join(', ')}`);
      assert.ok(ev.some((e) => e.code === 'bake.passed'));

      const post = await cli(['-f', 'convoy.aws.yaml', 'verify', '--post'], { cwd: w.dir, env: w.env });
      assert.equal(post.code, 0, output(post));
    });

    it('a revision without the CORS header passes ECS health, fails cors-preflight and is rolled back (exit 1)', async () => {
      const before = apiImage();
      const r = await deploy({ API_TAG: 'no-cors' });
      assert.equal(r.code, 1, output(r));
      const failed = failedCheck(events(r.stdout));
      assert.equal(failed?.check, 'cors-preflight', JSON.stringify(failed));
      assert.match(String(failed?.message), /Access-Control-Allow-Headers/);
      assert.match(r.stderr, /check cors-preflight failed: .*Access-Control-Allow-Headers/);
      assert.equal(apiImage(), before, 'the API is back on its previous image');
      const preflight = await fetch(`${w.brokerUrl}/v1/sandboxes`, { method: 'OPTIONS' });
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /X-Sandbox-Client/);
    });

    it('a worker that never logs a finished job fails its log check, read from CloudWatch Logs', async () => {
      const r = await deploy({ WORKER_TAG: 'stuck' });
      assert.equal(r.code, 1, output(r));
      const ev = events(r.stdout);
      const failed = failedCheck(ev);
      assert.equal(failed?.check, 'worker-jobs', JSON.stringify(failed));
      assert.equal(failed?.kind, 'log');
      assert.ok(ev.some((e) => e.code === 'service.rolled-back' && e.service === 'worker'));
    });

    it('an API whose alarm goes to ALARM during the bake is rolled back by the bake, naming the alarm', async () => {
      // The alarm is set the moment the bake starts (as CloudWatch would on a 5xx spike), so no timing is guessed.
      const run = startCli(['-f', 'convoy.aws.yaml', 'deploy', '--json'], {
        cwd: w.dir,
        // The worker gets a new revision too: the emulator's worker logs its job once, at start, not every second.
        env: { ...w.env, API_TAG: '1.6.0', WORKER_TAG: '1.6.0', BAKE_FOR: '60s', BAKE_EVERY: '1s' },
      });
      await waitForOutput(run, /"code":"bake\.started"/, 120_000);
      w.em.world.cloudwatch.setAlarmState({
        AlarmName: BROKER_ALARM,
        StateValue: 'ALARM',
        StateReason: 'Threshold Crossed: 1 datapoint [12.0] was greater than the threshold (5.0).',
      });
      const r = await run.done;
      assert.equal(r.code, 1, output(r));
      const ev = events(r.stdout);
      const codes = ev.map((e) => e.code);
      const failed = ev.find((e) => e.code === 'check.failed' && e.phase === 'bake');
      assert.equal(
        failed?.check,
        'no-5xx-alarm',
        JSON.stringify(ev.filter((e) => e.code === 'check.failed')),
      );
      assert.match(String(failed?.message), new RegExp(BROKER_ALARM));
      assert.ok(codes.includes('bake.failed'), codes.join(' '));
      assert.ok(ev.some((e) => e.code === 'service.rolled-back' && e.service === 'api'));
    });
  },
);
