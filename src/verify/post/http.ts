import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { CheckResponse } from '../../core/check-result.js';
import type { HttpCheckSpec } from '../../spec/post-checks.js';
import { readLimited } from './body.js';
import { valueAtPath } from './json-path.js';
import { latencyFigures, overBudget } from './latency.js';
import { cannotRun, failed, passed, seconds, unreachable, type Outcome } from './outcome.js';

const EXCERPT = 500;

interface Answer {
  response: CheckResponse;
  body: string;
  ms: number;
}

/** One request; throws what fetch throws. */
async function call(h: HttpCheckSpec, url: string, signal?: AbortSignal): Promise<Answer> {
  const timeout = AbortSignal.timeout(h.timeout);
  const t0 = performance.now();
  const res = await fetch(url, {
    method: h.method,
    headers: h.headers,
    ...(h.body !== undefined ? { body: h.body } : {}),
    redirect: 'manual',
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
  });
  const { text } = await readLimited(res);
  const ms = performance.now() - t0;
  return {
    response: {
      status: res.status,
      headers: Object.fromEntries(res.headers),
      bodyExcerpt: text.slice(0, EXCERPT),
    },
    body: text,
    ms: Math.round(ms * 10) / 10,
  };
}

/** What is wrong with an answer, in words; undefined when it is as expected. */
function judge(h: HttpCheckSpec, a: Answer): string | undefined {
  const want = h.expect.status;
  const status = a.response.status;
  const okStatus =
    want === undefined
      ? status >= 200 && status < 400
      : (Array.isArray(want) ? want : [want]).includes(status);
  if (!okStatus)
    return `status ${status}, expected ${want === undefined ? '200–399' : [want].flat().join(' or ')}`;
  for (const [name, expected] of Object.entries(h.expect.headers)) {
    const value = a.response.headers[name.toLowerCase()];
    if (expected === false) {
      if (value !== undefined) return `header ${name} is present ("${value}"), expected it absent`;
      continue;
    }
    if (value === undefined)
      return `header ${name} is missing from the answer${expected === true ? '' : ` (expected it to contain "${expected}")`}`;
    if (expected !== true && !value.toLowerCase().includes(expected.toLowerCase()))
      return `header ${name} is "${value}", expected it to contain "${expected}"`;
  }
  const fields = Object.entries(h.expect.body);
  if (fields.length === 0) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(a.body);
  } catch {
    return `the body is not JSON, so ${fields[0]![0]} cannot be read`;
  }
  for (const [path, expected] of fields) {
    const actual = valueAtPath(doc, path);
    if (actual === undefined) return `body ${path} is missing, expected ${JSON.stringify(expected)}`;
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      return `body ${path} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`;
  }
  return undefined;
}

/**
 * An HTTP check: one request judged on status, headers and body fields; then, when asked, a second call that must
 * be faster (a cache) and N requests against a latency budget.
 */
export async function runHttp(h: HttpCheckSpec, signal?: AbortSignal): Promise<Outcome> {
  // A fresh nonce per run, the same for both calls, so a cache keyed on the URL starts cold every time.
  const url = h.expect.secondCallFaster ? withNonce(h.url) : h.url;
  try {
    const first = await call(h, url, signal);
    const wrong = judge(h, first);
    if (wrong) return failed(wrong, { response: first.response });
    if (h.expect.secondCallFaster) {
      const second = await call(h, url, signal);
      if (second.ms >= first.ms)
        return failed(
          `the second call took ${second.ms} ms, not faster than the first (${first.ms} ms): the answer was not cached`,
          { response: second.response },
        );
    }
    if (h.latency) {
      const times = [first.ms];
      while (times.length < h.latency.requests) times.push((await call(h, url, signal)).ms);
      const latency = latencyFigures(times, h.latency);
      const over = overBudget(latency);
      if (over) return failed(over, { latency });
      return passed(`${first.response.status}; p95 ${latency.p95} ms over ${latency.requests} requests`, {
        latency,
      });
    }
    return passed(`${first.response.status} as expected`);
  } catch (err) {
    const why = unreachable(err);
    if (why) return cannotRun(why);
    if ((err as Error).name === 'TimeoutError') return failed(`no answer within ${seconds(h.timeout)}`);
    if (signal?.aborted) return cannotRun(`stopped: ${(signal.reason as Error)?.message ?? 'cancelled'}`);
    return cannotRun(`could not send the request: ${(err as Error).message}`);
  }
}

function withNonce(url: string): string {
  const u = new URL(url);
  u.searchParams.set('convoy-nonce', randomUUID());
  return u.toString();
}
