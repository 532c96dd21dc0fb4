import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  findReport,
  isReporting,
  nextLogCheck,
  reportingCommand,
  unwrapped,
} from '../../../src/targets/aws/health-report.js';
import { registrationFor } from '../../../src/targets/aws/taskdef.js';
import type { Service } from '../../../src/spec/types.js';

/** The wrapped health check, run by a real /bin/sh with a file standing in for PID 1's stderr. */
describe('aws health reports', () => {
  const run = (command: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'convoy-hr-'));
    const sink = join(dir, 'pid1-stderr');
    writeFileSync(sink, '');
    try {
      const r = spawnSync('/bin/sh', ['-c', reportingCommand(command, sink)], { encoding: 'utf8' });
      return { status: r.status, out: r.stdout + r.stderr, report: readFileSync(sink, 'utf8') };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('a missing program: exit status and output unchanged, one report line on PID 1’s stderr', () => {
    const r = run('no-such-check-xyz -fs http://localhost/ || exit 1');
    assert.equal(r.status, 1, 'the user’s `|| exit 1` still decides the status');
    assert.match(r.out, /no-such-check-xyz: (command )?not found/);
    assert.match(r.report, /^convoy-health-check: exit 1: .*no-such-check-xyz: (command )?not found\n$/);
    assert.match(findReport([r.report.trim()]) ?? '', /^exit 1: .*not found$/);
    const bare = run('no-such-check-xyz');
    assert.equal(bare.status, 127);
    assert.match(bare.report, /^convoy-health-check: exit 127: /);
  });

  it('a passing or an ordinarily failing check reports nothing', () => {
    assert.deepEqual(run('echo ok'), { status: 0, out: 'ok\n', report: '' });
    const failing = run('echo "HTTP 503" >&2; exit 22');
    assert.deepEqual([failing.status, failing.report], [22, '']);
  });

  it('registration wraps CMD-SHELL checks of containers that log to CloudWatch, only when asked', () => {
    const service: Service = {
      name: 'web',
      kind: 'service',
      dependsOn: [],
      aws: {
        taskDefinitionFile: 'web.task.json',
        taskDefinition: {
          family: 'web',
          containerDefinitions: [
            {
              name: 'app',
              image: 'web:1',
              healthCheck: { command: ['CMD-SHELL', 'wget -q -O- localhost:8080/health'], interval: 10 },
              logConfiguration: {
                logDriver: 'awslogs',
                options: { 'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'ecs' },
              },
            },
            { name: 'nolog', image: 'x:1', healthCheck: { command: ['CMD-SHELL', 'true'] } },
          ],
        },
      },
    };
    const defs = (o: { reportHealth?: boolean }) =>
      registrationFor(service, 'r1', 's', o).input.containerDefinitions!.map((c) => c.healthCheck!.command!);
    const [app, nolog] = defs({ reportHealth: true });
    assert.ok(isReporting(app));
    assert.equal(unwrapped(app), 'wget -q -O- localhost:8080/health');
    assert.deepEqual(nolog, ['CMD-SHELL', 'true']);
    assert.deepEqual(defs({})[0], ['CMD-SHELL', 'wget -q -O- localhost:8080/health']);
  });

  it('reads a starting task’s logs less and less often, at most half a check interval apart', () => {
    let c = nextLogCheck(undefined, 0, 2000, 30_000);
    const gaps = [c.gap];
    for (let i = 0; i < 8; i++) gaps.push((c = nextLogCheck(c, c.at, 2000, 30_000)).gap);
    assert.deepEqual(gaps, [2000, 3000, 4500, 6750, 10125, 15000, 15000, 15000, 15000]);
  });
});
