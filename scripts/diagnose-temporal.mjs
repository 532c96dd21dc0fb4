// Time-ordered validation of the diagnosis (train split only): each collection round's train captures are scored by
// the rules from before that round existed, with a learned ranking trained (by today's code) on the train captures
// from before it. Cross-validation cannot show this, because every rule was written from every train capture.
// Usage: npm run build && node scripts/diagnose-temporal.mjs [--keep]
// Builds one git worktree per round under the system's temp folder (the parent of the commit that added the round),
// writes bench/results/diagnose-temporal.json and prints the same. Never reads a test capture.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const load = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
const { loadCorpus } = await load('bench/diagnose.js');
const { exampleDocs, tokensOf } = await load('bench/diagnose-model.js');
const { trainBayes, rankBayes } = await load('src/diagnose/bayes.js');
const { trainSoftmax, rankSoftmax } = await load('bench/diagnose-softmax.js');
const { knnRanker } = await load('bench/diagnose-learners.js');

const git = (...args) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' }).trim();
const train = loadCorpus().filter((c) => c.split === 'train');
const tokens = new Map(train.map((c) => [c.file, tokensOf(c)]));
const work = join(tmpdir(), 'convoy-temporal');

/** The commit before the one that added a round's captures, when one commit added them all. */
function blindCommit(round) {
  const files = train.filter((c) => c.round === round).map((c) => `test/fixtures/diagnose/${c.file}`);
  const added = new Set(
    files.map((f) => git('log', '--diff-filter=A', '--format=%H', '--', f).split('\n').at(-1)),
  );
  return added.size === 1 ? git('rev-parse', `${[...added][0]}^`) : undefined;
}

async function buildAt(round, commit) {
  const dir = join(work, `round-${round}-${commit.slice(0, 7)}`);
  if (!existsSync(join(dir, 'dist/src/diagnose/index.js'))) {
    mkdirSync(work, { recursive: true });
    if (!existsSync(dir)) git('worktree', 'add', '--detach', dir, commit);
    if (!existsSync(join(dir, 'node_modules')))
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    execFileSync('npx', ['tsc', '-p', '.'], { cwd: dir, stdio: 'ignore' });
  }
  return import(pathToFileURL(join(dir, 'dist/src/diagnose/index.js')).href);
}

// Each learner trains on the captures of the rounds before; `bayes+examples` also on the examples of that build's own
// signature rules, as the committed model does (bench/diagnose-model.ts).
const learners = {
  bayes: (docs) => {
    const m = trainBayes(docs);
    return (t) => rankBayes(m, t);
  },
  'bayes+examples': (docs, build) => {
    const m = trainBayes([...docs, ...exampleDocs(build.RULES)]);
    return (t) => rankBayes(m, t);
  },
  softmax: (docs) => {
    const m = trainSoftmax(docs);
    return (t) => rankSoftmax(m, t);
  },
  knn: (docs) => knnRanker(docs, 5),
};

const rounds = [...new Set(train.map((c) => c.round).filter((r) => r !== undefined))].sort((a, b) => a - b);
const result = { rounds: [], learners: {} };
const tally = () => ({ n: 0, top1: 0, top3: 0 });
const add = (t, got, expect) => {
  t.n++;
  if (got[0] === expect) t.top1++;
  if (got.slice(0, 3).includes(expect)) t.top3++;
};
for (const name of Object.keys(learners))
  result.learners[name] = { all: tally(), noRule: tally(), alone: tally() };
for (const round of rounds) {
  const commit = blindCommit(round);
  if (!commit) continue;
  const build = await buildAt(round, commit);
  const held = train.filter((c) => c.round === round);
  const fit = train.filter((c) => (c.round ?? 0) < round);
  const own = { round, commit: commit.slice(0, 7), all: tally(), noRule: tally(), noRuleCategories: {} };
  for (const c of held) {
    const f = build.diagnose(c.capture);
    add(
      own.all,
      f.map((x) => x.category),
      c.expect,
    );
    if (!f.some((x) => x.rule)) {
      add(
        own.noRule,
        f.map((x) => x.category),
        c.expect,
      );
      own.noRuleCategories[c.expect] = (own.noRuleCategories[c.expect] ?? 0) + 1;
    }
  }
  result.rounds.push(own);
  const docs = fit.map((c) => ({ category: c.expect, source: c.source, tokens: tokens.get(c.file) }));
  for (const [name, make] of Object.entries(learners)) {
    const rank = make(docs, build);
    const r = result.learners[name];
    for (const c of held) {
      const ranking = rank(tokens.get(c.file));
      // The learner in the build's own pipeline: its first place only at a posterior of 0.3 or more, as for softmax.
      const f = build.diagnose(c.capture, build.RULES, {
        rank: () => ranking,
        policy: { first: name.startsWith('bayes') ? 0.95 : 0.3, fill: 3 },
      });
      const got = f.map((x) => x.category);
      add(r.all, got, c.expect);
      if (!f.some((x) => x.rule)) add(r.noRule, got, c.expect);
      add(
        r.alone,
        ranking.map((x) => x.category),
        c.expect,
      );
    }
  }
}
const sum = (ts) =>
  ts.reduce((a, t) => ({ n: a.n + t.n, top1: a.top1 + t.top1, top3: a.top3 + t.top3 }), tally());
result.total = { all: sum(result.rounds.map((r) => r.all)), noRule: sum(result.rounds.map((r) => r.noRule)) };
// Where no signature of its time matched, which category the fix went to (commonest.ts cites these counts).
result.total.noRuleCategories = {};
for (const r of result.rounds)
  for (const [c, n] of Object.entries(r.noRuleCategories))
    result.total.noRuleCategories[c] = (result.total.noRuleCategories[c] ?? 0) + n;
writeFileSync(join(root, 'bench/results/diagnose-temporal.json'), JSON.stringify(result, null, 2) + '\n');
const fmt = (t) => `${t.top1}/${t.n} top-1, ${t.top3} top-3`;
for (const r of result.rounds)
  console.log(`round ${r.round} (rules of ${r.commit}): ${fmt(r.all)}; no rule matched: ${fmt(r.noRule)}`);
console.log(`all rounds: ${fmt(result.total.all)}; no rule matched: ${fmt(result.total.noRule)}`);
console.log(
  `no rule matched, by category: ${Object.entries(result.total.noRuleCategories)
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} ${n}`)
    .join(', ')}`,
);
for (const [name, r] of Object.entries(result.learners))
  console.log(
    `learner ${name}: in the pipeline ${fmt(r.all)}; no rule matched ${fmt(r.noRule)}; alone ${fmt(r.alone)}`,
  );
if (!process.argv.includes('--keep')) {
  for (const r of result.rounds)
    git('worktree', 'remove', '--force', join(work, `round-${r.round}-${r.commit}`));
  rmSync(work, { recursive: true, force: true });
}
