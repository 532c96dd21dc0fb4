import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';

/**
 * Ports for the services and servers a test starts and binds later. `listen(0)` then close is not enough: until the
 * service binds, the port is free for any other test process's `listen(0)` or for an outgoing connection's local
 * port, and a service of another test then answers our health checks (seen in CI: a resumed deployment "passed" on
 * a stranger's /health while its own process died of EADDRINUSE). So ports come from below the ephemeral range, which
 * the kernel never hands out by itself, and each is claimed once per test run by an exclusive file in a folder that
 * `npm test` makes for the run (scripts/run-tests.mjs); a test file run on its own gets a folder of its own.
 */
const DIR = process.env.CONVOY_TEST_PORTS_DIR ?? ownDir();

function ownDir(): string {
  const dir = join(tmpdir(), `convoy-test-ports-${process.pid}-${Date.now()}`);
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function ephemeralLow(): number {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
  } catch {
    return 49152; // the IANA dynamic range, used by macOS and Windows
  }
}

const HIGH = ephemeralLow();
const LOW = Math.max(10_000, HIGH - 12_000);

function claim(port: number): boolean {
  try {
    writeFileSync(join(DIR, String(port)), String(process.pid), { flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

function bindable(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = createServer();
    s.once('error', () => res(false));
    s.listen(port, '127.0.0.1', () => s.close(() => res(true)));
  });
}

/** A port on 127.0.0.1 that no other test of this run gets, and that nothing listens on now. */
export async function freePort(): Promise<number> {
  mkdirSync(DIR, { recursive: true });
  for (let attempt = 0; attempt < 1000; attempt++) {
    const port = LOW + randomInt(HIGH - LOW);
    // A claimed port that is not bindable stays claimed: something outside the tests holds it.
    if (claim(port) && (await bindable(port))) return port;
  }
  throw new Error(`no free port in ${LOW}-${HIGH - 1} after 1000 tries (claims in ${DIR})`);
}
