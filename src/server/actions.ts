import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requireToken } from './auth.js';
import type { ServerContext } from './context.js';
import { badRequest, HttpError, notFound } from './errors.js';
import { stackParam } from './read-routes.js';

/** Bodies are tiny (a list of service names): anything larger is refused before it is read. */
const MAX_BODY = 16 * 1024;

async function jsonBody(req: Request): Promise<Record<string, unknown>> {
  const text = await req.text();
  if (!text.trim()) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest('the body is not JSON');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('the body is a JSON object');
  return body as Record<string, unknown>;
}

/** Who answers a pause from the dashboard, as they name themselves (the token says they may; not who they are). */
function byOf(body: Record<string, unknown>): string {
  const by = body.by ?? 'someone';
  if (typeof by !== 'string' || !/^[\p{L}\p{N} ._@+-]{1,100}$/u.test(by.trim()))
    throw badRequest('by is a name of at most 100 letters, digits, spaces and ._@+-');
  return by.trim();
}

/**
 * `POST` actions: cancel a queued deployment, start a rollback, answer a paused deployment. Off unless the server was given actions (and then
 * a token); off, they answer 403 and the page shows no buttons.
 */
export function actionRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const guard = [
    (async (_c, next) => {
      if (!ctx.actions)
        throw new HttpError(403, 'actions are off: start convoy serve with --actions and a token');
      await next();
    }) as MiddlewareHandler,
    requireToken(ctx.token),
    bodyLimit({
      maxSize: MAX_BODY,
      onError: () => {
        throw new HttpError(413, `the body is larger than ${MAX_BODY} bytes`);
      },
    }),
  ] as const;
  const CANCEL = '/stacks/:stack/queue/:id/cancel';
  const ROLLBACK = '/stacks/:stack/rollback';
  const APPROVE = '/stacks/:stack/approve';
  const REJECT = '/stacks/:stack/reject';
  for (const path of [CANCEL, ROLLBACK, APPROVE, REJECT]) app.use(path, ...guard);

  app.post(CANCEL, async (c) => {
    const stack = stackParam(c.req.param('stack'));
    const id = c.req.param('id');
    if (!(await ctx.actions!.cancelQueued(stack, id)))
      throw notFound(`no deployment "${id}" waits in the queue`);
    return c.json({ cancelled: id });
  });

  app.post(ROLLBACK, async (c) => {
    const stack = stackParam(c.req.param('stack'));
    const body = await jsonBody(c.req.raw);
    const services = body.services ?? [];
    if (
      !Array.isArray(services) ||
      !services.every((s) => typeof s === 'string' && /^[A-Za-z0-9_.-]+$/.test(s))
    )
      throw badRequest('services is a list of service names');
    const started = await ctx.actions!.rollback(stack, services as string[]);
    return c.json({ started: true, pid: started.pid ?? null, services }, 202);
  });

  for (const [path, action] of [
    [APPROVE, 'CONTINUE'],
    [REJECT, 'ROLLBACK'],
  ] as const) {
    app.post(path, async (c) => {
      const stack = stackParam(c.req.param('stack'));
      const by = byOf(await jsonBody(c.req.raw));
      const r = await ctx.actions!.decidePause(stack, { action, by: `${by} (dashboard)` });
      if ('notPaused' in r) throw new HttpError(409, r.notPaused);
      return c.json({ decided: r.decided });
    });
  }
  return app;
}
