import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import {
  alive,
  cli,
  describeEachBackend,
  freePort,
  serviceYaml,
  status,
  tempDir,
  uniqueSuffix,
  writeStack,
} from './helpers.js';

/**
 * Two stack files in one folder, with different stack names and a service of the same name: each stack's local
 * state is its own, so neither hides, stops nor leaves behind the other's process.
 */
describeEachBackend('two stacks side by side in one folder', () => {
  const dir = tempDir();
  const files = ['a.yaml', 'b.yaml'];
  after(async () => {
    for (const f of files) await cli(['-f', f, 'down'], { cwd: dir });
  });

  const web = async (file: string) => {
    const [row] = (await status(dir, file)).filter((s) => s.name === 'web');
    return row!;
  };

  it('deploys both, shows each its own web, and downs each without touching the other', async () => {
    const ports: number[] = [];
    for (const [i, f] of files.entries()) {
      ports.push(await freePort());
      writeStack(
        dir,
        [
          `stack: two-${'ab'[i]}-${uniqueSuffix()}`,
          'services:',
          serviceYaml('web', { port: ports[i]! }),
        ].join('\n'),
        f,
      );
      const r = await cli(['-f', f, 'deploy'], { cwd: dir });
      assert.equal(r.code, 0, r.stdout + r.stderr);
    }

    const [a, b] = [await web('a.yaml'), await web('b.yaml')];
    assert.equal(a.health, 'healthy', JSON.stringify(a));
    assert.equal(b.health, 'healthy', JSON.stringify(b));
    assert.ok(a.pid && b.pid && a.pid !== b.pid, `two processes: ${a.pid}, ${b.pid}`);
    for (const port of ports) assert.equal((await fetch(`http://127.0.0.1:${port}/health`)).status, 200);

    const downA = await cli(['-f', 'a.yaml', 'down'], { cwd: dir });
    assert.equal(downA.code, 0, downA.stderr);
    assert.equal(downA.stdout.trim(), 'stopped: web');
    assert.ok(!alive(a.pid), "a's web was stopped");
    assert.ok(alive(b.pid), "b's web still runs");
    assert.equal((await web('a.yaml')).health, 'stopped');
    assert.equal((await web('b.yaml')).health, 'healthy');

    const downB = await cli(['-f', 'b.yaml', 'down'], { cwd: dir });
    assert.equal(downB.code, 0, downB.stderr);
    assert.equal(downB.stdout.trim(), 'stopped: web');
    assert.ok(!alive(b.pid), 'no process left behind');
    assert.equal((await web('b.yaml')).health, 'stopped');

    for (const f of files) {
      const h = JSON.parse((await cli(['-f', f, 'history', '--json'], { cwd: dir })).stdout) as {
        kind: string;
        outcome: string;
        summary: string;
      }[];
      assert.deepEqual(
        h.map((x) => [x.kind, x.outcome, x.summary]),
        [
          ['down', 'succeeded', 'stopped web'],
          ['deploy', 'succeeded', '1 changed, 0 unchanged'],
        ],
        f,
      );
    }
  });
});
