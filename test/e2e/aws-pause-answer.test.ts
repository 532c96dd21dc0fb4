import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Emulator } from '../emulator/server.js';
import {
  deploy,
  emulator,
  LINEAR_PAUSED,
  LINEAR_WAVE,
  nativeEnv,
  output,
  pausedDeploy,
  stack,
} from './aws-native-stack.js';
import { cli, describeEachBackend, events, stopRunningClis, uniqueSuffix } from './helpers.js';

/**
 * A wave paused at its `pauseAt` answered from another process: `convoy approve` / `convoy reject` record the
 * decision in the store (SQLite, DynamoDB) with who took it, and the waiting deployment acts on it. A pause nobody
 * answers ends by its hook's timeoutAction, which Convoy quotes.
 */

const answer = (em: Emulator, dir: string, verb: 'approve' | 'reject', by: string) =>
  cli(['-f', 'native.yaml', verb, '--by', by, '--json'], { cwd: dir, env: nativeEnv(em) });

/** The stored stream of the stack, as `convoy events --json` prints it. */
async function storedEvents(em: Emulator, dir: string) {
  const r = await cli(['-f', 'native.yaml', 'events', '--json'], { cwd: dir, env: nativeEnv(em) });
  assert.equal(r.code, 0, output(r));
  return events(r.stdout);
}

describeEachBackend('e2e: convoy approve / reject answer a paused wave', () => {
  after(() => stopRunningClis());

  it('continues the wave when another process approves, rolls it back when one rejects, recording who', async () => {
    const em = await emulator();
    const { dir } = await stack(LINEAR_WAVE, LINEAR_PAUSED, {}, `answer-${uniqueSuffix()}`);

    const none = await answer(em, dir, 'approve', 'alice');
    assert.equal(none.code, 3, output(none));
    assert.match(none.stderr, /no deployment of stack answer-\S+ is running/);

    const first = await pausedDeploy(em, dir, '1.0.0');
    const ok = await answer(em, dir, 'approve', 'alice');
    assert.equal(ok.code, 0, output(ok));
    const [answered] = JSON.parse(ok.stdout) as { action: string; by: string; services: string[] }[];
    assert.equal(answered!.action, 'CONTINUE');
    assert.equal(answered!.by, 'alice');
    assert.deepEqual([...answered!.services].sort(), LINEAR_WAVE);
    const done = await first.done;
    assert.equal(done.code, 0, output(done));
    assert.match(done.stdout, /CONTINUE at POST_TEST_TRAFFIC_SHIFT, decided by alice/);
    for (const n of LINEAR_WAVE) {
      const sd = em.world.ecs.findService('default', n)!.serviceDeployments[0]!;
      assert.equal(sd.status, 'SUCCESSFUL', n);
      assert.equal(sd.hooks[0]!.status, 'SUCCEEDED', n);
    }
    const again = await answer(em, dir, 'reject', 'bob');
    assert.equal(again.code, 3, 'nothing is paused once the deployment ended');

    const second = await pausedDeploy(em, dir, '2.0.0');
    const no = await answer(em, dir, 'reject', 'bob');
    assert.equal(no.code, 0, output(no));
    const failed = await second.done;
    assert.equal(failed.code, 1, output(failed));
    for (const n of LINEAR_WAVE)
      assert.equal(
        em.world.ecs.findService('default', n)!.serviceDeployments[0]!.status,
        'ROLLBACK_SUCCESSFUL',
        n,
      );

    // One pause.decided per decision in the stored stream, each naming who took it.
    const decided = (await storedEvents(em, dir)).filter((e) => e.code === 'pause.decided');
    assert.deepEqual(
      decided.map((e) => [e.action, e.by]),
      [
        ['CONTINUE', 'alice'],
        ['ROLLBACK', 'bob'],
      ],
    );
  });
  it('a deployment resumed after its run died while paused acts on the decision recorded meanwhile', async () => {
    const em = await emulator();
    const { dir } = await stack(LINEAR_WAVE, LINEAR_PAUSED, {}, `resume-${uniqueSuffix()}`);
    // A short lease, so the next run takes over the dead one's lock soon.
    writeFileSync(
      join(dir, 'native.yaml'),
      readFileSync(join(dir, 'native.yaml'), 'utf8') + '\nlock: { lease: 3s, heartbeat: 1s }\n',
    );
    const first = await deploy(em, dir, '1.0.0', ['--approve']);
    assert.equal(first.code, 0, output(first));

    const killed = await pausedDeploy(em, dir, '2.0.0');
    killed.child.kill('SIGKILL');
    await killed.done;
    const ok = await answer(em, dir, 'approve', 'erin');
    assert.equal(ok.code, 0, output(ok));

    const next = await deploy(em, dir, '2.0.0', ['--wait-lock', '60s']);
    assert.equal(next.code, 0, output(next));
    const ev = events(next.stdout);
    assert.equal(ev.find((e) => e.code === 'deploy.interrupted-found')?.action, 'resume');
    const decided = ev.find((e) => e.code === 'pause.decided')!;
    assert.deepEqual([decided.action, decided.by], ['CONTINUE', 'erin']);
    for (const n of LINEAR_WAVE) {
      const s = em.world.ecs.findService('default', n)!;
      assert.equal(s.serviceDeployments[0]!.status, 'SUCCESSFUL', n);
      assert.match(s.taskDefinition.containerDefinitions[0]!.image ?? '', /:2\.0\.0$/, n);
    }
  });
});

describe('e2e: a pause nobody answers', () => {
  after(() => stopRunningClis());

  it("ends by its hook's timeoutAction, which Convoy quotes: ROLLBACK fails the deployment, CONTINUE lets it finish", async () => {
    const em = await emulator();
    const { dir } = await stack(['lonely'], LINEAR_PAUSED);
    const first = await deploy(em, dir, '1.0.0', ['--approve']);
    assert.equal(first.code, 0, output(first));
    // A PAUSE hook of its own with a short timeout (two model minutes: 1.2 s here).
    const withTimeout = (action: string) => {
      const def = JSON.parse(readFileSync(join(dir, 'ecs/lonely.service.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      def.deploymentConfiguration = {
        lifecycleHooks: [
          {
            targetType: 'PAUSE',
            lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'],
            timeoutConfiguration: { timeoutInMinutes: 2, action },
          },
        ],
      };
      writeFileSync(join(dir, 'ecs/lonely.service.json'), JSON.stringify(def));
    };

    withTimeout('ROLLBACK');
    const r = await deploy(em, dir, '2.0.0');
    assert.equal(r.code, 1, output(r));
    const failed = events(r.stdout).find((e) => e.code === 'service.failed')!;
    assert.match(String(failed.message), /ROLLBACK_SUCCESSFUL/);
    assert.match(String(failed.message), /timeoutAction ROLLBACK/);
    const sd = em.world.ecs.findService('default', 'lonely')!.serviceDeployments[0]!;
    assert.equal(sd.hooks[0]!.status, 'TIMED_OUT');

    withTimeout('CONTINUE');
    const c = await deploy(em, dir, '3.0.0');
    assert.equal(c.code, 0, output(c));
    assert.ok(
      events(c.stdout).some(
        (e) => e.code === 'service.progress' && /timeoutAction CONTINUE/.test(String(e.message)),
      ),
      output(c),
    );
    assert.equal(em.world.ecs.findService('default', 'lonely')!.serviceDeployments[0]!.status, 'SUCCESSFUL');
    assert.ok(!events(c.stdout).some((e) => e.code === 'pause.decided'), 'nobody decided');
  });
});
