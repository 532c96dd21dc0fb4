import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { SimWorld } from './world.js';

/**
 * The orchestrator's own cost while it runs against the simulator in the same process. CPU: process.cpuUsage over
 * the run minus the CPU spent inside the models (measured around every model call and queue advance); what is left
 * is the engine, the aws target, the store, the driver and the copying that stands in for SDK (de)serialisation —
 * an upper bound for Convoy (garbage the models leave behind is collected on its time too). Memory: the heap sampled every few steps, against a baseline taken after a full GC.
 */

let gcFn: (() => void) | undefined;
function gc(): void {
  if (!gcFn) {
    setFlagsFromString('--expose-gc');
    gcFn = runInNewContext('gc') as () => void;
  }
  gcFn();
}

const MB = 1024 * 1024;
const round1 = (x: number) => Math.round(x * 10) / 10;

export interface Cost {
  cpuMs: number;
  simulatorMs: number;
  orchestratorCpuMs: number;
  wallMs: number;
  baselineHeapMB: number;
  /** Highest heap seen during the run, above the baseline: Convoy plus the simulated AWS it talks to. */
  peakHeapAboveBaselineMB: number;
  peakRssMB: number;
  /** Heap still held after the run and a full GC, above the baseline: mostly the simulated AWS (tasks, events). */
  retainedAfterRunMB: number;
}

export class CostMeter {
  private cpu = process.cpuUsage();
  private wall = performance.now();
  private modelAtStart: number;
  private baseline: number;
  private peakHeap = 0;
  private peakRss = 0;
  private lastSample = 0;

  constructor(private readonly world: SimWorld) {
    gc();
    this.baseline = process.memoryUsage().heapUsed;
    this.modelAtStart = world.modelMs;
    world.onStep = () => this.sample();
    this.cpu = process.cpuUsage();
    this.wall = performance.now();
  }

  private sample(): void {
    const now = performance.now();
    if (now - this.lastSample < 5) return;
    this.lastSample = now;
    const m = process.memoryUsage();
    this.peakHeap = Math.max(this.peakHeap, m.heapUsed);
    this.peakRss = Math.max(this.peakRss, m.rss);
  }

  stop(): Cost {
    this.sample();
    const c = process.cpuUsage(this.cpu);
    const wallMs = performance.now() - this.wall;
    this.world.onStep = undefined;
    const cpuMs = (c.user + c.system) / 1000;
    const simulatorMs = this.world.modelMs - this.modelAtStart;
    gc();
    return {
      cpuMs: Math.round(cpuMs),
      simulatorMs: Math.round(simulatorMs),
      orchestratorCpuMs: Math.round(Math.max(0, cpuMs - simulatorMs)),
      wallMs: Math.round(wallMs),
      baselineHeapMB: round1(this.baseline / MB),
      peakHeapAboveBaselineMB: round1(Math.max(0, this.peakHeap - this.baseline) / MB),
      peakRssMB: round1(this.peakRss / MB),
      retainedAfterRunMB: round1(Math.max(0, process.memoryUsage().heapUsed - this.baseline) / MB),
    };
  }
}
