import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { paginateScan } from '@aws-sdk/client-dynamodb';
import { dummyClient } from '../store/dynamo-servers.js';
import {
  backendEnvironment,
  cli,
  describeEachBackend,
  events,
  freePort,
  SERVER,
  tempDir,
  uniqueSuffix,
  writeStack,
} from './helpers.js';

/*
 * Issue 14, item 4 (no secret at rest in the state store) and item 3 (redacted in one place): secrets planted in an
 * env value, a webhook URL and a webhook signing secret reach the services and the receiver, and appear nowhere
 * Convoy writes or shows, after a deploy and a rollback that needed the env secret again.
 */

const planted = (what: string) => `${what}-${randomBytes(12).toString('hex')}`;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A health check that passes only when the service answers and the probe was given the secret hashing to `hash`. */
const CHECK = `import { createHash } from 'node:crypto';
const [port, hash] = process.argv.slice(2);
if (createHash('sha256').update(process.env.API_TOKEN ?? '').digest('hex') !== hash) {
  console.log('API_TOKEN is not the secret this revision was deployed with');
  process.exit(1);
}
const r = await fetch('http://127.0.0.1:' + port + '/health').catch(() => undefined);
process.exit(r?.ok ? 0 : 1);
`;

interface Revision {
  /** The variable API_TOKEN comes from. */
  variable: string;
  version: string;
  /** The secret the health check expects, or undefined for a check that fails quoting API_TOKEN (exit 127). */
  expect?: string;
}

function stackFile(dir: string, name: string, port: number, rev: Revision, hook?: number): void {
  const health = rev.expect
    ? `{ command: [CMD, node, check.mjs, '${port}', '${sha256(rev.expect)}'], interval: 400ms, timeout: 3s, retries: 3, startPeriod: 10s }`
    : `{ command: [CMD-SHELL, 'echo "token $API_TOKEN rejected"; exit 127'], interval: 400ms, retries: 2 }`;
  writeStack(
    dir,
    [
      `stack: ${name}`,
      ...(hook
        ? [
            'notify:',
            '  hook:',
            `    webhook: { url: 'http://127.0.0.1:${hook}/hook/\${HOOK_PATH_SECRET}', secret: '\${HOOK_SIGNING_SECRET}' }`,
          ]
        : []),
      'services:',
      '  api:',
      '    local:',
      '      command: node',
      `      args: [${JSON.stringify(SERVER)}]`,
      `      port: ${port}`,
      '      env:',
      `        PORT: '${port}'`,
      `        VERSION: '${rev.version}'`,
      `        API_TOKEN: { value: '\${${rev.variable}}', secret: true }`,
      `    healthCheck: ${health}`,
    ].join('\n'),
  );
}

/** Every file under `dir`, with its path. */
function files(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isFile())
    .map((path) => ({ path, bytes: readFileSync(path) }));
}

/** Every item of the DynamoDB store's table, as text; '' on the sqlite backend. */
async function tableScan(): Promise<string> {
  const env = backendEnvironment();
  if (!env.CONVOY_STORE_TABLE) return '';
  const client = dummyClient(env.CONVOY_STORE_ENDPOINT!);
  const items: unknown[] = [];
  try {
    for await (const page of paginateScan({ client }, { TableName: env.CONVOY_STORE_TABLE }))
      items.push(...(page.Items ?? []));
  } finally {
    client.destroy();
  }
  assert.ok(items.length > 0, 'the table holds the stack');
  return JSON.stringify(items);
}

const mode = (p: string) => statSync(p).mode & 0o777;

describeEachBackend('secrets are kept as where they come from, and shown nowhere', () => {
  const dirs: string[] = [];
  const bodies: string[] = [];
  let receiver: Server;
  let hookPort = 0;
  before(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        bodies.push(JSON.stringify(req.headers) + body);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    hookPort = (receiver.address() as { port: number }).port;
  });
  after(async () => {
    for (const d of dirs) await cli(['down'], { cwd: d });
    await new Promise((r) => receiver.close(r));
  });

  function newStack(): { dir: string; name: string } {
    const dir = tempDir();
    dirs.push(dir);
    writeFileSync(join(dir, 'check.mjs'), CHECK);
    return { dir, name: `secrets-${uniqueSuffix()}` };
  }

  it('a deploy and a rollback that resolves the secret again leave it nowhere', async () => {
    const { dir, name } = newStack();
    const port = await freePort();
    const secret = planted('env');
    const hookPath = planted('hookpath');
    const signing = planted('signing');
    const env = { API_TOKEN: secret, HOOK_PATH_SECRET: hookPath, HOOK_SIGNING_SECRET: signing };
    const shown: string[] = [];

    stackFile(dir, name, port, { variable: 'API_TOKEN', version: '1', expect: secret }, hookPort);
    const first = await cli(['deploy', '--json'], { cwd: dir, env });
    assert.equal(first.code, 0, first.stderr);
    shown.push(first.stdout, first.stderr);
    const good = events(first.stdout).find((e) => e.code === 'service.ready')?.revision;

    // The broken change quotes the secret in its health check's output; rolling back needs the secret again.
    stackFile(dir, name, port, { variable: 'API_TOKEN', version: '2' }, hookPort);
    const log = join(dir, 'deploy.log');
    const capture = join(dir, 'capture.json');
    const broken = await cli(['deploy', '--json', '--log-file', log, '--capture', capture], {
      cwd: dir,
      env,
    });
    assert.equal(broken.code, 1, broken.stderr);
    shown.push(broken.stdout, broken.stderr);
    const evs = events(broken.stdout);
    const failed = evs.find((e) => e.code === 'service.failed');
    assert.match(String(failed?.output), /token \*\*\* rejected/, 'the secret was there to mask');
    assert.ok(evs.some((e) => e.code === 'service.rolled-back' && e.service === 'api'));

    const st = await cli(['status', '--json'], { cwd: dir, env });
    const api = (JSON.parse(st.stdout) as { name: string; health: string; revision: string }[])[0];
    assert.equal(api?.revision, good);
    assert.equal(api?.health, 'healthy', 'the earlier revision runs with its secret resolved again');

    for (const args of [
      ['history', '--json'],
      ['events', '--json'],
      ['history', 'export'],
    ]) {
      const r = await cli(args, { cwd: dir, env });
      assert.equal(r.code, 0, r.stderr);
      shown.push(r.stdout, r.stderr);
    }
    assert.match(shown.join('\n'), /\*\*\*/);
    assert.ok(bodies.length > 0, 'the webhook received the events');

    const store = await tableScan();
    const everything = [
      ...files(dir).map((f) => ({ where: f.path, text: f.bytes.toString('latin1') })),
      ...shown.map((text, i) => ({ where: `CLI output ${i}`, text })),
      ...bodies.map((text, i) => ({ where: `webhook delivery ${i}`, text })),
      { where: 'DynamoDB table scan', text: store },
    ];
    for (const s of [secret, hookPath, signing])
      for (const { where, text } of everything)
        assert.ok(!text.includes(s), `${where} holds a planted secret: …${around(text, s)}…`);
    // What the store keeps instead: where the secret comes from.
    const db = backendEnvironment().CONVOY_STORE_TABLE
      ? store
      : readFileSync(join(dir, '.convoy/state.db'), 'latin1') + readWal(dir);
    assert.ok(db.includes('${API_TOKEN}'), 'the revision keeps ${API_TOKEN}');
    assert.ok(readFileSync(log, 'utf8').length > 0);
    assert.ok(readFileSync(capture, 'utf8').includes('***'));

    const root = join(dir, '.convoy');
    assert.equal(mode(root), 0o700);
    assert.equal(mode(join(root, 'stacks', name, 'services', 'api.json')), 0o600);
    assert.equal(mode(join(root, 'stacks', name, 'logs', 'api.log')), 0o600);
    if (!backendEnvironment().CONVOY_STORE_TABLE) assert.equal(mode(join(root, 'state.db')), 0o600);
  });

  it('a rollback whose secret source is gone says which, and starts nothing', async () => {
    const { dir, name } = newStack();
    const port = await freePort();
    const old = planted('old');
    const current = planted('current');
    const v1: Revision = { variable: 'OLD_TOKEN', version: '1', expect: old };
    const v2: Revision = { variable: 'NEW_TOKEN', version: '2', expect: current };

    stackFile(dir, name, port, v1);
    assert.equal((await cli(['deploy'], { cwd: dir, env: { OLD_TOKEN: old } })).code, 0);
    stackFile(dir, name, port, v2);
    assert.equal((await cli(['deploy'], { cwd: dir, env: { NEW_TOKEN: current } })).code, 0);

    // Going back to v1 needs OLD_TOKEN: invalid input (3), before anything is stopped or recorded.
    const refused = await cli(['rollback', 'api'], { cwd: dir, env: { NEW_TOKEN: current } });
    assert.equal(refused.code, 3, refused.stderr);
    assert.match(refused.stderr, /service api needs the secret API_TOKEN from \$\{OLD_TOKEN\}/);
    assert.match(refused.stderr, /OLD_TOKEN is not set/);
    const history = JSON.parse((await cli(['history', '--json'], { cwd: dir })).stdout) as { kind: string }[];
    assert.equal(history.filter((h) => h.kind === 'rollback').length, 0);

    // A broken v3 whose automatic rollback to v2 lacks NEW_TOKEN: the rollback fails (4) and says why.
    stackFile(dir, name, port, { variable: 'NEWER_TOKEN', version: '3' });
    const stuck = await cli(['deploy', '--json'], { cwd: dir, env: { NEWER_TOKEN: planted('newer') } });
    assert.equal(stuck.code, 4, stuck.stderr);
    const rbFailed = events(stuck.stdout).find((e) => e.code === 'service.rollback-failed');
    assert.match(
      String(rbFailed?.message),
      /API_TOKEN from \$\{NEW_TOKEN\} \(variable NEW_TOKEN is not set\)/,
    );
    const starts = readFileSync(join(dir, '.convoy/stacks', name, 'logs/api.log'), 'utf8').match(
      /^--- convoy: api revision \w+ started/gm,
    );
    assert.equal(starts?.length, 3, 'v1, v2 and v3 started once each: v2 was not started without its secret');

    // Given the variables, the same rollback goes through: v1 runs with its secret (its check compares the hash).
    const back = await cli(['rollback', 'api'], {
      cwd: dir,
      env: { OLD_TOKEN: old, NEW_TOKEN: current, NEWER_TOKEN: 'x' },
    });
    assert.equal(back.code, 0, back.stderr);
  });
});

function readWal(dir: string): string {
  try {
    return readFileSync(join(dir, '.convoy/state.db-wal'), 'latin1');
  } catch {
    return '';
  }
}

/** The text around the first `s` in `text`, for a failure message. */
function around(text: string, s: string): string {
  const i = text.indexOf(s);
  return text.slice(Math.max(0, i - 300), i + s.length + 100);
}
