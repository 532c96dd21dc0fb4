import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { performance } from 'node:perf_hooks';

export type Item = Record<string, AttributeValue>;

export const S = (v: string): AttributeValue => ({ S: v });
export const N = (v: number): AttributeValue => ({ N: String(v) });

export function str(item: Item, name: string): string | undefined {
  return item[name]?.S;
}

export function num(item: Item, name: string): number | undefined {
  const v = item[name]?.N;
  return v === undefined ? undefined : Number(v);
}

/** Zero-padded so that string order in a sort key is numeric order. */
export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * Collects placeholders for one request: every attribute name goes through `#name` so reserved words (`status`,
 * `data`, `at`, …) never need special-casing.
 */
export class Expr {
  readonly names: Record<string, string> = {};
  private readonly vals: Record<string, AttributeValue> = {};

  n(name: string): string {
    this.names[`#${name}`] = name;
    return `#${name}`;
  }

  v(value: AttributeValue): string {
    const key = `:v${Object.keys(this.vals).length}`;
    this.vals[key] = value;
    return key;
  }

  /** DynamoDB rejects an empty ExpressionAttributeValues map. */
  get values(): Record<string, AttributeValue> | undefined {
    return Object.keys(this.vals).length ? this.vals : undefined;
  }

  /** `SET a = :x, …` for defined values and `REMOVE b, …` for undefined ones (an upsert that clears fields). */
  setRemove(fields: Record<string, AttributeValue | undefined>, extraSet: string[] = []): string {
    const set = [...extraSet];
    const remove: string[] = [];
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined) remove.push(this.n(k));
      else set.push(`${this.n(k)} = ${this.v(v)}`);
    }
    return (
      (set.length ? `SET ${set.join(', ')}` : '') + (remove.length ? ` REMOVE ${remove.join(', ')}` : '')
    );
  }
}

let lastTick = 0;

/**
 * Microseconds since the epoch, strictly increasing within this process. Breaks ties in sort keys (two records in
 * the same millisecond keep their write order); across processes it is wall-clock order.
 */
export function tick(): number {
  const now = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  lastTick = Math.max(now, lastTick + 1);
  return lastTick;
}
