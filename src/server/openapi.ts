/** `GET /openapi.json`: what the server answers, for people and generated clients. */
const stack = { name: 'stack', in: 'path', required: true, schema: { type: 'string' } };
const q = (name: string, description: string, type = 'string') => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type },
});
const json = (description: string) => ({
  description,
  content: { 'application/json': { schema: { type: 'object' } } },
});
const error = {
  description: 'refused: `{ "error": "…" }`',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const read = (summary: string, parameters: object[] = []) => ({
  get: { summary, parameters, responses: { 200: json(summary), 400: error, 401: error } },
});
const action = (summary: string, parameters: object[]) => ({
  post: {
    summary,
    security: [{ bearer: [] }],
    parameters,
    responses: {
      200: json(summary),
      202: json(summary),
      400: error,
      401: error,
      403: error,
      404: error,
      409: error,
      413: error,
    },
  },
});

export const openapi = {
  openapi: '3.1.0',
  info: {
    title: 'convoy serve',
    version: '1',
    description:
      'Read-only views of the store `convoy` deploys with: stacks, the running deployment, the queue, history and the stored event stream. Actions are off unless the server was started with --actions and a token.',
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: { Error: { type: 'object', required: ['error'], properties: { error: { type: 'string' } } } },
  },
  paths: {
    '/api/config': read('What this server offers: its stack, and whether actions are on'),
    '/api/stacks': read(
      'Stacks: the stack file’s first, then every stack in the store by name, each with its lock and queue length',
    ),
    '/api/stacks/{stack}/running': read(
      'The lock and the running deployment (else the latest) with waves, services and failure',
      [stack],
    ),
    '/api/stacks/{stack}/queue': read(
      'Deployments waiting for the lock, first in line first, with estimated start times',
      [stack],
    ),
    '/api/stacks/{stack}/history': read(
      'Past deployments, newest first, with steps and timings; the filters of `convoy history`',
      [
        stack,
        q('outcome', 'running, rolling-back, succeeded, failed, rollback-failed, interrupted'),
        q('service', 'only deployments that changed this service'),
        q('actor', 'only deployments by this actor'),
        q('correlationId', 'only this deployment'),
        q('since', 'started at or after: ISO date/time, or a duration ago (7d)'),
        q('until', 'started before: ISO date/time, or a duration ago'),
        q('limit', 'at most this many (default 20, at most 500)', 'integer'),
      ],
    ),
    '/api/stacks/{stack}/events': read('Stored events after a seq, in order', [
      stack,
      q('after', 'the last seq seen (default 0)', 'integer'),
      q('limit', 'at most this many (default 500, at most 1000)', 'integer'),
    ]),
    '/api/stacks/{stack}/stream': {
      get: {
        summary:
          'Live events as server-sent events; each `id` is the stored seq, so Last-Event-ID resumes without loss. A comment line every 15 s.',
        parameters: [
          stack,
          q('after', 'start after this seq (Last-Event-ID wins)', 'integer'),
          { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' } },
        ],
        responses: {
          200: {
            description: 'the stream',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
          400: error,
        },
      },
    },
    '/api/deployments/{id}': read(
      'One deployment: record, steps and timings, events, waves, services, failure and findings',
      [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    ),
    '/api/stacks/{stack}/queue/{id}/cancel': action('Take a waiting deployment out of the queue', [
      stack,
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
    ]),
    '/api/stacks/{stack}/rollback': {
      ...action('Start `convoy rollback` (body: `{ "services": [...] }`, empty: every service)', [stack]),
    },
    '/api/stacks/{stack}/approve': action(
      'Answer the paused deployment with CONTINUE, as `convoy approve` (body: `{ "by": "name" }`, recorded as "name (dashboard)"); 409 when nothing is paused',
      [stack],
    ),
    '/api/stacks/{stack}/reject': action(
      'Answer the paused deployment with ROLLBACK, as `convoy reject` (body: `{ "by": "name" }`); 409 when nothing is paused',
      [stack],
    ),
  },
};
