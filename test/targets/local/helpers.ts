import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import type { HealthCheckSpec } from '../../../src/spec/schema.js';
import type { Service } from '../../../src/spec/types.js';
import { createLocalTarget } from '../../../src/targets/local/local-target.js';
import type { Target, Unit } from '../../../src/targets/target.js';

/** Shared fixtures for local-target tests: real temp folders, real ports, real node processes. */

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'convoy-local-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export { freePort } from '../../ports.js';

export function writeScript(dir: string, name: string, code: string): string {
  const file = join(dir, name);
  writeFileSync(file, code);
  return file;
}

/**
 * An HTTP service: listens on $PORT after $LISTEN_DELAY_MS, answers $STATUS with $BODY, logs a greeting, and exits
 * with $EXIT_CODE after $EXIT_AFTER_MS when set.
 */
export const SERVER_JS = `
import http from 'node:http';
const env = process.env;
console.log('hello from ' + env.CONVOY_SERVICE + ' revision ' + env.CONVOY_REVISION + ' of ' + env.CONVOY_STACK);
console.error('greeting on stderr');
setTimeout(() => {
  http.createServer((req, res) => { res.writeHead(Number(env.STATUS ?? 200)); res.end(env.BODY ?? 'ok'); })
    .listen(Number(env.PORT), '127.0.0.1');
}, Number(env.LISTEN_DELAY_MS ?? 0));
if (env.EXIT_AFTER_MS) setTimeout(() => process.exit(Number(env.EXIT_CODE ?? 0)), Number(env.EXIT_AFTER_MS));
`;

/** What each test of a suite gets afresh from `useLocalTarget`. */
export interface LocalTargetFixture {
  /** A fresh temp folder, removed after the test. */
  dir: string;
  /** The local target of stack `teststack` in `dir`, taken down after the test. */
  target: Target;
  /** SERVER_JS, written to `dir`. */
  server: string;
}

/**
 * Registers beforeEach/afterEach hooks that give every test of the suite a fresh fixture; read its fields inside
 * tests only (they are set by the beforeEach hook).
 */
export function useLocalTarget(opts: { stopGraceMs: number }): LocalTargetFixture {
  const fx = {} as LocalTargetFixture;
  let cleanup = () => {};
  beforeEach(() => {
    let dir: string;
    ({ dir, cleanup } = tempDir());
    fx.dir = dir;
    fx.target = createLocalTarget({
      env: process.env,
      dir,
      stack: 'teststack',
      stopGraceMs: opts.stopGraceMs,
    });
    fx.server = writeScript(dir, 'server.mjs', SERVER_JS);
  });
  afterEach(async () => {
    await fx.target.down();
    cleanup();
  });
  return fx;
}

/**
 * A start period for checks that should pass: long enough for a node process to start on a loaded 2-core machine
 * (failures inside it do not count), and it costs nothing when the service is quick, since one pass ends it.
 */
export const STARTING_MS = 10_000;

export function healthCheck(hc: Partial<HealthCheckSpec>): HealthCheckSpec {
  return { interval: 100, timeout: 2000, retries: 3, startPeriod: 0, ...hc };
}

export function service(
  name: string,
  local: { command: string; args?: string[]; env?: Record<string, string>; cwd?: string },
  more: Partial<Service> = {},
): Service {
  const env = Object.fromEntries(
    Object.entries(local.env ?? {}).map(([k, value]) => [k, { value, secret: false }]),
  );
  return {
    name,
    kind: 'service',
    dependsOn: [],
    local: { command: local.command, args: local.args ?? [], env, cwd: local.cwd },
    ...more,
  };
}

export function unit(svc: Service, revision = 'rev1', stack = 'teststack'): Unit {
  return { stack, service: svc, revision };
}

/** Alive and not a zombie: a reparented zombie may never be reaped in a container, yet it runs nothing. */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

export async function waitFor<T>(what: string, fn: () => T | undefined | false, ms = 3000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(25);
  }
}

/**
 * The margin a wait may overrun its configured time by in these tests: wide enough for a 2-core machine that runs the
 * README's demo beside the suite, narrow enough to catch a wait that ignores its setting (the settings here are
 * sub-second, the alternatives they are told apart from are seconds to minutes).
 */
export const MARGIN_MS = 2000;

/** Asserts that `elapsedMs` is no longer than the configured `configuredMs` plus MARGIN_MS. */
export function withinConfigured(elapsedMs: number, configuredMs: number, what: string): void {
  if (elapsedMs > configuredMs + MARGIN_MS)
    throw new Error(`${what}: took ${elapsedMs} ms, configured ${configuredMs} ms (+${MARGIN_MS} ms margin)`);
}
