import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { RESULTS_DIR } from './report.js';

/**
 * `npm run bench:readme`: the results tables between `<!-- bench:start -->` and `<!-- bench:end -->` in README.md,
 * regenerated from bench/results/*.json (markers and a Benchmarks heading are added at the end when missing).
 */

const README = join(RESULTS_DIR, '../../README.md');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/* eslint-disable @typescript-eslint/no-explicit-any -- result files are read back as plain JSON */
type Json = Record<string, any>;

function load(name: string): Json | undefined {
  const file = join(RESULTS_DIR, `${name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Json) : undefined;
}

const table = (rows: (string | number)[][]) =>
  [rows[0]!, rows[0]!.map(() => '---'), ...rows.slice(1)].map((r) => `| ${r.join(' | ')} |`).join('\n');

const secs = (s: number | null) =>
  s === null || !Number.isFinite(s)
    ? 'never'
    : s >= 3600
      ? `${+(s / 3600).toFixed(2)} h`
      : `${Math.round(s)} s`;
const times = (x: number | null) =>
  x === null || !Number.isFinite(x) ? '∞' : `${x >= 10 ? Math.round(x) : x}×`;

const FAILURES: Record<string, string> = {
  health: 'health check fails',
  pull: 'image cannot be pulled',
  crash: 'crashes at start',
  oom: 'killed for memory',
};

function detect(r: Json): string {
  const rows = (r.summary as Json[]).filter((s) => s.failure !== 'slow-start');
  const slow = (r.summary as Json[]).find((s) => s.failure === 'slow-start');
  const cell = (s: Json, k: string) => `${secs(s.seconds[k])} (${times(s.ratio[k])})`;
  return [
    `**Time to detect a broken service and start rolling it back**, from the moment its new revision is submitted ` +
      `(${r.stack} shape, ${r.broken} broken, median of ${r.seeds.length} seed${r.seeds.length > 1 ? 's' : ''}; ` +
      `in brackets: how many times longer than Convoy):`,
    '',
    table([
      [
        'failure',
        'Convoy',
        'CloudFormation',
        'ECS circuit breaker',
        'sequential script',
        'Convoy after ECS’s verdict',
      ],
      ...rows.map((s) => [
        FAILURES[s.failure] ?? s.failure,
        secs(s.seconds.convoy),
        cell(s, 'cloudformation'),
        cell(s, 'circuitBreaker'),
        cell(s, 'script'),
        `${s.convoyLagSeconds.median} s (max ${s.convoyLagSeconds.max} s)`,
      ]),
    ]),
    ...(slow
      ? [
          '',
          `A service that starts slowly but inside its start period: deployed without a false alarm in ${slow.runs - slow.convoyRolledBack} of ${slow.runs} runs.`,
        ]
      : []),
  ].join('\n');
}

const CLASS_WORDS: Record<string, string> = {
  conclusive: 'conclusive (image does not exist)',
  'conclusive-health': 'conclusive (health check’s curl not in the image)',
  deterministic: 'deterministic, not conclusive (health check always fails)',
  transient: 'transient (first task crashes, then healthy)',
};

/** The matrix: desired count × maximumPercent × kind of failure, Convoy against the circuit breaker. */
function detectMatrix(r: Json): string | undefined {
  const m = r.matrix as Json | undefined;
  if (!m) return undefined;
  const cases = m.cases as Json[];
  const n = m.seeds.length as number;
  const at = (c: string, d: number, p: number) =>
    cases.find((x) => x.failureClass === c && x.desired === d && x.maximumPercent === p);
  const desired = [...new Set(cases.map((x) => x.desired as number))];
  const cell = (x: Json | undefined) => {
    if (!x) return '-';
    if (x.failureClass === 'transient') {
      const convoy = x.falseAlarms.convoy
        ? `**false alarm ${x.falseAlarms.convoy}/${x.runs}** (rolled back at ${secs(x.convoyRollbackSeconds)})`
        : `deployed ${secs(x.seconds.convoy)}`;
      const breaker = x.falseAlarms.circuitBreaker
        ? `false alarm ${x.falseAlarms.circuitBreaker}/${x.runs}`
        : `deployed ${secs(x.seconds.circuitBreaker)}`;
      return `${convoy} / ${breaker}`;
    }
    const ratio = x.ratio as number | null;
    const behind = ratio !== null && ratio < 1;
    const r = ratio === null ? '-' : behind ? `**${times(ratio)}, breaker sooner**` : times(ratio);
    return `${secs(x.seconds.convoy)} / ${secs(x.seconds.circuitBreaker)} (${r})`;
  };
  const allCases = cases.filter((x) => x.failureClass !== 'transient');
  const behind = allCases.filter((x) => x.ratio !== null && x.ratio < 1.05).length;
  const transient = cases.filter((x) => x.failureClass === 'transient');
  const alarms = transient.reduce((a, x) => a + (x.falseAlarms.convoy as number), 0);
  const runs = transient.reduce((a, x) => a + (x.runs as number), 0);
  const breakerAlarms = transient.reduce((a, x) => a + (x.falseAlarms.circuitBreaker as number), 0);
  const [one, two] = [at('deterministic', 1, 100), at('deterministic', 2, 200)];
  return [
    `**Where Convoy is and is not ahead**: one broken service (${r.broken}) at desired count ${desired.join(', ')} and ` +
      `maximumPercent 100 (minimumHealthyPercent 50; 0 for one task) and 200, against ECS’s circuit breaker; ` +
      `median of ${n} seed${n > 1 ? 's' : ''}. Each cell: Convoy / breaker, time to start rolling back ` +
      `(breaker ÷ Convoy in brackets); transient rows: false alarms, or time to deploy.`,
    '',
    table([
      ['failure', 'desired', 'maximumPercent 100', 'maximumPercent 200'],
      ...['conclusive', 'conclusive-health', 'deterministic', 'transient'].flatMap((c) =>
        desired.map((d) => [CLASS_WORDS[c] ?? c, d, cell(at(c, d, 100)), cell(at(c, d, 200))]),
      ),
    ]),
    '',
    `Convoy is not ahead in ${behind} of ${allCases.length} broken cases (within 5 % or behind): from 3 tasks at ` +
      `maximumPercent 200, and at 10 tasks either way, ECS launches enough tasks at once for the breaker to trip at ` +
      `about the first verdict, and Convoy then only adds its poll delay. On the transient failure Convoy raised a ` +
      `false alarm in ${alarms} of ${runs} runs, the breaker in ${breakerAlarms} of ${runs}: a task that stops without ` +
      `conclusive evidence is left to ECS to replace, and only a second stopped task of the revision fails the service.` +
      (one && two
        ? ` The price is on failures that repeat but are not conclusive: where ECS launches one task at a time the ` +
          `second task is a second launch, so Convoy decides the always-failing health check in ` +
          `${secs(one.seconds.convoy)} at desired count 1 against ${secs(two.seconds.convoy)} when two tasks start ` +
          `together (desired count 2, maximumPercent 200); the breaker still takes ${times(one.ratio)} as long.`
        : ''),
  ].join('\n');
}

function deploy(r: Json): string {
  const s = (x: number | null) => (x === null ? '-' : `${Math.round(x)} s`);
  const polls = (r.summary as Json[]).filter((x) => x.pollSensitivity.length);
  const first = polls[0]?.pollSensitivity ?? [];
  return [
    `**Time to deploy a healthy stack** (first deployment, Convoy with \`deploy.order: dependencies\` unless noted) ` +
      `against its critical-path lower bound; target ≤ ${r.target}×. Example shapes: median of ${r.seeds.length} seeds, generated stacks up to 300 services of 3 (max in brackets). ` +
      'Where ECS’s API quotas make the critical path unreachable (registering 1,000 task definitions at 1/s takes 16 minutes), ' +
      'the last column compares with the bound those quotas set³.',
    '',
    table([
      [
        'stack',
        'services',
        'critical path',
        'Convoy',
        '× critical path',
        'DescribeServices / API calls⁴',
        'after 3 deployments⁵',
        'Convoy, waves',
        'sequential script¹',
        'CloudFormation²',
        '× bound with quotas³',
      ],
      ...(r.summary as Json[]).map((x) => [
        x.stack,
        x.services,
        s(x.criticalPathSeconds),
        `${s(x.dependencies.seconds)}${x.dependencies.ok ? '' : ' (failed)'}`,
        `${x.dependencies.ratio}×${x.runs > 1 ? ` (${x.dependencies.maxRatio}×)` : ''}`,
        x.dependencies.describeServices === undefined
          ? '-'
          : `${x.dependencies.describeServices} / ${x.dependencies.apiCalls}`,
        x.afterHistory
          ? `${x.afterHistory.ratio}×${x.runs > 1 ? ` (${x.afterHistory.maxRatio}×)` : ''}${x.afterHistory.ok ? '' : ' (failed)'}; ${x.afterHistory.describeServices} / ${x.afterHistory.apiCalls}`
          : '-',
        `${s(x.waves.seconds)} (${x.waves.ratio}×)`,
        s(x.scriptSeconds),
        s(x.cloudformationSeconds),
        `${x.dependencies.ratioToTighterBound}× of ${s(Math.max(x.criticalPathSeconds, x.apiBoundSeconds))}`,
      ]),
    ]),
    '',
    '¹ waits for running = desired only, not for health. ² one template, `DependsOn` mirroring the stack; not run above 250 services (500-resource limit). ' +
      '³ the k-th task definition cannot be registered before (k − 20) s, nor the chain of services that waits for it finish sooner (bench/README.md). ' +
      '⁴ per deployment (median); the aws target polls by the estimates, here the stack file’s guesses (first deployments). ' +
      '⁵ the same stack deployed three times (every service changed each time), then the fourth deployment measured: an update polled by estimates from that history; × its own critical path (max in brackets); DescribeServices / API calls. Stacks up to 100 services.',
    ...(first.length > 1
      ? [
          '',
          'Convoy against the aws target’s poll interval (it backs off to 7.5× while nothing changes), median / max × bound:',
          '',
          table([
            ['stack', ...first.map((p: Json) => `poll ${p.pollMs / 1000} s`)],
            ...polls.map((x) => [
              x.stack,
              ...x.pollSensitivity.map((p: Json) => `${p.medianRatio}× / ${p.maxRatio}×`),
            ]),
          ]),
        ]
      : []),
  ].join('\n');
}

function scale(r: Json, api: Json | undefined, cost: Json | undefined): string {
  const a = new Map((api?.rows ?? []).map((x: Json) => [x.services, x]));
  const c = new Map((cost?.rows ?? []).map((x: Json) => [x.services, x]));
  return [
    '**Scaling** (generated stacks, first deployment; CPU and memory are the whole process minus the simulator’s own work, see bench/README.md):',
    '',
    table([
      [
        'services',
        'deploy',
        'critical path',
        'bound with quotas',
        'API calls',
        'peak calls/s',
        'throttled → reached Convoy',
        'Convoy CPU',
        'peak heap',
      ],
      ...(r.curve as Json[]).map((x) => {
        const ax = a.get(x.services) as Json | undefined;
        const cx = c.get(x.services) as Json | undefined;
        return [
          x.services,
          `${Math.round(x.deploySeconds)} s${x.ok ? '' : ' (failed)'}`,
          `${Math.round(x.criticalPathSeconds)} s`,
          `${Math.round(x.apiBoundSeconds)} s`,
          x.apiCalls,
          x.peakCallsPerSecond,
          ax ? `${ax.throttledAttempts} → ${ax.throttlesReachedEngine}` : '-',
          cx ? `${(cx.orchestratorCpuMs / 1000).toFixed(2)} s` : `${x.orchestratorCpuMs} ms`,
          `${x.peakHeapAboveBaselineMB} MB`,
        ];
      }),
    ]),
  ].join('\n');
}

function lock(r: Json): string {
  return [
    '**Lock** (acquire + release on a free lock; 8 clients contending for one stack):',
    '',
    table([
      ['store', 'acquire p50', 'acquire p99', 'cycles/s', 'contended hand-overs/s', 'wait p95'],
      ...(r.results as Json[]).map((x) => [
        x.backend,
        `${x.uncontended.acquireMs.p50} ms`,
        `${x.uncontended.acquireMs.p99} ms`,
        x.uncontended.cyclesPerSecond,
        x.contended.handoversPerSecond,
        `${x.contended.acquireWaitMs.p95} ms`,
      ]),
    ]),
  ].join('\n');
}

function readerSentence(rd: Json, n: number): string {
  const f = rd.first as Json;
  return (
    `A second reader who knows the tools, given the same evidence of ${rd.n === n ? 'all' : rd.n + ' of'} those ${n} ` +
    `captures and the category definitions, but no rule, label or source (\`bench/reader/\`, read ${rd.readAt}), named ` +
    `the right category first in ${rd.top1Pct}% and among three in ${rd.top3Pct}%. Both were right first on ` +
    `${f.bothRight}, Convoy alone on ${f.onlyConvoy}, the reader alone on ${f.onlyReader}, and neither on ${f.neither}. ` +
    'The two columns on the right set the reader beside Convoy by category: where the reader is ahead, the ' +
    'evidence held more than Convoy read.'
  );
}

function diagnoseResult(r: Json): string {
  const t = r.test as Json;
  const tr = r.train as Json;
  const rounds = Object.entries((r.testRounds ?? {}) as Record<string, Json>);
  const rd = r.reader as Json | undefined;
  return [
    `**Diagnosis of real failures nobody here had seen** (\`npm run bench diagnose\`): on the held-out test split of ` +
      `${t.n} captures from public reports, the right category comes first in ${t.top1Pct}% and among the top three in ` +
      `${t.top3Pct}%. (The ${tr.n} training captures the rules were written from: ${tr.top1Pct}% / ${tr.top3Pct}%` +
      (r.cv
        ? `; ${r.cv.folds}-fold cross-validation on them, grouped by source, which development was decided on: ` +
          `${r.cv.top1Pct}% / ${r.cv.top3Pct}%`
        : '') +
      (r.cvByRound
        ? `; holding out one collection round at a time: ${r.cvByRound.top1Pct}% / ${r.cvByRound.top3Pct}%`
        : '') +
      '.)' +
      (rounds.length
        ? ' Of those, by collection round (each collected blind to the rules of its time, none tuned on): ' +
          rounds
            .map(([round, x]) => `the ${x.n} of round ${round}, ${x.top1Pct}% / ${x.top3Pct}%`)
            .join('; ') +
          '.'
        : ''),
    ...(rd ? ['', readerSentence(rd, t.n as number)] : []),
    '',
    // Per round, a category holds a handful of captures at most, so the table is the whole split's.
    table([
      ['category', 'test captures', 'top-1', 'top-3', ...(rd ? ['reader top-1', 'reader top-3'] : [])],
      ...(t.perCategory as Json[])
        .filter((c) => c.n > 0)
        .map((c) => {
          const r = (rd?.perCategory as Json[] | undefined)?.find((x) => x.category === c.category);
          return [
            c.category,
            c.n,
            `${c.top1Pct}%`,
            `${c.top3Pct}%`,
            ...(rd ? [r?.n ? `${r.top1Pct}%` : '—', r?.n ? `${r.top3Pct}%` : '—'] : []),
          ];
        }),
    ]),
  ].join('\n');
}

export async function renderResults(): Promise<string> {
  const [d, dep, sc, api, cost, lk, dg] = [
    'detect',
    'deploy',
    'scale',
    'api',
    'cost',
    'lock',
    'diagnose',
  ].map(load);
  const all = [d, dep, sc, api, cost, lk].filter((x): x is Json => !!x);
  const short = all.some((x) => x.short);
  const seed = (d ?? dep ?? sc)?.seed ?? 1;
  const when =
    all
      .map((x) => String(x.at).slice(0, 10))
      .sort()
      .at(-1) ?? 'never';
  const parts = [
    `_Regenerated by \`npm run bench:readme\` from \`bench/results/*.json\` (${short ? 'short mode, ' : ''}seed ${seed}, ${when}). ` +
      'Virtual time on a simulator that runs the real engine and aws target against the ECS model; how to run, what ' +
      'each number means and how the baselines are modelled: [bench/README.md](bench/README.md)._',
    d && detect(d),
    d && detectMatrix(d),
    dep && deploy(dep),
    sc && scale(sc, api, cost),
    lk && lock(lk),
    dg && diagnoseResult(dg),
  ];
  return parts.filter(Boolean).join('\n\n');
}

async function main(): Promise<void> {
  let text = readFileSync(README, 'utf8');
  if (!text.includes(START) || !text.includes(END))
    text = `${text.trimEnd()}\n\n## Benchmarks\n\n${START}\n${END}\n`;
  const [before, rest] = text.split(START) as [string, string];
  const after = rest.slice(rest.indexOf(END) + END.length);
  const next = `${before}${START}\n\n${await renderResults()}\n\n${END}${after}`;
  writeFileSync(README, await format(next, { ...(await resolveConfig(README)), filepath: README }));
  process.stdout.write(`README.md: benchmark tables regenerated from ${RESULTS_DIR}\n`);
}

await main();
