import { Random } from '../test/emulator/core/random.js';
import { header, median, round, secs, seeds, SEED, times } from './common.js';
import { printTable, SHORT, writeResult } from './report.js';
import type { Detection } from './sim/baselines.js';
import { detectionRow, type DetectionRow } from './sim/detection.js';
import { exampleStacks, type FailureMode } from './sim/stacks.js';

/**
 * Time from submitting a broken service to the start of its rollback: Convoy against CloudFormation (a), ECS's
 * circuit breaker (b) and a sequential script (c), on the parental-control stack shape (5 services, 2 tasks each),
 * version 2 breaking p-gateway, which waits for policy-enforcer. Convoy runs with `deploy.order: dependencies`.
 */

const BROKEN = 'p-gateway';
const MODES: FailureMode[] = SHORT
  ? ['health', 'pull', 'slow-start']
  : ['health', 'pull', 'crash', 'oom', 'slow-start'];

const ratio = (baseline: Detection, convoy: Detection) =>
  baseline.detectMs === undefined || convoy.detectMs === undefined
    ? Infinity
    : baseline.detectMs / convoy.detectMs;

function summarise(failure: FailureMode, rows: DetectionRow[]) {
  const med = (f: (r: DetectionRow) => number | undefined) =>
    round(median(rows.map((r) => f(r) ?? NaN)) / 1000, 1);
  const ratios = (pick: (r: DetectionRow) => Detection) =>
    round(median(rows.map((r) => ratio(pick(r), r.convoy))), 2);
  return {
    failure,
    runs: rows.length,
    convoyRolledBack: rows.filter((r) => r.convoy.rolledBack).length,
    seconds: {
      convoy: med((r) => r.convoy.detectMs),
      cloudformation: med((r) => r.cloudformation.detectMs),
      circuitBreaker: med((r) => r.circuitBreaker.detectMs),
      script: med((r) => r.script.detectMs),
    },
    /** How many times longer each baseline takes than Convoy (median of per-seed ratios). */
    ratio: {
      cloudformation: ratios((r) => r.cloudformation),
      circuitBreaker: ratios((r) => r.circuitBreaker),
      script: ratios((r) => r.script),
    },
    convoyLagSeconds: {
      median: med((r) => r.convoy.lagMs),
      max: round(Math.max(...rows.map((r) => r.convoy.lagMs ?? NaN)) / 1000, 1),
    },
    pollIntervalSeconds: med((r) => r.convoy.pollIntervalMs),
  };
}

export async function runDetectBench(): Promise<void> {
  const rows: DetectionRow[] = [];
  for (const seed of seeds(5)) {
    const stack = exampleStacks(new Random(seed)).find((s) => s.name === 'parental-control')!;
    for (const failure of MODES) rows.push(await detectionRow(stack, seed, BROKEN, failure));
  }
  const summary = MODES.map((m) =>
    summarise(
      m,
      rows.filter((r) => r.failure === m),
    ),
  );
  const file = await writeResult('detect', {
    seed: SEED,
    seeds: seeds(5),
    stack: 'parental-control',
    broken: BROKEN,
    order: 'dependencies',
    summary,
    rows,
  });
  header('Time to detect a broken service and start rolling it back', file);
  const cell = (s: number, r: number) => (Number.isFinite(s) ? `${secs(s * 1000)} (${times(r)})` : 'never');
  printTable([
    [
      'failure',
      'Convoy',
      'CloudFormation',
      'ECS circuit breaker',
      'sequential script',
      'Convoy lag after ECS verdict',
    ],
    ...summary.map((s) =>
      s.failure === 'slow-start'
        ? [
            s.failure,
            `${s.runs - s.convoyRolledBack}/${s.runs} deployed, no false alarm`,
            'deployed',
            'deployed',
            'deployed',
            '-',
          ]
        : [
            s.failure,
            secs(s.seconds.convoy * 1000),
            cell(s.seconds.cloudformation, s.ratio.cloudformation),
            cell(s.seconds.circuitBreaker, s.ratio.circuitBreaker),
            cell(s.seconds.script, s.ratio.script),
            `${s.convoyLagSeconds.median} s (max ${s.convoyLagSeconds.max} s; poll interval ${s.pollIntervalSeconds} s)`,
          ],
    ),
  ]);
}
