import { Random } from './core/random.js';
import type { ThrottleRule } from './scenario.js';

/** Decides which calls get `Rate exceeded`, so clients' retry logic is exercised. Deterministic for a given seed. */
export class Throttler {
  private rules: { rule: ThrottleRule; seen: number }[] = [];

  constructor(
    rules: ThrottleRule[] = [],
    private readonly rng = new Random(99),
  ) {
    this.set(rules);
  }

  set(rules: ThrottleRule[]): void {
    this.rules = rules.map((rule) => ({ rule, seen: 0 }));
  }

  shouldThrottle(service: string, operation: string): boolean {
    let throttle = false;
    for (const r of this.rules) {
      const { rule } = r;
      if (rule.service !== undefined && rule.service !== service) continue;
      if (rule.operation !== undefined && rule.operation !== operation) continue;
      r.seen++;
      if (rule.first !== undefined && r.seen <= rule.first) throttle = true;
      else if (rule.rate !== undefined && this.rng.next() < rule.rate) throttle = true;
    }
    return throttle;
  }
}

/** Calls per `service.Operation`, so tests can report and bound the API cost of a deployment. */
export class CallCounter {
  private calls = new Map<string, { calls: number; throttled: number; errors: number }>();

  record(service: string, operation: string, outcome: 'ok' | 'throttled' | 'error'): void {
    const key = `${service}.${operation}`;
    const c = this.calls.get(key) ?? { calls: 0, throttled: 0, errors: 0 };
    c.calls++;
    if (outcome === 'throttled') c.throttled++;
    if (outcome === 'error') c.errors++;
    this.calls.set(key, c);
  }

  reset(): void {
    this.calls.clear();
  }

  snapshot() {
    const byOperation = Object.fromEntries([...this.calls].sort(([a], [b]) => a.localeCompare(b)));
    const total = [...this.calls.values()].reduce((n, c) => n + c.calls, 0);
    const throttled = [...this.calls.values()].reduce((n, c) => n + c.throttled, 0);
    return { total, throttled, byOperation };
  }

  count(service: string, operation: string): number {
    return this.calls.get(`${service}.${operation}`)?.calls ?? 0;
  }
}
