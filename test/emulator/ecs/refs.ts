import { AwsError } from '../core/errors.js';

/** How ECS names things in requests (a name or an ARN) and pages its lists. */

export function invalid(message: string): AwsError {
  return new AwsError('InvalidParameterException', message);
}

/** `arn:aws:ecs:…:service/cluster/name` or `name` → `name`; the same for tasks and clusters. */
export function lastSegment(ref: string): string {
  return ref.split('/').pop()!;
}

export function paginate<K extends string>(
  items: string[],
  input: { nextToken?: string; maxResults?: number },
  key: K,
  defaultMax = 100,
) {
  const start = input.nextToken ? Number(Buffer.from(String(input.nextToken), 'base64').toString()) || 0 : 0;
  const max = input.maxResults ?? defaultMax;
  const page = items.slice(start, start + max);
  const next = start + max < items.length ? Buffer.from(String(start + max)).toString('base64') : undefined;
  return { [key]: page, ...(next ? { nextToken: next } : {}) } as Record<K, string[]> & {
    nextToken?: string;
  };
}
