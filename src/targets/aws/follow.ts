import type { GateOptions } from '../target.js';
import type { AwsContext } from './context.js';

/**
 * The shape every watch shares: resolve on the first verdict or the timeout, reject with the signal's reason when
 * the engine stops waiting (as the local target does), and always stop watching.
 */
export function follow<T>(
  ctx: AwsContext,
  opts: GateOptions,
  watch: (finish: (v: T) => void) => { unwatch: () => void; timeout: () => T },
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    opts.signal?.throwIfAborted();
    let done = false;
    const timer = new AbortController();
    let unwatch = () => {};
    const end = () => {
      done = true;
      unwatch();
      timer.abort();
      opts.signal?.removeEventListener('abort', onAbort);
    };
    const finish = (v: T) => {
      if (done) return;
      end();
      resolve(v);
    };
    const onAbort = () => {
      if (done) return;
      end();
      reject(opts.signal?.reason);
    };
    const w = watch(finish);
    unwatch = w.unwatch;
    if (done) w.unwatch();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    ctx.clock.sleep(opts.timeoutMs, timer.signal).then(
      () => finish(w.timeout()),
      () => {},
    );
  });
}
