import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

// Compiled to dist/test/lint/, three levels below the repo root.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

interface Violation {
  rule: string;
  from: string;
}

/** `npm run lint:layers` (the layer half of `npm run lint`): its exit status and the violations it printed. */
function lintLayers(): { status: number | null; violations: Violation[]; output: string } {
  const r = spawnSync('npm', ['run', '--silent', 'lint:layers'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  // Each violation starts a line `  error RULE: FROM → TO` (a folder cycle goes on over the next lines).
  const violations = [...r.stdout.matchAll(/^\s*error ([\w-]+): (\S+)/gm)].map(([, rule, from]) => ({
    rule: rule!,
    from: from!,
  }));
  return { status: r.status, violations, output: `${r.stdout}\n${r.stderr}` };
}

const CYCLE_RULES = ['no-circular', 'no-folder-cycle'];

/** Wrong-way imports, one per rule, each as a file planted in src/ for one run of the checker. */
const PLANTED: Record<string, { text: string; rules: string[] }> = {
  'src/targets/zz-planted-wrong-way.ts': {
    text: "import type { RunContext } from '../engine/context.js';\nexport type Planted = RunContext;\n",
    rules: ['targets-stay-below-the-engine', 'only-the-top-imports-the-engine'],
  },
  'src/diagnose/zz-planted-wrong-way.ts': {
    text: "import { execute } from '../engine/execute.js';\nexport const planted = execute;\n",
    rules: ['diagnose-stays-below-the-engine', 'only-the-top-imports-the-engine'],
  },
  'src/store/zz-planted-wrong-way.ts': {
    text: "import { printJson } from '../cli/output.js';\nexport const planted = printJson;\n",
    rules: ['store-imports-only-spec-and-core', 'only-the-cli-imports-the-cli'],
  },
  'src/verify/zz-planted-wrong-way.ts': {
    text: "import type { Emitter } from '../engine/emitter.js';\nexport type Planted = Emitter;\n",
    rules: ['verify-stays-below-the-engine', 'only-the-top-imports-the-engine'],
  },
  'src/plan/zz-planted-wrong-way.ts': {
    text: "import { readFileSync } from 'node:fs';\nimport { loadStack } from '../spec/load.js';\nexport const planted = [readFileSync, loadStack];\n",
    rules: ['plan-does-no-io', 'plan-imports-only-types-of-spec-and-targets'],
  },
  'src/engine/zz-planted-wrong-way.ts': {
    text: "import { createLocalTarget } from '../targets/local/local-target.js';\nexport const planted = createLocalTarget;\n",
    rules: ['engine-uses-interfaces'],
  },
  'src/engine/zz-planted-wrong-way-2.ts': {
    text: "import { RULES } from '../diagnose/rules/index.js';\nexport const planted = RULES;\n",
    rules: ['engine-uses-interfaces'],
  },
  // The server only reads: it never deploys (engine/deploy.ts), and nothing below the CLI starts it.
  'src/server/zz-planted-wrong-way.ts': {
    text: "import { runDeployment } from '../engine/deploy.js';\nexport const planted = runDeployment;\n",
    rules: ['server-only-reads'],
  },
  'src/engine/zz-planted-wrong-way-3.ts': {
    text: "import { replay } from '../server/views.js';\nexport const planted = replay;\n",
    rules: ['only-the-cli-imports-the-server'],
  },
  'src/core/zz-planted-wrong-way.ts': {
    text: "import type { Stack } from '../spec/types.js';\nexport type Planted = Stack;\n",
    rules: ['core-is-a-leaf'],
  },
  // spec → plan while plan → spec: one of the four cycles this rule removed.
  'src/spec/zz-planted-wrong-way.ts': {
    text: "import { computeWaves } from '../plan/graph.js';\nexport const planted = computeWaves;\n",
    rules: ['spec-imports-only-core', 'no-folder-cycle'],
  },
  // A target module that loads its implementation up front: plan, which imports the registry, would load it too.
  'src/targets/zz-planted-kind/index.ts': {
    text: "import { readFileSync } from 'node:fs';\nimport { createLocalTarget } from '../local/local-target.js';\nexport const planted = [readFileSync, createLocalTarget];\n",
    rules: ['target-modules-are-light', 'target-modules-load-no-package'],
  },
  'src/targets/zz-planted-cycle-a.ts': {
    text: "import { b } from './zz-planted-cycle-b.js';\nexport const a = (): number => b() + 1;\n",
    rules: ['no-circular'],
  },
  'src/targets/zz-planted-cycle-b.ts': {
    text: "import { a } from './zz-planted-cycle-a.js';\nexport const b = (): number => a() - 1;\n",
    rules: ['no-circular'],
  },
};

test('the source tree as committed keeps its layers', () => {
  const r = lintLayers();
  assert.deepEqual(
    r.violations.map((v) => `${v.rule}: ${v.from}`),
    [],
  );
  assert.equal(r.status, 0, r.output);
});

test('a planted wrong-way import fails the lint, naming the rule it breaks', (t) => {
  const planted = Object.keys(PLANTED).map((f) => join(ROOT, f));
  const plantedDir = join(ROOT, 'src/targets/zz-planted-kind');
  const removeAll = () => {
    planted.forEach((f) => rmSync(f, { force: true }));
    rmSync(plantedDir, { recursive: true, force: true });
  };
  // Removed however the test ends: the planted files must never stay in src/.
  process.once('exit', removeAll);
  t.after(removeAll);
  try {
    mkdirSync(plantedDir);
    for (const [file, { text }] of Object.entries(PLANTED))
      writeFileSync(join(ROOT, file), text, { flag: 'wx' });
    const r = lintLayers();
    assert.notEqual(r.status, 0, `the lint passed with wrong-way imports planted:\n${r.output}`);
    for (const [file, { rules }] of Object.entries(PLANTED)) {
      const caught = new Set(r.violations.filter((v) => v.from === file).map((v) => v.rule));
      // A cycle is reported once, from whichever of its members the checker met first.
      for (const rule of CYCLE_RULES) if (r.violations.some((v) => v.rule === rule)) caught.add(rule);
      for (const rule of rules)
        assert.ok(caught.has(rule), `${file} should break ${rule}; got ${[...caught]}`);
    }
    // Nothing but the planted files is reported.
    const strays = r.violations.filter((v) => !(v.from in PLANTED) && !CYCLE_RULES.includes(v.rule));
    assert.deepEqual(strays, []);
  } finally {
    removeAll();
  }
});
