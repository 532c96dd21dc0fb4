import { Random } from '../test/emulator/core/random.js';
import { header, median, round, secs, seeds, SEED, times } from './common.js';
import { printTable, SHORT, writeResult } from './report.js';
import type { Detection } from './sim/baselines.js';
import { detectionRow, type DetectionRow } from './sim/detection.js';
import { matrixRow, type FailureClass, type MatrixRow } from './sim/matrix.js';
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

const DESIRED = [1, 2, 3, 10];
const MAX_PERCENT = [100, 200];
const CLASSES: FailureClass[] = ['conclusive', 'conclusive-health', 'deterministic', 'transient'];

/** One matrix case over its seeds: medians, the breaker/Convoy ratio, false alarms counted for each tool. */
function summariseCase(rows: MatrixRow[]) {
  const [first] = rows;
  const med = (f: (r: MatrixRow) => number | undefined) => {
    const m = median(rows.map((r) => f(r) ?? NaN));
    return Number.isFinite(m) ? round(m / 1000, 1) : null;
  };
  const perSeed = (f: (r: MatrixRow) => number | undefined) => {
    const m = median(rows.map((r) => f(r) ?? NaN));
    return Number.isFinite(m) ? round(m, 2) : null;
  };
  const transient = first!.failureClass === 'transient';
  return {
    desired: first!.desired,
    maximumPercent: first!.maximumPercent,
    failureClass: first!.failureClass,
    runs: rows.length,
    seconds: {
      convoy: med((r) => (transient ? r.convoy.deployedMs : r.convoy.detectMs)),
      circuitBreaker: med((r) => (transient ? r.circuitBreaker.deployedMs : r.circuitBreaker.detectMs)),
    },
    /**
     * Broken: breaker's time to roll back ÷ Convoy's (> 1: Convoy sooner). Transient: breaker's time to deploy ÷
     * Convoy's, null when Convoy rolled back (a false alarm has no deploy time).
     */
    ratio: perSeed((r) =>
      transient
        ? r.convoy.deployedMs && r.circuitBreaker.deployedMs
          ? r.circuitBreaker.deployedMs / r.convoy.deployedMs
          : undefined
        : r.convoy.detectMs && r.circuitBreaker.detectMs
          ? r.circuitBreaker.detectMs / r.convoy.detectMs
          : undefined,
    ),
    falseAlarms: {
      convoy: rows.filter((r) => r.convoy.falseAlarm).length,
      circuitBreaker: rows.filter((r) => r.circuitBreaker.falseAlarm).length,
    },
    convoyDecidedBy: [...new Set(rows.map((r) => r.convoy.decidedBy ?? 'none'))].join(', '),
    ...(transient ? { convoyRollbackSeconds: med((r) => r.convoy.detectMs) } : {}),
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
  const matrixRows: MatrixRow[] = [];
  for (const seed of seeds(3)) {
    const stack = exampleStacks(new Random(seed)).find((s) => s.name === 'parental-control')!;
    for (const failureClass of CLASSES)
      for (const desired of DESIRED)
        for (const maximumPercent of MAX_PERCENT)
          matrixRows.push(await matrixRow(stack, seed, BROKEN, { desired, maximumPercent, failureClass }));
  }
  const matrix = CLASSES.flatMap((c) =>
    DESIRED.flatMap((d) =>
      MAX_PERCENT.map((m) =>
        summariseCase(
          matrixRows.filter((r) => r.failureClass === c && r.desired === d && r.maximumPercent === m),
        ),
      ),
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
    matrix: {
      seeds: seeds(3),
      failures: {
        conclusive: 'the image does not exist (CannotPullContainerError … not found)',
        'conclusive-health':
          'the health check’s curl is not in the image (/bin/sh: curl: not found, every probe)',
        deterministic: 'the health check fails every time (curl: 503)',
        transient: 'the first task crashes (exit 1), every later one is healthy',
      },
      cases: matrix,
      rows: matrixRows,
    },
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
  header('Detection matrix: Convoy against ECS’s circuit breaker', file, `, ${seeds(3).length} seed(s)`);
  printTable([
    ['failure', 'desired', 'max %', 'Convoy', 'circuit breaker', 'breaker ÷ Convoy', 'false alarms C / B'],
    ...matrix.map((m) => [
      m.failureClass,
      String(m.desired),
      String(m.maximumPercent),
      m.failureClass === 'transient'
        ? m.falseAlarms.convoy
          ? `rolled back at ${m.convoyRollbackSeconds} s`
          : `deployed ${m.seconds.convoy} s`
        : `${m.seconds.convoy} s`,
      m.failureClass === 'transient'
        ? `deployed ${m.seconds.circuitBreaker} s`
        : `${m.seconds.circuitBreaker} s`,
      m.ratio === null ? '-' : times(m.ratio),
      `${m.falseAlarms.convoy}/${m.runs} / ${m.falseAlarms.circuitBreaker}/${m.runs}`,
    ]),
  ]);
}
