process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { runDeployBench } from './deploy.js';
import { runDetectBench } from './detect.js';
import { runDiagnoseBench } from './diagnose.js';
import { runEstimateBench } from './estimate.js';
import { runLockBench } from './lock.js';
import { runNotifyBench } from './notify.js';
import { runApiBench, runCostBench, runScaleBench } from './scale.js';

/** `npm run bench`: every benchmark, results in bench/results/*.json and a table each on stdout. */
const benches: [string, (flags: readonly string[]) => Promise<void>][] = [
  ['lock', runLockBench],
  ['detect', runDetectBench],
  ['deploy', runDeployBench],
  ['api', runApiBench],
  ['cost', runCostBench],
  ['scale', runScaleBench],
  ['diagnose', runDiagnoseBench],
  ['estimate', runEstimateBench],
  ['notify', runNotifyBench],
];

// `--flag` arguments go to the benchmarks named (e.g. `npm run bench diagnose -- --cv`).
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const unknown = only.filter((n) => !benches.some(([name]) => name === n));
if (unknown.length)
  throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${benches.map(([n]) => n).join(', ')}`);
const t0 = performance.now();
for (const [name, run] of benches) {
  if (only.length && !only.includes(name)) continue;
  await run(flags);
}
process.stdout.write(`\nbenchmarks done in ${Math.round((performance.now() - t0) / 1000)} s\n`);
