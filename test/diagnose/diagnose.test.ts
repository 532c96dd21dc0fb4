import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInputError } from '../../src/errors.js';
import { diagnose, localCapture, parseCapture } from '../../src/diagnose/index.js';

describe('diagnose', () => {
  it('gives one `other` finding listing what was examined for an empty capture', () => {
    const f = diagnose({});
    assert.equal(f.length, 1);
    assert.equal(f[0]!.category, 'other');
    assert.match(f[0]!.evidence.join('\n'), /examined: nothing/);
  });

  it('lists the examined sources when nothing matches', () => {
    const f = diagnose({
      service: 'api',
      logs: { api: ['starting', 'ready'] },
      tasks: [{ stoppedReason: 'Scaling activity initiated by deployment' }],
    });
    assert.equal(f[0]!.category, 'other');
    // Anything after it is a weak learned or hint-word finding, never a signature.
    assert.ok(f.slice(1).every((x) => x.confidence < f[0]!.confidence && x.rule === undefined));
    assert.deepEqual(
      f[0]!.evidence.map((e) => e.split(' (')[0]),
      ['examined: tasks[].stoppedReason', 'examined: logs.api[]'],
    );
  });

  it('quotes the exact field it used as evidence', () => {
    const reason =
      'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/foo:latest: not found';
    const [top] = diagnose({ tasks: [{ stoppedReason: reason }] });
    assert.equal(top!.category, 'image-pull');
    assert.deepEqual(top!.evidence, [`tasks[0].stoppedReason: ${reason}`]);
    assert.match(top!.cause, /image docker\.io\/library\/foo:latest is not/);
  });

  it('ranks findings by confidence, one per category', () => {
    const f = diagnose({
      tasks: [
        {
          stoppedReason: 'OutOfMemoryError: Container killed due to memory usage',
          containers: [{ exitCode: 137 }],
        },
      ],
      logs: { app: ['Traceback (most recent call last):'] },
    });
    assert.deepEqual(
      f.slice(0, 2).map((x) => x.category),
      ['resources-oom', 'app-crash'],
    );
    assert.ok(f[0]!.confidence > f[1]!.confidence);
    // The learned ranking only fills the list after the signatures, weaker than any of them.
    assert.ok(f.slice(2).every((x) => x.rule === undefined && x.confidence <= f[1]!.confidence));
    assert.equal(new Set(f.map((x) => x.category)).size, f.length);
  });

  describe('prefers the specific signature', () => {
    it('exit 137 with OutOfMemoryError is resources-oom, not app-crash', () => {
      const f = diagnose({
        tasks: [
          {
            stoppedReason: 'Essential container in task exited',
            containers: [{ exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' }],
          },
        ],
      });
      assert.equal(f[0]!.category, 'resources-oom');
      assert.equal(f[0]!.rule, 'oom-killed');
    });

    it('an i/o timeout reaching ECR is network-sg, not image-pull', () => {
      const f = diagnose({
        tasks: [
          {
            stoppedReason:
              'CannotPullContainerError: ref pull has been retried 5 time(s): failed to resolve reference 1.dkr.ecr.us-east-1.amazonaws.com/app:v2: failed to do request: Head "https://1.dkr.ecr.us-east-1.amazonaws.com/v2/app/manifests/v2": dial tcp 10.0.0.1:443: i/o timeout',
          },
        ],
      });
      assert.equal(f[0]!.category, 'network-sg');
      assert.ok(!f.some((x) => x.category === 'image-pull' && x.confidence >= f[0]!.confidence));
    });

    it('ECONNREFUSED 127.0.0.1:5432 with no host variable is config-env', () => {
      const capture = {
        logs: { api: ['Error: connect ECONNREFUSED 127.0.0.1:5432'] },
        taskDefinition: {
          containerDefinitions: [
            {
              name: 'api',
              environment: [
                { name: 'DB_NAME', value: 'app' },
                { name: 'PORT', value: '8080' },
              ],
            },
          ],
        },
      };
      assert.equal(diagnose(capture)[0]!.category, 'config-env');
      const withHost = structuredClone(capture);
      withHost.taskDefinition.containerDefinitions[0]!.environment.push({
        name: 'DB_HOST',
        value: 'db.internal',
      });
      assert.equal(diagnose(withHost)[0]!.category, 'dependency-unreachable');
    });
  });

  describe('parseCapture', () => {
    it('rejects a capture that is not an object with a clear error', () => {
      for (const bad of [null, [], 'tasks', 3]) {
        assert.throws(
          () => parseCapture(bad),
          (e: unknown) => e instanceof InvalidInputError && /must be a JSON object/.test(e.message),
        );
      }
    });

    it('names the offending field', () => {
      assert.throws(() => parseCapture({ tasks: { stoppedReason: 'x' } }), /tasks: /);
    });

    it('keeps unknown AWS keys and accepts numbers as strings', () => {
      const c = parseCapture({
        tasks: [{ taskArn: 'arn:x', containers: [{ exitCode: '137', extra: true }] }],
      });
      assert.equal((c.tasks![0] as Record<string, unknown>).taskArn, 'arn:x');
    });
  });
});

describe('localCapture', () => {
  const top = (f: Parameters<typeof localCapture>[0]) => diagnose(localCapture(f))[0]!;

  it('a refused dependency is dependency-unreachable', () => {
    const f = top({
      service: 'rules',
      exitCode: 1,
      logs: ['cannot reach kafka at 127.0.0.1:7102: connect ECONNREFUSED'],
    });
    assert.equal(f.category, 'dependency-unreachable');
    assert.match(f.cause, /kafka at 127\.0\.0\.1:7102/);
  });

  it('a missing setting reported by the health endpoint is config-env', () => {
    const f = top({
      service: 'rules',
      healthOutput:
        'HTTP 503: {"status":"unhealthy","reason":"rule cache failed to load: RULES_URL not set"}',
    });
    assert.equal(f.category, 'config-env');
    assert.match(f.cause, /RULES_URL/);
  });

  it('a health check tool missing from the image is health-check-command', () => {
    assert.equal(
      top({ service: 'web', healthOutput: '/bin/sh: wget: not found' }).category,
      'health-check-command',
    );
  });

  it('a port already in use is port-binding', () => {
    const f = top({
      service: 'web',
      exitCode: 1,
      logs: ['Error: listen EADDRINUSE: address already in use :::7100'],
    });
    assert.equal(f.category, 'port-binding');
    assert.match(f.cause, /7100/);
  });

  it('a plain non-zero exit is app-crash, and 127.0.0.1 listening is fine locally', () => {
    const f = top({ service: 'web', exitCode: 2, logs: ['Listening on http://127.0.0.1:7100', 'boom'] });
    assert.equal(f.category, 'app-crash');
  });
});
