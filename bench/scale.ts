import { header, round, SEED } from './common.js';
import { generated } from './deploy.js';
import { printTable, SHORT, writeResult } from './report.js';
import { healthyRunCached, type HealthyRun } from './sim/runs.js';
import { RATES } from './sim/throttle.js';

/**
 * How a first deployment of a generated stack grows from 10 to 1,000 services (Convoy, `deploy.order:
 * dependencies`, default poll interval): deploy time against its bounds, AWS API calls and throttling, and what
 * the orchestrator itself costs. Three result files from the same runs: scale, api and cost.
 */

export const SIZES = SHORT ? [10, 30] : [10, 30, 100, 300, 1000];

async function runs(): Promise<HealthyRun[]> {
  const out: HealthyRun[] = [];
  for (const n of SIZES) out.push(await healthyRunCached(generated(n), SEED, 'dependencies'));
  return out;
}

const perService = (x: number, n: number) => round(x / n, 1);

export async function runScaleBench(): Promise<void> {
  const rs = await runs();
  const curve = rs.map((r) => ({
    services: r.services,
    depth: r.depth,
    ok: r.ok,
    deploySeconds: r.deploySeconds,
    criticalPathSeconds: r.criticalPathSeconds,
    apiBoundSeconds: r.apiBoundSeconds,
    ratio: r.ratio,
    ratioToTighterBound: r.ratioToTighterBound,
    apiCalls: r.api.total,
    peakCallsPerSecond: r.api.peakPerSecond,
    throttlesReachedEngine: r.api.throttlesReachedEngine,
    orchestratorCpuMs: r.cost.orchestratorCpuMs,
    peakHeapAboveBaselineMB: r.cost.peakHeapAboveBaselineMB,
  }));
  const file = await writeResult('scale', { seed: SEED, order: 'dependencies', curve });
  header('Scaling curve: generated stacks, first deployment', file);
  printTable([
    [
      'services',
      'depth',
      'deploy',
      'critical path',
      'bound with quotas',
      'ratio',
      'API calls',
      'peak calls/s',
      'CPU',
      'peak heap',
    ],
    ...curve.map((c) => [
      c.services,
      c.depth,
      `${c.deploySeconds} s${c.ok ? '' : ' FAILED'}`,
      `${c.criticalPathSeconds} s`,
      `${c.apiBoundSeconds} s`,
      `${c.ratio}×`,
      c.apiCalls,
      c.peakCallsPerSecond,
      `${c.orchestratorCpuMs} ms`,
      `${c.peakHeapAboveBaselineMB} MB`,
    ]),
  ]);
}

export async function runApiBench(): Promise<void> {
  const rs = await runs();
  const rows = rs.map((r) => ({
    services: r.services,
    apiCalls: r.api.total,
    callsPerService: perService(r.api.total, r.services),
    peakCallsPerSecond: r.api.peakPerSecond,
    pollRounds: r.pollRounds,
    throttledAttempts: r.api.throttledAttempts,
    throttlesAbsorbed: r.api.throttlesAbsorbed,
    throttlesReachedEngine: r.api.throttlesReachedEngine,
    byOperation: r.api.byOperation,
  }));
  const file = await writeResult('api', { seed: SEED, order: 'dependencies', rateLimits: RATES, rows });
  header('AWS API calls per deployment and throttling', file);
  printTable([
    [
      'services',
      'API calls',
      'per service',
      'peak calls/s',
      'throttled',
      'absorbed by retry',
      'reached the engine',
    ],
    ...rows.map((r) => [
      r.services,
      r.apiCalls,
      r.callsPerService,
      r.peakCallsPerSecond,
      r.throttledAttempts,
      r.throttlesAbsorbed,
      r.throttlesReachedEngine,
    ]),
  ]);
}

export async function runCostBench(): Promise<void> {
  const rs = await runs();
  const rows = rs.map((r) => ({ services: r.services, deploySeconds: r.deploySeconds, ...r.cost }));
  const largest = rows.at(-1)!;
  const file = await writeResult('cost', { seed: SEED, services: largest.services, largest, rows });
  header(`The orchestrator's own CPU and memory (largest: ${largest.services} services)`, file);
  printTable([
    [
      'services',
      'process CPU',
      'of which simulator',
      'Convoy CPU',
      'per service',
      'peak heap (+baseline)',
      'peak RSS',
      'wall',
    ],
    ...rows.map((r) => [
      r.services,
      `${r.cpuMs} ms`,
      `${r.simulatorMs} ms`,
      `${r.orchestratorCpuMs} ms`,
      `${round(r.orchestratorCpuMs / r.services, 2)} ms`,
      `${r.peakHeapAboveBaselineMB} MB`,
      `${r.peakRssMB} MB`,
      `${r.wallMs} ms`,
    ]),
  ]);
}
