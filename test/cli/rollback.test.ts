import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { Command } from 'commander';
import { register } from '../../src/cli/commands/rollback.js';
import { InvalidInputError } from '../../src/errors.js';

/** Files this process holds open under `dir`: a store left open keeps its database file here. */
function openFilesUnder(dir: string): string[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      return target.startsWith(dir) ? [target] : [];
    } catch {
      return [];
    }
  });
}

const dir = mkdtempSync(join(tmpdir(), 'convoy-rollback-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const noProc = !existsSync('/proc/self/fd') && 'reads open files from /proc';

it('convoy rollback of an unknown service closes the store it opened', { skip: noProc }, async () => {
  const file = join(dir, 'convoy.yaml');
  writeFileSync(file, 'stack: rb\nservices:\n  web:\n    local: { command: node }\n');
  const program = new Command('convoy').option('-f, --file <path>').exitOverride();
  register(program);
  await assert.rejects(
    program.parseAsync(['-f', file, 'rollback', 'nosuch'], { from: 'user' }),
    InvalidInputError,
  );
  assert.deepEqual(openFilesUnder(dir), []);
});
