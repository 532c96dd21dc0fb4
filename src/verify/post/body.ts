/** A response body is read up to this and no further: a check must not hold a huge answer in memory. */
export const BODY_LIMIT = 1024 * 1024;

/** Reads at most `limit` bytes of a fetch response's body, then cancels the rest of it. */
export async function readLimited(
  res: Response,
  limit = BODY_LIMIT,
): Promise<{ text: string; bytes: number; truncated: boolean }> {
  if (!res.body) return { text: '', bytes: 0, truncated: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = limit - bytes;
    chunks.push(value.byteLength > room ? value.subarray(0, room) : value);
    bytes += Math.min(room, value.byteLength);
    if (bytes >= limit) {
      // Not one byte more is read: a body of exactly the limit counts as cut off too.
      truncated = true;
      break;
    }
  }
  await reader.cancel().catch(() => undefined);
  return { text: Buffer.concat(chunks).toString('utf8'), bytes, truncated };
}
