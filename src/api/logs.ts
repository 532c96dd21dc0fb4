import { InvalidInputError } from '../errors.js';
import { unknownNameError } from '../spec/did-you-mean.js';
import type { Opened } from './open.js';

export interface FollowLogsRequest {
  /** Epoch ms: start with what was written since then (default: the last `lines` lines locally, nothing on aws). */
  since?: number;
  lines: number;
  /** Only lines matching it. */
  grep?: RegExp;
  signal: AbortSignal;
}

/** The service's name, checked against the stack file: an unknown one exits 3, naming the closest. */
export function checkService(o: Opened, service: string): void {
  const names = o.stack.services.map((s) => s.name);
  if (!names.includes(service)) throw unknownNameError('service', service, names, `in stack ${o.stack.name}`);
}

/**
 * A service's log lines as they are written, across restarts of its process or tasks, until `signal` aborts;
 * then it ends quietly.
 */
export async function* followLogs(
  o: Opened,
  service: string,
  req: FollowLogsRequest,
): AsyncGenerator<string, void, undefined> {
  checkService(o, service);
  if (!o.target.followLogs)
    throw new InvalidInputError(`the ${o.target.kind} target cannot follow a service's logs`);
  const lines = o.target.followLogs(service, { since: req.since, lines: req.lines, signal: req.signal });
  for await (const l of lines) {
    if (req.signal.aborted) return;
    if (!req.grep || req.grep.test(l)) yield l;
  }
}
