import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { follow } from '../engine/follow.js';
import type { ServerContext } from './context.js';
import { resumeSeq } from './params.js';
import { stackParam } from './read-routes.js';

/**
 * `GET /stacks/:stack/stream`: the stack's events as server-sent events, each with its stored seq as `id`, so a
 * browser that reconnects sends `Last-Event-ID` and goes on with nothing lost or repeated. A comment line every
 * `heartbeatMs` keeps proxies from cutting an idle stream; `X-Accel-Buffering: no` asks them not to buffer it.
 */
export function streamRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.get('/stacks/:stack/stream', (c) => {
    const stack = stackParam(c.req.param('stack'));
    const after = resumeSeq(c.req.header('Last-Event-ID'), c.req.query('after'));
    c.header('Cache-Control', 'no-cache, no-transform');
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      const ac = new AbortController();
      stream.onAbort(() => ac.abort());
      const beat = setInterval(
        () => void stream.write(': heartbeat\n\n').catch(() => ac.abort()),
        ctx.heartbeatMs ?? 15_000,
      );
      try {
        await stream.write('retry: 2000\n\n');
        const events = follow(ctx.store, stack, after, { signal: ac.signal, pollMs: ctx.pollMs ?? 250 });
        for await (const e of events) {
          await stream.writeSSE({ id: String(e.seq), data: JSON.stringify(e) });
        }
      } finally {
        clearInterval(beat);
      }
    });
  });
  return app;
}
