import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe } from 'node:test';
import { backends } from './backends.js';

import { freePort } from '../targets/local/helpers.js';

export { alive, freePort } from '../targets/local/helpers.js';

/** Repository root, from dist/test/e2e/. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const CLI = join(ROOT, 'dist/src/cli/main.js');
export const SERVER = join(ROOT, 'examples/server/service.mjs');

/** Environment pointing every CLI run of the current suite at its store backend (see describeEachBackend). */
let backendEnv: Record<string, string> = {};
/** Set while a describeEachBackend suite registers its hooks: a failed `convoy down` is reported by the suite. */
let insideBackendSuite = 0;
/** What downAfterSuite could not take down, reported once the backend stopped (see describeEachBackend). */
const downFailures: string[] = [];

/**
 * One suite, run once per store backend (sqlite, dynamodb on dynalite): every CLI call inside talks to that
 * backend. The backend stops after the suite's own after-hooks, which may still need it (`convoy down`); a
 * `convoy down` that failed in them fails the suite here, last, since a throwing hook would skip the hooks after it
 * (the backend's stop among them).
 */
export function describeEachBackend(title: string, fn: () => void, opts: { moto?: boolean } = {}): void {
  for (const b of backends(opts)) {
    describe(`${title} (${b.name} store)`, { concurrency: false }, () => {
      before(async () => {
        backendEnv = await b.start();
      });
      insideBackendSuite++;
      try {
        fn();
      } finally {
        insideBackendSuite--;
      }
      after(async () => {
        await b.stop();
        backendEnv = {};
        const failures = downFailures.splice(0);
        if (failures.length) throw new Error(`left running after the suite:\n${failures.join('\n')}`);
      });
    });
  }
}

/** The environment of the running suite's backend (empty for sqlite): a test reads the store through it. */
export const backendEnvironment = (): Readonly<Record<string, string>> => backendEnv;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Every CLI a test file started and that may still run: a test that fails half-way (a `convoy events --follow`, a
 * queued deploy) must not keep its file's process, and so the whole suite, waiting for ever.
 */
const running = new Set<ChildProcess>();
after(() => {
  for (const c of running) c.kill('SIGKILL');
});

/**
 * Stops the CLIs still running, such as a deployment a failed test left: SIGTERM first, so a deployment rolls back
 * and releases the stack's lock while its store is still up, then SIGKILL after `graceMs`.
 */
export async function stopRunningClis(graceMs = 20_000): Promise<void> {
  await Promise.all(
    [...running].map(async (c) => {
      const closed = new Promise((r) => c.once('close', r));
      c.kill('SIGTERM');
      const kill = setTimeout(() => c.kill('SIGKILL'), graceMs);
      await closed;
      clearTimeout(kill);
    }),
  );
}

/** Runs the built CLI as a user would, without a terminal (so output is one plain line per event). */
export function startCli(
  args: string[],
  opts: { cwd: string; env?: Record<string, string> },
): { child: ChildProcess; done: Promise<CliResult>; output: () => string } {
  const t0 = Date.now();
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: opts.cwd,
    env: { ...process.env, CI: 'true', ...backendEnv, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  running.add(child);
  const done = new Promise<CliResult>((res) =>
    child.on('close', (code) => {
      running.delete(child);
      res({ code, stdout, stderr, ms: Date.now() - t0 });
    }),
  );
  return { child, done, output: () => stdout + stderr };
}

export function cli(args: string[], opts: { cwd: string; env?: Record<string, string> }): Promise<CliResult> {
  return startCli(args, opts).done;
}

/** Resolves once the running CLI has printed something matching `re`. */
export async function waitForOutput(
  run: { output: () => string; done: Promise<CliResult> },
  re: RegExp,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let finished = false;
  void run.done.then(() => (finished = true));
  while (!re.test(run.output())) {
    if (finished) throw new Error(`CLI ended before printing ${re}:\n${run.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${re}:\n${run.output()}`);
    await sleep(50);
  }
}

let suffixes = 0;
/** Stack names must not collide inside one shared store (a DynamoDB table serves a whole suite). */
export const uniqueSuffix = () => `${process.pid}-${++suffixes}`;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function tempDir(prefix = 'convoy-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** An example's copy in a temp folder: its own `.convoy/` state and store, and its ports moved to free ones. */
export interface ExampleCopy {
  dir: string;
  /** The free port that replaced one the example file names (e.g. 7104). */
  port(original: number): number;
}

/**
 * Copies an example stack and the shared server program into a temp dir, so a test never meets the state, the history
 * or the running services of a user who deployed the example in place (the README's demo does): `.convoy/` is left
 * behind, and every `port:` the stack files name moves to a free port, in every file of the example.
 */
export async function copyExample(name: string): Promise<ExampleCopy> {
  const dir = join(tempDir(), name);
  const keep = (src: string) => basename(src) !== '.convoy';
  cpSync(join(ROOT, 'examples', name), dir, { recursive: true, filter: keep });
  cpSync(join(ROOT, 'examples/server'), join(dir, '../server'), { recursive: true, filter: keep });
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
  const texts = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  const named = new Set<number>();
  for (const t of texts.values()) for (const m of t.matchAll(/\bport:\s*(\d+)/g)) named.add(Number(m[1]));
  const moved = new Map<number, number>();
  for (const p of named) {
    let q = await freePort();
    while ([...moved.values()].includes(q)) q = await freePort();
    moved.set(p, q);
  }
  const re = new RegExp(`\\b(${[...named].join('|')})\\b`, 'g');
  if (named.size > 0)
    for (const [f, t] of texts)
      writeFileSync(
        join(dir, f),
        t.replace(re, (p) => String(moved.get(Number(p)))),
      );
  return {
    dir,
    port: (original) => {
      const p = moved.get(original);
      if (p === undefined) throw new Error(`${name} names no port ${original}`);
      return p;
    },
  };
}

export function writeStack(dir: string, yaml: string, file = 'convoy.yaml'): string {
  writeFileSync(join(dir, file), yaml);
  return join(dir, file);
}

/**
 * A temp folder holding convoy.yaml for a stack named `<prefix>-<unique suffix>`: the `head` lines (lock
 * settings…), then `services` (see serviceYaml).
 */
export function stackDir(prefix: string, services: string[], head: string[] = []): string {
  const dir = tempDir();
  writeStack(dir, [`stack: ${prefix}-${uniqueSuffix()}`, ...head, 'services:', ...services].join('\n'));
  return dir;
}

/**
 * Wraps a function that makes stack folders so that, after the enclosing suite, `convoy down` runs in each folder it
 * made (with the suite's backend still up: see describeEachBackend), also when a test failed half-way: the CLIs it
 * left running are stopped first (a deployment still running holds the lock `down` needs, and the file's last hook,
 * which kills leftover CLIs, runs only after the backend stopped), and `down` waits out the lease of a CLI killed
 * with SIGKILL. A `down` that still fails is reported, never ignored: it leaves the stack's processes running.
 */
export function downAfterSuite<A extends unknown[]>(
  make: (...args: A) => Promise<string>,
): (...args: A) => Promise<string> {
  const dirs: string[] = [];
  const reportLater = insideBackendSuite > 0;
  after(async () => {
    await stopRunningClis();
    const failed: string[] = [];
    for (const d of dirs) {
      const r = await cli(['down', '--wait-lock', '60s'], { cwd: d });
      if (r.code !== 0) failed.push(`convoy down in ${d} exited ${r.code}: ${r.stderr.trim()}`);
    }
    if (!failed.length) return;
    if (!reportLater) throw new Error(`left running after the suite:\n${failed.join('\n')}`);
    downFailures.push(...failed);
  });
  return async (...args) => {
    const dir = await make(...args);
    dirs.push(dir);
    return dir;
  };
}

export interface StatusRow {
  name: string;
  kind: string;
  revision: string | null;
  pid: number | null;
  health: string;
  uptimeSeconds: number | null;
}

export async function status(cwd: string, file = 'convoy.yaml'): Promise<StatusRow[]> {
  const r = await cli(['-f', file, 'status', '--json'], { cwd });
  if (r.code !== 0) throw new Error(`status failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as StatusRow[];
}

/** Parses `--json` event output (one object per line). */
export function events(stdout: string): { code: string; at: string; [k: string]: unknown }[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
}

/** A service played by the example server program; `env` configures it (PORT is set from `port`). */
export function serviceYaml(
  name: string,
  o: {
    port: number;
    env?: Record<string, string | number>;
    dependsOn?: string[];
    health?: string;
    kind?: 'job';
  },
): string {
  const env = { PORT: o.port, ...o.env };
  const lines = [`  ${name}:`];
  if (o.kind) lines.push(`    kind: ${o.kind}`);
  if (o.dependsOn?.length) lines.push(`    dependsOn: [${o.dependsOn.join(', ')}]`);
  lines.push(
    `    local:`,
    `      command: node`,
    `      args: [${JSON.stringify(SERVER)}]`,
    `      port: ${o.port}`,
    `      env: ${JSON.stringify(Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])))}`,
  );
  if (o.kind !== 'job')
    lines.push(
      `    healthCheck: ${o.health ?? `{ http: { url: "http://127.0.0.1:${o.port}/health" }, interval: 500ms, timeout: 2s, retries: 4, startPeriod: 6s }`}`,
    );
  return lines.join('\n');
}

/** What the CLI needs to talk to the emulator at `url` only (never an instance role: only 127.0.0.1 is spoken to). */
export function emulatorEnv(url: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}
