import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../src/core/clock.js';
import { loadStack } from '../../src/spec/load.js';
import type { Stack } from '../../src/spec/types.js';
import type { Gate, RuntimeState, Target, Unit, Verdict } from '../../src/targets/target.js';

/** Time moves only when a test (or the target below) says so; a sleep ends only when its signal aborts. */
export class ManualClock implements Clock {
  constructor(public t = 1_700_000_000_000) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
  sleep(_ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((_, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  }
}

/** How a service behaves once started: how long its gate takes on the clock, and how that ends. */
export interface Behaviour {
  gateMs: number;
  /** Fails its gate with this message. */
  fails?: string;
  /** Passes its gate, then is found stopped. */
  diesAfterGate?: boolean;
}

/** A target that runs nothing: services are entries in a map, and their gates move the clock. */
export class MemoryTarget implements Target {
  readonly kind = 'memory';
  readonly running = new Map<string, string>();

  constructor(
    private readonly clock: ManualClock,
    private readonly behaviour: (service: string) => Behaviour,
  ) {}

  async start(unit: Unit): Promise<void> {
    this.running.set(unit.service.name, unit.revision);
  }

  async awaitGate(unit: Unit, gate: Gate): Promise<Verdict> {
    const b = this.behaviour(unit.service.name);
    this.clock.advance(b.gateMs);
    if (b.fails) return { ok: false, reason: 'exited', at: this.clock.now(), message: b.fails };
    if (b.diesAfterGate) this.running.delete(unit.service.name);
    return { ok: true, gate, at: this.clock.now() };
  }

  async stop(name: string): Promise<void> {
    this.running.delete(name);
  }

  async status(names?: string[]): Promise<RuntimeState[]> {
    return (names ?? [...this.running.keys()]).map((name) => {
      const revision = this.running.get(name);
      return revision ? { name, revision, health: 'healthy' } : { name, health: 'stopped' };
    });
  }

  async logs(): Promise<string[]> {
    return [];
  }

  async down(): Promise<string[]> {
    const names = [...this.running.keys()].sort();
    this.running.clear();
    return names;
  }
}

/** A stack file in a temp folder, loaded; `yaml` is everything after the `stack:` line. */
export function tempStack(name: string, yaml: string): { stack: Stack; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'convoy-engine-'));
  writeFileSync(join(dir, 'convoy.yaml'), `stack: ${name}\n${yaml}`);
  return {
    stack: loadStack(join(dir, 'convoy.yaml')),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
