import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** A request the server refuses: its status and one sentence saying why, sent as `{ error }`. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const notFound = (message: string) => new HttpError(404, message);

/** Every error becomes JSON: a 4xx says what was wrong; anything else is a bare 500, never a stack trace. */
export function onError(err: Error, c: Context) {
  if (err instanceof HttpError) return c.json({ error: err.message }, err.status);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return c.json({ error: err.message || 'request refused' }, status);
  }
  process.stderr.write(`convoy serve: ${err.stack ?? String(err)}\n`);
  return c.json({ error: 'internal error' }, 500);
}
