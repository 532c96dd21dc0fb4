import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose, extractEvidence, parseCapture } from '../../src/diagnose/index.js';
import { tokenise } from '../../src/diagnose/tokens.js';
import type { EvidenceLine } from '../../src/diagnose/types.js';

/*
 * Session 10, part s: the learned ranking's input. An exit code or signal is one token whatever runtime reports it
 * (its one-digit number used to be dropped with the other short numbers), and a word is also read with where it came
 * from (a stopped reason, a health check's output, a stack event, a service event, a log line). Written from how each
 * tool words it (not copied from the corpus), with routine lines around.
 */
const log = (text: string): EvidenceLine => ({ kind: 'log', path: 'logs.app[0]', text });

describe('learned tokens: exit codes and signals in several runtimes’ words', () => {
  const killed: ReadonlyArray<readonly [string, EvidenceLine]> = [
    [
      'ECS, a container exit code',
      { kind: 'exitCode', path: 'tasks[0].containers[0].exitCode', text: '137' },
    ],
    ['Docker Compose', log('api-1 exited with code 137')],
    ['Go os/exec', log('worker failed: signal: killed')],
    ['systemd', log('app.service: Main process exited, code=killed, status=9/KILL')],
    ['Python subprocess', log('Child returned -9 (SIGKILL)')],
    [
      'the kernel through a shell',
      log('/entrypoint.sh: line 12:    41 Killed  (signal 9)  java -jar app.jar'),
    ],
  ];
  for (const [name, line] of killed)
    it(`${name}: a kill is signal:KILL`, () => {
      const t = tokenise([line]);
      assert.ok(t.has('signal:KILL'), [...t].join(' '));
    });

  const failed: ReadonlyArray<readonly [string, string]> = [
    ['Node', 'Process exited with code 1'],
    ['supervisord', 'exited: web (exit status 1; not expected)'],
    ['Kubernetes', 'Last State: Terminated, Reason: Error, Exit Code: 1'],
    ['npm', 'npm ERR! command failed with exit code 1'],
  ];
  for (const [name, text] of failed)
    it(`${name}: exit code 1 is exit:1, a non-zero exit`, () => {
      const t = tokenise([log(text)]);
      assert.ok(t.has('exit:1') && t.has('exit:nonzero'), [...t].join(' '));
    });

  it('an exit with code 0 is not a non-zero exit, and a routine line gives no exit token', () => {
    const t = tokenise([log('worker exited with code 0')]);
    assert.ok(t.has('exit:zero') && !t.has('exit:nonzero'));
    assert.deepEqual(
      [...tokenise([log('INFO worker exited with code 1 and was restarted')])].filter((x) =>
        x.startsWith('exit:'),
      ),
      [],
    );
  });
});

describe('learned tokens: where a word came from', () => {
  it('one word is told apart in a stopped reason, a health check output, a stack event and a log line', () => {
    const t = tokenise([
      { kind: 'stoppedReason', path: 'tasks[0].stoppedReason', text: 'Essential container in task exited' },
      {
        kind: 'healthOutput',
        path: 'health[0].output',
        text: 'curl: (7) Failed to connect to localhost port 8080: Connection refused',
      },
      {
        kind: 'stackEvent',
        path: 'stackEvents[0].ResourceStatusReason',
        text: 'Resource handler returned message',
      },
      {
        kind: 'serviceEvent',
        path: 'services[0].events[0].message',
        text: 'service api was unable to place a task',
      },
      log('listening on 0.0.0.0:8080'),
    ]);
    for (const want of [
      'stop:essential',
      'health:localhost',
      'health:<refused>',
      'stack:resource',
      'event:place',
      'log:listen',
    ])
      assert.ok(t.has(want), `${want} in ${[...t].join(' ')}`);
    // The plain word stays, so what one kind of evidence taught still counts in another.
    for (const want of ['essential', 'localhost', 'resource', 'place', 'listen'])
      assert.ok(t.has(want), want);
  });

  it('values of the task definition are not read as where-tokens', () => {
    const t = tokenise([
      { kind: 'env', path: 'taskDefinition.containerDefinitions[0].environment[0]', text: 'DB_HOST=x' },
    ]);
    assert.ok(![...t].some((x) => /^(?:stop|health|stack|event|log):/.test(x)), [...t].join(' '));
  });

  it('start-up lines and a scaling stopped reason are routine: no tokens, and `other` first', () => {
    for (const logs of [
      ['starting', 'ready'],
      ['Starting api v2.1', 'Ready in 1.2s'],
      ['Booting worker', 'started'],
    ]) {
      const capture = {
        service: 'api',
        tasks: [{ stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/123)' }],
        logs: { api: logs },
      };
      assert.deepEqual([...tokenise(extractEvidence(parseCapture(capture)))], [], logs.join());
      assert.equal(diagnose(capture)[0]!.category, 'other', logs.join());
    }
  });

  it('a capture with little more than routine lines does not put a learned guess before `other`', () => {
    const capture = {
      service: 'api',
      tasks: [{ stoppedReason: 'Task stopped by user' }],
      logs: { api: ['starting', 'ready'] },
    };
    const [top] = diagnose(capture);
    assert.equal(top!.category, 'other', top!.cause);
  });
});
