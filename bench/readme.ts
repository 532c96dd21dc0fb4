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

function deploy(r: Json): string {
  const s = (x: number | null) => (x === null ? '-' : `${Math.round(x)} s`);
  const polls = (r.summary as Json[]).filter((x) => x.pollSensitivity.length);
  const first = polls[0]?.pollSensitivity ?? [];
  return [
    `**Time to deploy a healthy stack** (first deployment, Convoy with \`deploy.order: dependencies\` unless noted) ` +
      `against its critical-path lower bound; target ≤ ${r.target}×. Example shapes: median of ${r.seeds.length} seeds (max in brackets). ` +
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
        `${s(x.waves.seconds)} (${x.waves.ratio}×)`,
        s(x.scriptSeconds),
        s(x.cloudformationSeconds),
        `${x.dependencies.ratioToTighterBound}× of ${s(Math.max(x.criticalPathSeconds, x.apiBoundSeconds))}`,
      ]),
    ]),
    '',
    '¹ waits for running = desired only, not for health. ² one template, `DependsOn` mirroring the stack; not run above 250 services (500-resource limit). ' +
      '³ the k-th task definition cannot be registered before (k − 20) s, nor the chain of services that waits for it finish sooner (bench/README.md).',
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

function diagnoseResult(r: Json): string {
  const t = r.test as Json;
  const tr = r.train as Json;
  return [
    `**Diagnosis of real failures nobody here had seen** (\`npm run bench diagnose\`): on the held-out test split of ` +
      `${t.n} captures from public reports, the right category comes first in ${t.top1Pct}% and among the top three in ` +
      `${t.top3Pct}%. (The ${tr.n} training captures the rules were written from: ${tr.top1Pct}% / ${tr.top3Pct}%.)`,
    '',
    table([
      ['category', 'test captures', 'top-1', 'top-3'],
      ...(t.perCategory as Json[])
        .filter((c) => c.n > 0)
        .map((c) => [c.category, c.n, `${c.top1Pct}%`, `${c.top3Pct}%`]),
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
