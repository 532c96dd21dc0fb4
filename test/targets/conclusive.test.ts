import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { conclusiveEcs, conclusiveProbe, conclusiveStart } from '../../src/targets/conclusive.js';
import { HealthTracker } from '../../src/targets/health.js';

/** Evidence that waiting cannot change, and evidence that may still pass. */
describe('conclusive evidence', () => {
  it('a health command the shell cannot find, in each shell’s words, is conclusive', () => {
    for (const out of [
      'exit 127: /bin/sh: 1: wget: not found',
      'exit 127: /bin/sh: wget: not found',
      'exit 127: bash: line 1: curl: command not found',
      '/bin/sh: curl: not found',
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH',
      'spawn healthcheck ENOENT',
      'exit 126: /bin/sh: 1: /app/check.sh: Permission denied',
      'exit 1: exec /usr/local/bin/check: exec format error',
    ])
      assert.ok(conclusiveProbe(out), out);
  });

  it('a dependency still starting or an app warming up is not', () => {
    for (const out of [
      'connect ECONNREFUSED 127.0.0.1:8080',
      'HTTP 503: warming up',
      'exit 22: curl: (22) The requested URL returned error: 404 Not Found',
      'exit 7: curl: (7) Failed to connect to localhost port 8080: Connection refused',
      'timed out after 5s',
      'exit 1',
    ])
      assert.equal(conclusiveProbe(out), undefined, out);
  });

  it('ECS: a missing image or secret is conclusive, a pull timeout is not', () => {
    assert.ok(
      conclusiveEcs(
        'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/nginx:nope: docker.io/library/nginx:nope: not found',
      ),
    );
    assert.ok(
      conclusiveEcs('CannotPullContainerError: ref pull has been retried 1 time(s): manifest unknown'),
    );
    assert.ok(
      conclusiveEcs(
        "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:us-east-1:1:secret:x from secrets manager: ResourceNotFoundException: Secrets Manager can't find the specified secret.",
      ),
    );
    assert.ok(conclusiveEcs('exec /app/server: exec format error'));
    assert.equal(
      conclusiveEcs(
        'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to do request: dial tcp 52.1.1.1:443: i/o timeout',
      ),
      undefined,
    );
    assert.equal(
      conclusiveEcs(
        'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post "https://api.ecr.us-east-1.amazonaws.com/": dial tcp 10.0.0.1:443: i/o timeout',
      ),
      undefined,
    );
  });

  it('a missing required setting at boot is conclusive; a crash on a refused connection is not', () => {
    assert.ok(conclusiveStart(['Error: Missing required environment variable RULES_URL']));
    assert.ok(conclusiveStart(["KeyError: 'DATABASE_URL'"]));
    assert.ok(conclusiveStart(['DATABASE_URL must be set']));
    assert.equal(conclusiveStart(['Error: connect ECONNREFUSED 127.0.0.1:5432'], 1), undefined);
  });

  it('HealthTracker: conclusive probes fail inside the start period only with failFast conclusive', () => {
    const timing = { interval: 1000, timeout: 500, retries: 3, startPeriod: 60_000 };
    const probe = { at: 1000, ok: false, output: 'exit 127: /bin/sh: 1: wget: not found' };
    const fast = new HealthTracker(timing, 0, 'conclusive');
    assert.equal(fast.record(probe), 'unhealthy');
    assert.equal(fast.decidedBy, 'conclusive');
    assert.match(
      fast.describeFailure(),
      /^conclusive evidence at 1s from start: the health command was not found/,
    );
    const ecs = new HealthTracker(timing, 0);
    assert.equal(ecs.record(probe), 'starting');
    assert.equal(ecs.decidedBy, undefined);
    const refused = new HealthTracker(timing, 0, 'conclusive');
    assert.equal(
      refused.record({ at: 1000, ok: false, output: 'connect ECONNREFUSED 127.0.0.1:80' }),
      'starting',
    );
  });
});
