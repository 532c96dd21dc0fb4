import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks signing (standardwebhooks.com): the signature is base64(HMAC-SHA256(key, "id.timestamp.body")),
 * sent as `v1,<sig>`; several signatures are separated by spaces, which is how a rotation works: both the new and
 * the previous secret sign, and a receiver holding either verifies. A `whsec_` secret is base64 of the key; any
 * other string is used as is.
 */
export function signingKey(secret: string): Buffer {
  return secret.startsWith('whsec_') ? Buffer.from(secret.slice(6), 'base64') : Buffer.from(secret, 'utf8');
}

export function signature(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', signingKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/** The three Standard Webhooks headers for one delivery, signed with every secret given. */
export function signedHeaders(
  secrets: readonly string[],
  id: string,
  timestamp: number,
  body: string,
): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((s) => signature(s, id, timestamp, body)).join(' '),
  };
}

/** A receiver's check: any `v1` signature that matches, within `toleranceS` of now (replays are refused). */
export function verify(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  opts: { now?: number; toleranceS?: number } = {},
): boolean {
  const ts = Number(headers.timestamp);
  const now = Math.floor((opts.now ?? Date.now()) / 1000);
  if (!Number.isInteger(ts) || Math.abs(now - ts) > (opts.toleranceS ?? 300)) return false;
  const want = Buffer.from(signature(secret, headers.id, ts, body));
  return headers.signature
    .split(' ')
    .map((s) => Buffer.from(s))
    .some((got) => got.length === want.length && timingSafeEqual(got, want));
}
