import { hostname } from 'node:os';

/** Who sends: the cursor's lease names this, so a later process can tell a live sender from a killed one. */
export function senderName(pid = process.pid): string {
  return `${hostname()} pid ${pid}`;
}

/**
 * A lease held by a process of this machine that no longer exists (killed with SIGKILL mid-deployment) is taken over
 * at once instead of waiting for it to run out. Another machine's lease is trusted until it expires.
 */
export function holderIsDead(holder: string): boolean {
  const m = /^(.*) pid (\d+)$/.exec(holder);
  if (!m || m[1] !== hostname() || Number(m[2]) === process.pid) return false;
  try {
    process.kill(Number(m[2]), 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
