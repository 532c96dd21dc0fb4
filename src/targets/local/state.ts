import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { redactDeep, type Redact } from '../../core/redact.js';
import { sealService } from '../../spec/secrets.js';
import type { Service } from '../../spec/types.js';

/**
 * What the local target remembers about each service of one stack in `<dir>/.convoy/stacks/<stack>/`, so a later
 * convoy process (status, down, the next deploy) finds processes an earlier one started. Per stack, because stacks
 * may share a folder and their service names.
 */
export interface ServiceRecord {
  stack: string;
  name: string;
  kind: Service['kind'];
  revision: string;
  /** Epoch ms, from the target's clock. */
  startedAt: number;
  /** Also the process group id: every service runs as the leader of its own group. */
  pid?: number;
  /** /proc start time of `pid`, to tell our process from a later one that got the same pid. */
  procStart?: string;
  /**
   * Written before the process is spawned and passed to it as CONVOY_LAUNCH_ID, so a process whose convoy was killed
   * between spawning it and recording its pid can still be found (and stopped) by the next convoy.
   */
  launchId?: string;
  /** Set instead of pid when the command could not be launched. */
  startError?: string;
  /** Known only when the convoy process that spawned it saw it exit. */
  exitCode?: number | null;
  signal?: string | null;
  /** `convoy scale NAME=0` stopped it on purpose: a deployment leaves it stopped until its revision changes. */
  scaledToZero?: boolean;
  /** As it was started, its secrets sealed (spec/secrets.ts): where each comes from, never its value. */
  service: Service;
}

/** A failed run as the target saw it when its gate failed: a capture in the `convoy diagnose --input` format. */
export interface FailureSnapshot {
  /** Stacks may share a folder (and service names); a snapshot belongs to one. */
  stack: string;
  revision: string;
  /** Start of the failed run (epoch ms): with `revision`, tells whether the snapshot is of the current run. */
  startedAt: number;
  capture: Record<string, unknown>;
}

/** The folder holding one stack's local state (stack names are letters, digits, `-` and `_`: a safe path part). */
export function stackStateDir(dir: string, stack: string): string {
  return join(dir, '.convoy', 'stacks', stack);
}

export class StateDir {
  readonly root: string;

  constructor(dir: string, stack: string) {
    this.root = stackStateDir(dir, stack);
  }

  private get servicesDir() {
    return join(this.root, 'services');
  }
  private get pidsDir() {
    return join(this.root, 'pids');
  }
  logPath(name: string): string {
    return join(this.root, 'logs', `${name}.log`);
  }
  private failurePath(name: string): string {
    return join(this.root, 'failures', `${name}.json`);
  }

  ensure(): void {
    // 0700 and 0600 files: logs may quote secrets, and what runs is nobody else's business.
    for (const d of [this.servicesDir, this.pidsDir, join(this.root, 'logs')])
      mkdirSync(d, { recursive: true, mode: 0o700 });
  }

  read(name: string): ServiceRecord | undefined {
    try {
      return JSON.parse(readFileSync(join(this.servicesDir, `${name}.json`), 'utf8')) as ServiceRecord;
    } catch {
      return undefined;
    }
  }

  list(): ServiceRecord[] {
    let files: string[];
    try {
      files = readdirSync(this.servicesDir);
    } catch {
      return [];
    }
    return files
      .filter((f) => f.endsWith('.json'))
      .map((f) => this.read(f.slice(0, -'.json'.length)))
      .filter((r): r is ServiceRecord => r !== undefined);
  }

  write(rec: ServiceRecord): void {
    this.ensure();
    // Write-then-rename: a concurrent reader never sees half a record; the temp file is created 0600 already.
    const file = join(this.servicesDir, `${rec.name}.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ ...rec, service: sealService(rec.service) }, null, 2) + '\n', {
      mode: 0o600,
    });
    renameSync(tmp, file);
    const pidFile = join(this.pidsDir, `${rec.name}.pid`);
    if (rec.pid !== undefined) writeFileSync(pidFile, `${rec.pid}\n`, { mode: 0o600 });
    else rmSync(pidFile, { force: true });
  }

  /** The last failed run of a service, kept apart from its record so a rollback's restart does not erase it. */
  readFailure(name: string): FailureSnapshot | undefined {
    try {
      return JSON.parse(readFileSync(this.failurePath(name), 'utf8')) as FailureSnapshot;
    } catch {
      return undefined;
    }
  }

  writeFailure(name: string, snap: FailureSnapshot, redact: Redact = (t) => t): void {
    // Log lines may carry secrets, so 0600 like the service records.
    mkdirSync(join(this.root, 'failures'), { recursive: true, mode: 0o700 });
    const file = this.failurePath(name);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(redactDeep(snap, redact), null, 2) + '\n', { mode: 0o600 });
    renameSync(tmp, file);
  }

  remove(name: string): void {
    rmSync(join(this.servicesDir, `${name}.json`), { force: true });
    rmSync(join(this.pidsDir, `${name}.pid`), { force: true });
  }

  /** Last `lines` lines of a log, reading from the end so a large log costs no more than its tail. */
  tail(name: string, lines: number): string[] {
    if (lines <= 0) return [];
    let fd: number;
    try {
      fd = openSync(this.logPath(name), 'r');
    } catch {
      return [];
    }
    try {
      const size = statSync(this.logPath(name)).size;
      const chunk = 64 * 1024;
      let pos = size;
      let buf = Buffer.alloc(0);
      while (pos > 0 && countNewlines(buf) <= lines) {
        const len = Math.min(chunk, pos);
        pos -= len;
        const part = Buffer.alloc(len);
        readSync(fd, part, 0, len, pos);
        buf = Buffer.concat([part, buf]);
      }
      const all = buf.toString('utf8').split('\n');
      if (all[all.length - 1] === '') all.pop();
      return all.slice(-lines);
    } finally {
      closeSync(fd);
    }
  }
}

function countNewlines(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
  return n;
}
