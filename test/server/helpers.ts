import { freePort, serviceYaml, stackDir, startCli, waitForOutput } from '../e2e/helpers.js';

/**
 * A two-wave stack played by the example server: `api`, then `worker`; WORKER_HEALTHY=false breaks the worker, and
 * DELAY (ms) overrides how long each takes to start.
 */
export async function twoWaveStack(prefix: string, delayMs = 1200): Promise<string> {
  const [a, w] = [await freePort(), await freePort()];
  const health = (p: number) =>
    `{ http: { url: "http://127.0.0.1:${p}/health" }, interval: 300ms, timeout: 1s, retries: 2, startPeriod: 5s }`;
  return stackDir(prefix, [
    serviceYaml('api', {
      port: a,
      env: { STARTUP_DELAY: `\${DELAY:-${delayMs}}`, VERSION: '${VERSION:-1}' },
      health: health(a),
    }),
    serviceYaml('worker', {
      port: w,
      dependsOn: ['api'],
      env: {
        STARTUP_DELAY: `\${DELAY:-${delayMs}}`,
        VERSION: '${VERSION:-1}',
        HEALTHY: '${WORKER_HEALTHY:-true}',
        UNHEALTHY_REASON: 'queue broker unreachable at 127.0.0.1:5672',
      },
      health: health(w),
    }),
  ]);
}

/** `convoy serve` on a free 127.0.0.1 port, as a user starts it; `stop()` ends it. */
export async function startServe(dir: string, args: string[] = [], env: Record<string, string> = {}) {
  const port = await freePort();
  const run = startCli(['serve', '--port', String(port), ...args], { cwd: dir, env });
  await waitForOutput(run, /dashboard of/, 20_000);
  return {
    url: `http://127.0.0.1:${port}`,
    run,
    stop: async () => {
      run.child.kill('SIGTERM');
      await run.done;
    },
  };
}

/** One request a test made and the status it got: the OpenAPI coverage test walks these (api.test.ts). */
export interface Answered {
  method: string;
  /** As sent, still percent-encoded. */
  path: string;
  status: number;
}

/** Every request made through getJson and readSse by the test file, in order. */
export const answered: Answered[] = [];

export async function getJson<T = Record<string, unknown>>(url: string, init?: RequestInit) {
  const res = await fetch(url, init);
  answered.push({ method: init?.method ?? 'GET', path: new URL(url).pathname, status: res.status });
  return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as T };
}

export interface SseMessage {
  id?: string;
  data?: string;
  comment?: string;
}

/**
 * Reads an event stream until `until` says stop (or `timeoutMs` passes), then disconnects, as a browser tab that
 * closes would. Comments (heartbeats) are kept as `{ comment }`.
 */
export async function readSse(
  url: string,
  headers: Record<string, string>,
  until: (m: SseMessage, all: SseMessage[]) => boolean,
  timeoutMs = 30_000,
): Promise<{ messages: SseMessage[]; headers: Headers }> {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), timeoutMs);
  const res = await fetch(url, { headers, signal: ac.signal });
  answered.push({ method: 'GET', path: new URL(url).pathname, status: res.status });
  const messages: SseMessage[] = [];
  const decoder = new TextDecoder();
  let buf = '';
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buf += decoder.decode(chunk, { stream: true });
      let i: number;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const frame = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const m: SseMessage = {};
        for (const line of frame.split('\n')) {
          if (line.startsWith(':')) m.comment = line.slice(1).trim();
          else if (line.startsWith('id: ')) m.id = line.slice(4);
          else if (line.startsWith('data: ')) m.data = (m.data ? m.data + '\n' : '') + line.slice(6);
        }
        if (m.id === undefined && m.data === undefined && m.comment === undefined) continue;
        messages.push(m);
        if (until(m, messages)) return { messages, headers: res.headers };
      }
    }
  } catch (err) {
    if (!ac.signal.aborted) throw err;
    throw new Error(`stream timed out after ${messages.length} messages`);
  } finally {
    clearTimeout(timer);
    ac.abort();
  }
  return { messages, headers: res.headers };
}
