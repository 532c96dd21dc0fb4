import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { HttpError } from './errors.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The token a request carries: `Authorization: Bearer …`, or `?token=` (an EventSource cannot set headers). */
function presented(c: Context): string | undefined {
  const h = c.req.header('Authorization');
  if (h?.startsWith('Bearer ')) return h.slice(7).trim();
  return c.req.query('token') || undefined;
}

/** Refuses a request without the server's token (compared in constant time). */
export function requireToken(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    const got = presented(c);
    if (!token || !got || !timingSafeEqual(digest(got), digest(token)))
      throw new HttpError(401, 'this needs the server token: Authorization: Bearer <token>');
    await next();
  };
}
