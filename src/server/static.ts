import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

/** The page's files, shipped as they are in the package's web/ folder (from dist/src/server/ up to the root). */
const WEB = resolve(dirname(fileURLToPath(import.meta.url)), '../../../web');

/** Only these are served: nothing else of the disk is reachable. */
const FILES: Record<string, string> = {
  'app.js': 'text/javascript; charset=utf-8',
  'render.js': 'text/javascript; charset=utf-8',
  'style.css': 'text/css; charset=utf-8',
};

export function staticRoutes(): Hono {
  const app = new Hono();
  app.get('/', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(join(WEB, 'index.html'), 'utf8'));
  });
  app.get('/assets/:file', (c) => {
    const type = FILES[c.req.param('file')];
    if (!type) return c.json({ error: 'no such file' }, 404);
    c.header('Content-Type', type);
    c.header('Cache-Control', 'no-cache');
    return c.body(readFileSync(join(WEB, c.req.param('file')), 'utf8'));
  });
  return app;
}
