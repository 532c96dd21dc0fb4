import { Hono } from 'hono';
import { actionRoutes } from './actions.js';
import { requireToken } from './auth.js';
import type { ServerContext } from './context.js';
import { onError } from './errors.js';
import { openapi } from './openapi.js';
import { readRoutes } from './read-routes.js';
import { staticRoutes } from './static.js';
import { streamRoutes } from './stream.js';

/** The whole server: the page, the JSON API, the event stream, the OpenAPI description and (if on) actions. */
export function createApp(ctx: ServerContext): Hono {
  const app = new Hono();
  app.onError(onError);
  app.notFound((c) => c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path}` }, 404));
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });
  if (ctx.tokenForReads) app.use('/api/*', requireToken(ctx.token));
  app.get('/openapi.json', (c) => c.json(openapi));
  app.route('/api', actionRoutes(ctx));
  app.route('/api', readRoutes(ctx));
  app.route('/api', streamRoutes(ctx));
  app.route('/', staticRoutes());
  return app;
}
