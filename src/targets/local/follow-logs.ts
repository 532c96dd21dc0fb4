import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FollowLogsOptions } from '../observed.js';

/**
 * `convoy logs --follow` on a service's log file. Every start of the service appends to the same file (after a
 * `--- convoy: NAME revision R started TIME ---` line), so following the file follows the service across
 * restarts; a file that shrank or was replaced is read again from its start.
 */
export async function* followFile(
  path: string,
  name: string,
  opts: FollowLogsOptions,
): AsyncGenerator<string, void, undefined> {
  const pollMs = opts.pollMs ?? 200;
  let { size: offset, ino } = fileInfo(path);
  // The tail needs only the end of a large log; a start time needs the run headers before it.
  const from = opts.since === undefined ? Math.max(0, offset - TAIL_BYTES) : 0;
  const existing = read(path, from, offset - from)
    .text.split('\n')
    .slice(from > 0 ? 1 : 0, -1);
  yield* opts.since === undefined ? existing.slice(-opts.lines) : fromRunAt(existing, name, opts.since);
  while (!opts.signal.aborted) {
    const now = fileInfo(path);
    if (now.ino !== ino || now.size < offset) {
      // Replaced (or truncated): what it holds now is all new.
      ino = now.ino;
      offset = 0;
    }
    const chunk = read(path, offset, now.size - offset);
    if (chunk.bytes === 0) {
      await sleep(pollMs, undefined, { signal: opts.signal }).catch(() => undefined);
      continue;
    }
    offset += chunk.bytes;
    for (const l of chunk.text.split('\n').slice(0, -1)) {
      if (opts.signal.aborted) return;
      yield l;
    }
  }
}

const TAIL_BYTES = 256 * 1024;

/** From the run that was running at `since` (log lines carry no time of their own; each run's header does). */
function fromRunAt(lines: string[], name: string, since: number): string[] {
  const header = new RegExp(`^--- convoy: ${escape(name)} revision \\S+ started (\\S+) ---$`);
  let from = 0;
  lines.forEach((l, i) => {
    const m = header.exec(l);
    if (m && Date.parse(m[1]!) <= since) from = i;
  });
  return lines.slice(from);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function fileInfo(path: string): { size: number; ino: number } {
  try {
    const s = statSync(path);
    return { size: s.size, ino: s.ino };
  } catch {
    return { size: 0, ino: -1 };
  }
}

function read(path: string, from: number, length: number): { text: string; bytes: number } {
  if (length <= 0) return { text: '', bytes: 0 };
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return { text: '', bytes: 0 };
  }
  try {
    const buf = Buffer.alloc(length);
    const bytes = readSync(fd, buf, 0, length, from);
    // Stop at the last newline: a line still being written, or a UTF-8 character cut in two, waits for its end.
    const end = buf.lastIndexOf(10, bytes - 1) + 1;
    return { text: buf.subarray(0, end).toString('utf8'), bytes: end };
  } finally {
    closeSync(fd);
  }
}
