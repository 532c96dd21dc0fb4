/** Small helpers shared by the aws target's files. */

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** The last segment of an ARN (`…/cluster/abcdef…` → `abcdef…`), or the string itself. */
export function lastSegment(ref: string): string {
  return ref.split('/').pop() ?? ref;
}

/** `arn:aws:ecs:r:a:service/cluster/name` → cluster; old-format ARNs (`service/name`) live in `default`. */
export function clusterOfServiceArn(arn: string): string {
  const parts = arn.split(':').pop()?.split('/') ?? [];
  return parts.length >= 3 ? parts[1]! : 'default';
}

export function errorName(err: unknown): string {
  return (err as { name?: string })?.name ?? 'Error';
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Errors no amount of waiting fixes: a watch that keeps getting them should fail now, not at its timeout. Throttling
 * and network trouble are not among them (the SDK already retried those; the next poll tries again).
 */
export function isPermanent(err: unknown): boolean {
  return /AccessDenied|Unauthorized|UnrecognizedClient|InvalidClientTokenId|ExpiredToken|ClusterNotFound|InvalidParameter|ValidationError|ClientException/i.test(
    errorName(err),
  );
}

export function isThrottle(err: unknown): boolean {
  return /Throttl|TooManyRequests|RequestLimitExceeded|Rate exceeded/i.test(
    `${errorName(err)} ${errorMessage(err)}`,
  );
}

/** SDK output holds Dates and class instances; a capture must be plain JSON. */
export function plain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function shortId(taskArn: string): string {
  return lastSegment(taskArn).slice(0, 8);
}

/** Stable JSON: keys sorted and undefined left out, so equal documents hash equally. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
