import { DeliveryError, asDeliveryError, retryAfterMs } from './failure.js';

export interface HttpAnswer {
  status: number;
  body: string;
}

/**
 * POSTs `body` and sorts the answer: 2xx resolves; 429, 5xx, timeouts and connection errors reject retryable; any
 * other status rejects permanent, with the receiver's own words (Slack webhooks answer "channel_not_found").
 */
export async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  stop?: AbortSignal,
): Promise<HttpAnswer> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: stop ? AbortSignal.any([AbortSignal.timeout(timeoutMs), stop]) : AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    text = await res.text();
  } catch (err) {
    throw asDeliveryError(err);
  }
  if (res.status >= 200 && res.status < 300) return { status: res.status, body: text };
  const said = `HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
  if (res.status === 429) throw new DeliveryError(said, false, retryAfterMs(res.headers.get('retry-after')));
  throw new DeliveryError(said, res.status < 500 ? true : false);
}
