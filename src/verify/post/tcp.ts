import net from 'node:net';
import { cannotRun, failed, passed, seconds, unreachable, type Outcome } from './outcome.js';

/** A TCP check: something accepts a connection at host:port. */
export function runTcp(
  t: { host: string; port: number; timeout: number },
  signal?: AbortSignal,
): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: t.host, port: t.port, signal });
    const done = (o: Outcome) => {
      socket.destroy();
      resolve(o);
    };
    socket.setTimeout(t.timeout, () => done(failed(`no connection within ${seconds(t.timeout)}`)));
    socket.once('connect', () => done(passed(`${t.host}:${t.port} accepts connections`)));
    socket.once('error', (err) => done(cannotRun(unreachable(err) ?? `could not connect: ${err.message}`)));
  });
}
