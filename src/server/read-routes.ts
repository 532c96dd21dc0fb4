import { Hono } from 'hono';
import { estimateWait } from '../engine/estimate.js';
import { toConvoyEvent } from '../engine/stored-event.js';
import type { ServerContext } from './context.js';
import { deploymentDetail } from './detail.js';
import { badRequest, notFound } from './errors.js';
import { historyFilter, intParam } from './params.js';
import { deploymentSummary, lockView, queueView, stepView } from './views.js';

const NAME = /^[A-Za-z0-9_.-]{1,128}$/;

export function stackParam(value: string): string {
  if (!NAME.test(value)) throw badRequest(`"${value.slice(0, 80)}" is not a stack name`);
  return value;
}

/** The JSON endpoints: every one reads the store, and only the store. */
export function readRoutes(ctx: ServerContext): Hono {
  const { store } = ctx;
  const app = new Hono();

  app.get('/config', (c) => c.json({ stack: ctx.stack, actions: !!ctx.actions }));

  app.get('/stacks', async (c) => {
    const [locks, known] = await Promise.all([store.listLocks(), store.listStacks()]);
    // The stack file's first, even before its first deployment; then the store's, by name.
    const names = [...new Set([ctx.stack, ...known])];
    const now = ctx.now();
    const stacks = await Promise.all(
      names.map(async (name) => {
        const lock = locks.find((l) => l.stack === name);
        return {
          name,
          lock: lock ? lockView(lock, now) : null,
          queueLength: (await store.listQueue(name, now)).length,
        };
      }),
    );
    return c.json({ stacks });
  });

  app.get('/stacks/:stack/running', async (c) => {
    const stack = stackParam(c.req.param('stack'));
    const now = ctx.now();
    const [lock, running, rollingBack, latest] = await Promise.all([
      store.getLock(stack),
      store.listDeployments({ stack, status: 'running', limit: 1 }),
      store.listDeployments({ stack, status: 'rolling-back', limit: 1 }),
      store.listDeployments({ stack, limit: 1 }),
    ]);
    const live = lock
      ? [...running, ...rollingBack].find((d) => d.correlationId === lock.correlationId)
      : undefined;
    const shown = live ?? latest[0];
    return c.json({
      lock: lock ? lockView(lock, now) : null,
      running: !!live,
      deployment: shown ? await deploymentDetail(store, shown, now) : null,
    });
  });

  app.get('/stacks/:stack/queue', async (c) => {
    const stack = stackParam(c.req.param('stack'));
    const now = ctx.now();
    const [queue, lock] = await Promise.all([store.listQueue(stack, now), store.getLock(stack)]);
    const entries = await Promise.all(
      queue.map(async (q, i) =>
        queueView(q, i + 1, now, await estimateWait(store, stack, { holder: lock, ahead: i, now })),
      ),
    );
    return c.json({ entries });
  });

  app.get('/stacks/:stack/history', async (c) => {
    const stack = stackParam(c.req.param('stack'));
    const ds = await store.listDeployments(historyFilter(stack, c.req.query(), ctx.now()));
    const deployments = await Promise.all(
      ds.map(async (d) => ({ ...deploymentSummary(d), steps: (await store.listSteps(d.id)).map(stepView) })),
    );
    return c.json({ deployments });
  });

  app.get('/stacks/:stack/events', async (c) => {
    const stack = stackParam(c.req.param('stack'));
    const after = intParam('after', c.req.query('after'), 0);
    const limit = intParam('limit', c.req.query('limit'), 500, 1000) || 500;
    const events = (await store.listEventsAfter(stack, after, limit)).map((e) => toConvoyEvent(e));
    return c.json({ events, lastSeq: events.at(-1)?.seq ?? after });
  });

  app.get('/deployments/:id', async (c) => {
    const id = c.req.param('id');
    const d = id.length <= 200 ? await store.getDeployment(id) : undefined;
    if (!d) throw notFound(`no deployment "${id.slice(0, 80)}"`);
    return c.json(await deploymentDetail(store, d, ctx.now()));
  });

  return app;
}
