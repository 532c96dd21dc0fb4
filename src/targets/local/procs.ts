import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * Process-group bookkeeping for services that outlive the convoy process that started them. On Linux /proc tells us a
 * process's start time (so a reused pid is not mistaken for our service), its group, and whether it is only a zombie
 * waiting for a parent that never reaps it; elsewhere we fall back to kill(pid, 0).
 */

const HAS_PROC = existsSync('/proc/self/stat');

interface ProcStat {
  state: string;
  pgrp: number;
  startTime: string;
}

function readStat(pid: number): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may itself contain spaces and parentheses.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', pgrp: Number(fields[2]), startTime: fields[19] ?? '' };
  } catch {
    return undefined;
  }
}

const gone = (s: ProcStat) => s.state === 'Z' || s.state === 'X';

/** Kernel start time of a process (clock ticks since boot), or undefined where /proc is not available. */
export function procStartTime(pid: number): string | undefined {
  return HAS_PROC ? readStat(pid)?.startTime : undefined;
}

/** Whether `pid` still runs and is the same process that had `startTime` when we recorded it. */
export function isRunning(pid: number, startTime?: string): boolean {
  if (HAS_PROC) {
    const s = readStat(pid);
    return s !== undefined && !gone(s) && (startTime === undefined || s.startTime === startTime);
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Live members of the process group led (once) by `pgid`. Empty when the leader's pid now belongs to an unrelated
 * process: then the group is not ours to signal. Members outliving their leader are still ours, because the kernel
 * does not hand out a pid while it is in use as a group id.
 */
export function liveGroupMembers(pgid: number, leaderStartTime?: string): number[] {
  if (!HAS_PROC) {
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch {
      return isRunning(pgid) ? [pgid] : [];
    }
  }
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const s = readStat(pid);
    if (!s || s.pgrp !== pgid) continue;
    if (pid === pgid && leaderStartTime !== undefined && s.startTime !== leaderStartTime) return [];
    if (!gone(s)) members.push(pid);
  }
  return members;
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group emptied meanwhile.
  }
}

/**
 * SIGTERM the whole group, give it `graceMs` (real time: it is about real processes), then SIGKILL. Resolves true when
 * something was running, false when nothing was; rejects if processes survive SIGKILL (stuck in the kernel).
 */
export async function stopGroup(
  pgid: number,
  leaderStartTime: string | undefined,
  graceMs: number,
): Promise<boolean> {
  const alive = () => liveGroupMembers(pgid, leaderStartTime).length > 0;
  if (!alive()) return false;
  signalGroup(pgid, 'SIGTERM');
  if (await waitUntilGone(alive, graceMs)) return true;
  signalGroup(pgid, 'SIGKILL');
  if (await waitUntilGone(alive, 3000)) return true;
  throw new Error(`process group ${pgid} is still running after SIGKILL`);
}

async function waitUntilGone(alive: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    await delay(50);
    if (!alive()) return true;
  }
  return !alive();
}

/**
 * The process started with CONVOY_LAUNCH_ID=`launchId` in its environment, if it still runs (Linux only: elsewhere
 * /proc is not there to read environments from, and such a process stays unknown).
 */
export function findLaunched(launchId: string): { pid: number; startTime: string } | undefined {
  if (!HAS_PROC) return undefined;
  const marker = `\0CONVOY_LAUNCH_ID=${launchId}\0`;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      if (!`\0${readFileSync(`/proc/${pid}/environ`, 'latin1')}`.includes(marker)) continue;
    } catch {
      continue; // gone meanwhile, or another user's
    }
    const s = readStat(pid);
    if (s && !gone(s)) return { pid, startTime: s.startTime };
  }
  return undefined;
}
