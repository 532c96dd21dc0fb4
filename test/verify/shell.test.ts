import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { execFormProblem, healthPrograms, shellCommands } from '../../src/verify/shell.js';

const shell = (s: string) => healthPrograms(['CMD-SHELL', s]);

describe('health check programs', () => {
  it('CMD runs its first argument', () => {
    assert.deepEqual(healthPrograms(['CMD', 'curl', '-f', 'http://127.0.0.1/health']), ['curl']);
    assert.deepEqual(healthPrograms(['CMD', './bin/check']), ['./bin/check']);
  });

  it('CMD-SHELL: the first word of each simple command', () => {
    assert.deepEqual(shell('curl -fs http://127.0.0.1:8080/health || exit 1'), ['curl']);
    assert.deepEqual(shell('echo $(cat /tmp/x) | nc -z localhost 80'), ['cat', 'nc']);
    assert.deepEqual(shell('pg_isready -U "$POSTGRES_USER" && redis-cli ping'), ['pg_isready', 'redis-cli']);
  });

  it('skips redirections, assignments, builtins and variables', () => {
    assert.deepEqual(shell('wget -qO- http://localhost/ >/dev/null 2>&1 || exit 1'), ['wget']);
    assert.deepEqual(shell('FOO=1 BAR=2 curl -f http://x:1/'), ['curl']);
    assert.deepEqual(shell('test -f /tmp/ready && [ -s /tmp/ready ] && echo ok'), []);
    assert.deepEqual(shell('$HOME/bin/check'), []);
  });

  it('looks through wrappers to the program they run', () => {
    assert.deepEqual(shell('exec curl -f http://x:1/'), ['curl']);
    assert.deepEqual(shell('timeout -s KILL 5 grpc_health_probe -addr=:50051'), [
      'timeout',
      'grpc_health_probe',
    ]);
  });

  it('keeps quoted separators inside their word', () => {
    assert.deepEqual(shellCommands(`node -e "fetch('http://x').then(r => process.exit(r.ok ? 0 : 1))"`), [
      ['node', '-e', "fetch('http://x').then(r => process.exit(r.ok ? 0 : 1))"],
    ]);
    assert.deepEqual(shell(`node -e "a || b; c"`), ['node']);
  });
});

describe('exec form with shell syntax', () => {
  it('flags a whole shell line given as the program', () => {
    assert.match(execFormProblem(['CMD', 'curl -f http://x/ || exit 1']) ?? '', /has spaces in it/);
  });
  it('flags shell operators passed as arguments', () => {
    assert.match(
      execFormProblem(['CMD', 'curl', '-f', 'http://x/', '||', 'exit', '1']) ?? '',
      /"\|\|" is handed to curl/,
    );
    assert.match(execFormProblem(['CMD', 'curl', '-f', '$URL']) ?? '', /"\$URL"/);
  });
  it('accepts plain exec forms and any CMD-SHELL', () => {
    assert.equal(execFormProblem(['CMD', 'curl', '-f', 'http://x/']), undefined);
    assert.equal(execFormProblem(['CMD-SHELL', 'curl -f http://x/ || exit 1']), undefined);
  });
});
