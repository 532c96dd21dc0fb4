/**
 * Why a delivery did not succeed, decided once where the answer is read (http.ts, slack.ts), so the sender only asks
 * "again later, or never?". Retryable: 429 (with its Retry-After), 5xx, timeouts, connection errors. Permanent:
 * every other 4xx and Slack's own refusals (invalid_auth, channel_not_found, is_archived, invalid_blocks…).
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    /** What the receiver asked for (Retry-After), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Retry-After is seconds or an HTTP date; anything else is ignored (the back-off decides). */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Math.round(Number(header) * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Anything thrown that is not a DeliveryError is a connection-level problem: worth another try. */
export function asDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return new DeliveryError('timed out', false);
  const why = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
  return new DeliveryError(`could not connect: ${why}`, false);
}
