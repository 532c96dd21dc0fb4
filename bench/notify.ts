import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GitHubStandIn, SlackStandIn, WebhookReceiver } from '../test/notify/receivers.js';
import { freePort } from '../test/ports.js';
import { median, round } from './common.js';
import { printTable, SHORT, writeResult } from './report.js';

/**
 * Issue 14: "the deployment's outcome and its duration (within 5 %) are the same as with no channels at all". The
 * same small local stack (two services of the example server, one after the other, each booting for a second) is
 * deployed N times with no channels and N times with four channels whose receivers misbehave: 500s, 429s with
 * Retry-After, a Slack channel that is permanently `channel_not_found`, and every receiver down for 2 s in the
 * middle. Runs alternate, so the machine's noise falls on both. Wall-clock, real processes (the built CLI), real HTTP
 * receivers on 127.0.0.1 (the tests' stand-ins). The deployment's duration is its own `elapsedMs` (lock to outcome);
 * the command's is spawn to exit, which also holds the notification grace after the deployment ended (at most 3 s).
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'dist/src/cli/main.js');
const SERVER = join(ROOT, 'examples/server/service.mjs');
const RUNS = SHORT ? 1 : 10;
const TOKEN = 'xoxb-bench-token';
const SECRET = 'whsec_' + Buffer.from('bench-signing-key-0123456789').toString('base64');
const SHA = '0123456789abcdef0123456789abcdef01234567';

const CHANNELS = [
  'notify:',
  '  hook:',
  '    webhook: { url: "${HOOK_URL}", secret: "${HOOK_SECRET}" }',
  '  team:',
  '    slack: { token: "${SLACK_TOKEN}", channel: "#deploys", apiUrl: "${SLACK_URL}/api/" }',
  '  gone:',
  '    slack: { token: "${SLACK_TOKEN}", channel: "#archived", apiUrl: "${SLACK_URL}/api/" }',
  '  gh:',
  '    github: { token: "${GH_TOKEN}", repository: acme/shop, environment: bench, apiUrl: "${GH_URL}" }',
];

async function stack(name: string, channels: boolean): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'convoy-bench-notify-'));
  const service = (svc: string, port: number, dependsOn?: string) =>
    [
      `  ${svc}:`,
      ...(dependsOn ? [`    dependsOn: [${dependsOn}]`] : []),
      `    local: { command: node, args: [${JSON.stringify(SERVER)}], port: ${port}, env: { PORT: "${port}", STARTUP_DELAY: "1000" } }`,
      `    healthCheck: { http: { url: "http://127.0.0.1:${port}/health" }, interval: 250ms, timeout: 1s, retries: 3, startPeriod: 5s }`,
    ].join('\n');
  const yaml = [
    `stack: ${name}`,
    ...(channels ? CHANNELS : []),
    'services:',
    service('api', await freePort()),
    service('web', await freePort(), 'api'),
  ];
  writeFileSync(join(dir, 'convoy.yaml'), yaml.join('\n') + '\n');
  return dir;
}

interface Run {
  code: number | null;
  stdout: string;
  wallMs: number;
}

function convoy(args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...process.env, CI: 'true', CONVOY_NOTIFY_GRACE_MS: '3000', ...env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  return new Promise((res) =>
    child.on('close', (code) => res({ code, stdout, wallMs: performance.now() - t0 })),
  );
}

/** The deployment's milestones and its own duration, from `--json`. */
function read(r: Run): { milestones: string[]; elapsedMs: number } {
  const events = r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { code: string; service?: string; elapsedMs?: number });
  const end = events.find((e) => e.code.startsWith('deploy.') && e.code !== 'deploy.started');
  return {
    milestones: events
      .filter((e) => /^deploy\.|^service\.(starting|ready|failed)$/.test(e.code))
      .map((e) => `${e.code} ${e.service ?? ''}`.trim()),
    elapsedMs: end?.elapsedMs ?? NaN,
  };
}

interface Sample {
  channels: boolean;
  code: number | null;
  elapsedMs: number;
  wallMs: number;
  milestones: string[];
}

export async function runNotifyBench(): Promise<void> {
  const hook = await new WebhookReceiver(SECRET).listen();
  const slack = await new SlackStandIn(TOKEN, { '#deploys': 'C0DEPLOYS' }).listen();
  const gh = await new GitHubStandIn(TOKEN, 'acme/shop').listen();
  const env = {
    HOOK_URL: `${hook.url}/hooks/convoy`,
    HOOK_SECRET: SECRET,
    SLACK_TOKEN: TOKEN,
    SLACK_URL: slack.url,
    GH_TOKEN: TOKEN,
    GH_URL: gh.url,
    GITHUB_SHA: SHA,
  };
  const id = `${process.pid}`;
  const quiet = await stack(`benchquiet-${id}`, false);
  const noisy = await stack(`benchnoisy-${id}`, true);
  const samples: Sample[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const channels of [false, true]) {
        const dir = channels ? noisy : quiet;
        let outage: NodeJS.Timeout | undefined;
        if (channels) {
          hook.faults.push({ status: 500 }, { status: 429, retryAfterS: 1 }, { status: 500 });
          slack.faults.push({ status: 500 }, { status: 429, retryAfterS: 1 });
          gh.faults.push({ status: 500 }, { status: 429, retryAfterS: 1 });
          // In the middle of the deployment (api is booting), every receiver goes down for 2 s.
          outage = setTimeout(() => {
            for (const r of [hook, slack, gh]) r.downFor(2000);
          }, 1500);
        }
        const r = await convoy(['deploy', '--json'], dir, env);
        clearTimeout(outage);
        const { milestones, elapsedMs } = read(r);
        samples.push({ channels, code: r.code, elapsedMs, wallMs: r.wallMs, milestones });
        // Untimed: what the grace left is sent, and the stack goes down, so every run starts alike.
        for (const rec of [hook, slack, gh]) rec.downFor(0);
        hook.faults.length = slack.faults.length = gh.faults.length = 0;
        if (channels) await convoy(['notify', 'flush', '--timeout', '30s'], dir, env);
        await convoy(['down'], dir, env);
      }
    }
  } finally {
    await Promise.all([hook.close(), slack.close(), gh.close()]);
    for (const d of [quiet, noisy]) rmSync(d, { recursive: true, force: true });
  }

  const side = (channels: boolean) => {
    const s = samples.filter((x) => x.channels === channels);
    return {
      runs: s.length,
      exitCodes: [...new Set(s.map((x) => x.code))],
      deploymentMs: { median: round(median(s.map((x) => x.elapsedMs)), 0), all: s.map((x) => x.elapsedMs) },
      commandMs: { median: round(median(s.map((x) => x.wallMs)), 0), all: s.map((x) => round(x.wallMs, 0)) },
    };
  };
  const none = side(false);
  const misbehaving = side(true);
  const reference = samples.find((x) => !x.channels)?.milestones ?? [];
  const sameOutcome =
    samples.every((x) => x.code === 0) &&
    samples.every((x) => JSON.stringify(x.milestones) === JSON.stringify(reference));
  const ratio = round(misbehaving.deploymentMs.median / none.deploymentMs.median, 3);
  const commandRatio = round(misbehaving.commandMs.median / none.commandMs.median, 3);
  const delivered = { webhook: hook.accepted.length, slackMessages: slack.messages.length };
  const file = await writeResult('notify', {
    target: 1.05,
    runs: RUNS,
    noChannels: none,
    misbehavingReceivers: misbehaving,
    deploymentRatio: ratio,
    commandRatio,
    sameOutcome,
    delivered,
  });
  process.stdout.write(
    `\nDeploying with misbehaving notification receivers vs no channels (${file}${SHORT ? '; short mode' : ''})\n`,
  );
  printTable([
    ['channels', 'runs', 'deployment (median)', 'command (median)', 'exit codes'],
    [
      'none',
      none.runs,
      `${none.deploymentMs.median} ms`,
      `${none.commandMs.median} ms`,
      none.exitCodes.join(','),
    ],
    [
      '4, misbehaving',
      misbehaving.runs,
      `${misbehaving.deploymentMs.median} ms (${ratio}×)`,
      `${misbehaving.commandMs.median} ms (${commandRatio}×)`,
      misbehaving.exitCodes.join(','),
    ],
  ]);
  process.stdout.write(`same outcome and milestones in every run: ${sameOutcome ? 'yes' : 'NO'}\n`);
}
