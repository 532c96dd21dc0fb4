import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cli, freePort, ROOT, serviceYaml, tempDir, writeStack } from '../e2e/helpers.js';

/**
 * The README's "Use as a library" example, run as a user would: against the package `npm pack` makes (so the
 * files list, `exports` and types are what ships), installed into a fresh folder. Its dependencies are linked from
 * this checkout's node_modules rather than fetched, so the test talks to no registry.
 */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const m = /<!-- library-example:start -->\s*```js\n([^]*?)```\s*<!-- library-example:end -->/.exec(readme);
  assert.ok(m, 'README has the library example between its markers');
  return m[1]!;
}

function installPacked(dir: string): void {
  const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const tarball = join(dir, out.trim().split('\n').at(-1)!);
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, 'convoy'), { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', join(modules, 'convoy'), '--strip-components=1']);
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name.startsWith('.')) continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(modules, name));
  }
}

describe('the README library example, against the packed package', { concurrency: false }, () => {
  let dir = '';
  before(async () => {
    dir = tempDir('convoy-lib-');
    installPacked(dir);
    writeStack(
      dir,
      ['stack: library-example', 'services:', serviceYaml('web', { port: await freePort() })].join('\n'),
    );
    writeFileSync(join(dir, 'example.mjs'), readmeExample());
  });
  after(async () => {
    await cli(['down'], { cwd: dir });
    rmSync(dir, { recursive: true, force: true });
  });

  it('the package ships its entry point and types, and no tests', () => {
    const files = readdirSync(join(dir, 'node_modules/convoy/dist/src'));
    assert.ok(files.includes('index.js') && files.includes('index.d.ts'), files.join(', '));
    assert.deepEqual(readdirSync(join(dir, 'node_modules/convoy/dist')), ['src'], 'only dist/src is packed');
  });

  it('deploys the stack, prints its events in order and its status, and exits 0', () => {
    const out = execFileSync(process.execPath, ['example.mjs'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
    });
    const events = out
      .split('\n')
      .map((l) => /^(\d+) ([a-z.-]+)$/.exec(l))
      .filter((m) => m !== null)
      .map((m) => ({ seq: Number(m[1]), code: m[2]! }));
    assert.deepEqual(
      events.map((e) => e.seq),
      events.map((_, i) => i + 1),
      'every event once, numbered 1, 2, 3… with no gap',
    );
    const codes = events.map((e) => e.code);
    for (const c of [
      'preflight.passed',
      'lock.acquired',
      'deploy.started',
      'service.ready',
      'deploy.succeeded',
    ])
      assert.ok(codes.includes(c), `${c} in ${codes.join(' ')}`);
    assert.ok(codes.indexOf('service.ready') < codes.indexOf('deploy.succeeded'));
    assert.match(out, /^web healthy \d+$/m);
    assert.match(out, /^last outcome: succeeded$/m);
  });

  it('a typed error gives the CLI’s exit code: a refused stack file exits 3, naming file, line and field', () => {
    writeStack(dir, 'stack: library-example\nservices: {}\n', 'broken.yaml');
    writeFileSync(join(dir, 'broken.mjs'), readmeExample().replace("'convoy.yaml'", "'broken.yaml'"));
    let status: number | null = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, ['broken.mjs'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      ({ status, stderr } = err as { status: number; stderr: string });
    }
    assert.equal(status, 3, stderr);
    assert.match(stderr, /^broken\.yaml:2:\d+: services: /);
  });
});
