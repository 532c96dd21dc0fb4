import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openChannel } from '../../src/notify/channels.js';
import type { NotifyChannel } from '../../src/spec/notify.js';
import type { DeploymentRecord, StoredEvent } from '../../src/store/store.js';
import { SlackStandIn, type SlackMessage } from './receivers.js';

/**
 * The README's Slack example, rendered by the real Slack channel (the same code `convoy deploy` sends with) through
 * the real Web API client to the Slack stand-in, from scripted events of three deployments of stack `shop`. The test
 * beside it (slack-example.test.ts) fails when the README differs; `node dist/test/notify/slack-example.js --write`
 * puts the fresh text between the markers.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const README = join(ROOT, 'README.md');
export const START = '<!-- slack-example:start -->';
export const END = '<!-- slack-example:end -->';

const TOKEN = 'xoxb-readme';

type Step = [code: string, data: Record<string, unknown>];

const started = (correlationId: string, waves: string[][]): Step => [
  'deploy.started',
  { kind: 'deploy', correlationId, actor: 'ana', waves, changes: [] },
];
const starting = (service: string, wave: number): Step => [
  'service.starting',
  { service, wave, revision: 'r', gate: 'healthy' },
];
const ready = (service: string, elapsedMs: number, revision: string): Step => [
  'service.ready',
  { service, gate: 'healthy', elapsedMs, revision },
];

const DEPLOYMENTS: { title: string; steps: Step[] }[] = [
  {
    title: 'A deployment that succeeded',
    steps: [
      started('gh-9912-1', [['db'], ['api'], ['web']]),
      starting('db', 0),
      ready('db', 6100, '9f2c41d0a1b2'),
      starting('api', 1),
      ready('api', 12400, '4be07731c9d0'),
      starting('web', 2),
      ready('web', 9800, 'a1c3e5f70b2d'),
      ['deploy.succeeded', { elapsedMs: 41200, changed: 3, unchanged: 0 }],
    ],
  },
  {
    title: 'one that failed and was rolled back',
    steps: [
      started('gh-9913-1', [['db'], ['api']]),
      starting('db', 0),
      ready('db', 6000, '9f2c41d0a1b2'),
      starting('api', 1),
      [
        'service.failed',
        {
          service: 'api',
          revision: '77d0e1f2a3b4',
          elapsedMs: 30100,
          reason: 'unhealthy',
          message: 'GET /health answered 503',
        },
      ],
      ['rollback.started', { services: ['api'], scope: 'failed' }],
      ['service.rolled-back', { service: 'api', to: '4be07731c9d0', elapsedMs: 2100 }],
      [
        'deploy.failed',
        { elapsedMs: 38000, service: 'api', message: 'GET /health answered 503', rolledBack: ['api'] },
      ],
    ],
  },
  {
    title: 'and one whose rollback failed (the `mention` is paged)',
    steps: [
      started('gh-9914-1', [['api']]),
      starting('api', 0),
      [
        'service.failed',
        {
          service: 'api',
          revision: '77d0e1f2a3b4',
          elapsedMs: 30000,
          reason: 'exited',
          message: 'exit code 1',
        },
      ],
      ['rollback.started', { services: ['api'], scope: 'failed' }],
      ['service.rollback-failed', { service: 'api', to: '4be07731c9d0', message: 'port 8080 is taken' }],
      [
        'deploy.rollback-failed',
        { elapsedMs: 45000, services: ['api'], message: 'api could not be put back: port 8080 is taken' },
      ],
    ],
  },
];

function transcript(parent: SlackMessage, replies: SlackMessage[]): string {
  const lines = [parent.text];
  // What it read before, in turn; the correlation id and links, the same all along, are shown once.
  const tail = parent.text.slice(parent.text.indexOf(' · correlation'));
  const before = [parent.posted, ...parent.edits].slice(0, -1);
  const short = (t: string) => (t.endsWith(tail) ? `${t.slice(0, -tail.length)} · …` : t);
  if (before.length)
    lines.push(`  (edited in place; it read, in turn:`, ...before.map((t) => `     ${short(t)}`), '  )');
  for (const r of replies) lines.push(`  └ ${r.text}${r.broadcast ? '   ← also shown in the channel' : ''}`);
  return lines.join('\n');
}

/** The README block: each deployment's parent (as it ends, with what it read before) and its thread. */
export async function renderSlackExample(): Promise<string> {
  const slack = await new SlackStandIn(TOKEN, { '#deploys': 'C0DEPLOYS' }).listen();
  try {
    const spec = {
      name: 'team',
      slack: {
        token: TOKEN,
        channel: '#deploys',
        apiUrl: `${slack.url}/api/`,
        mention: '<!subteam^S0123ABC>',
      },
      links: { console: 'https://console.example.com/ecs/shop', dashboard: 'https://convoy.example.com/' },
      timeout: 5000,
      attempts: 1,
      maxAge: 86_400_000,
      secrets: [TOKEN],
    } as NotifyChannel;
    // Each deployment ran in its own GitHub Actions run: the CI link comes from what the deployment recorded.
    const record = (id: string) =>
      ({
        context: { GITHUB_REPOSITORY: 'acme/shop', GITHUB_RUN_ID: String(9912 + Number(id.slice(1))) },
      }) as unknown as DeploymentRecord;
    const channel = openChannel(spec, async (id) => record(id));
    const state = {};
    let seq = 0;
    const blocks: string[] = [];
    for (const [i, d] of DEPLOYMENTS.entries()) {
      for (const [code, data] of d.steps) {
        const e: StoredEvent = { stack: 'shop', seq: ++seq, deploymentId: `d${i}`, at: 0, code, data };
        if (!channel.wants(e)) continue;
        await channel.send(e, { state, superseded: false, signal: new AbortController().signal });
      }
      const parent = slack.parents('C0DEPLOYS')[i]!;
      blocks.push(`${d.title}:\n\n\`\`\`\n${transcript(parent, slack.replies(parent))}\n\`\`\``);
    }
    return blocks.join('\n\n');
  } finally {
    await slack.close();
  }
}

/** The README with the example between the markers. */
export function withExample(readme: string, example: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END} markers`);
  return `${readme.slice(0, a + START.length)}\n\n${example}\n\n${readme.slice(b)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--write')) {
  writeFileSync(README, withExample(readFileSync(README, 'utf8'), await renderSlackExample()));
  process.stdout.write(`wrote the Slack example into ${README}\n`);
}
