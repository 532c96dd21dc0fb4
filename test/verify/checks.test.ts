import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadStack } from '../../src/spec/load.js';
import type { Service, Stack } from '../../src/spec/types.js';
import { emptyDefaults } from '../../src/verify/checks/env-defaults.js';
import { healthPort } from '../../src/verify/checks/ports.js';
import { CHECKS, formatResult, verifyFile, verifyStack } from '../../src/verify/index.js';
import { preflight } from '../../src/api/preflight.js';
import type { ConvoyEvent } from '../../src/engine/events.js';
import { describe as describeEvent } from '../../src/cli/render/describe.js';

const env = { PATH: process.env.PATH };

function stackFile(services: string, extra = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'convoy-verify-'));
  const file = join(dir, 'convoy.yaml');
  writeFileSync(file, `stack: v\n${extra}services:\n${services}`);
  return file;
}

const api = (local: string, health = `{ http: { url: 'http://127.0.0.1:8080/health' } }`) =>
  `  api:\n    local: ${local}\n    healthCheck: ${health}\n`;

async function failed(file: string, e: Record<string, string | undefined> = env) {
  return (await verifyFile(file, e)).filter((r) => !r.ok);
}

describe('verify checks', () => {
  it('each check has a unique id and says what a pass means', () => {
    const ids = CHECKS.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(!ids.includes('stack-file'));
    for (const c of CHECKS) assert.ok(c.passes.length > 10, c.id);
  });

  it('a clean stack passes every check, with one ok line per check', async () => {
    const r = await verifyFile(stackFile(api(`{ command: node, port: 8080, env: { PORT: 8080 } }`)), env);
    assert.deepEqual(
      r.filter((x) => !x.ok),
      [],
    );
    assert.deepEqual(
      r.map((x) => x.id),
      ['stack-file', ...CHECKS.filter((c) => !c.targets || c.targets.includes('local')).map((c) => c.id)],
    );
  });

  it('stack-file: reports the loader error with its location, and runs nothing else', async () => {
    const r = await verifyFile(stackFile(`  api:\n    local: { command: node, prot: 1 }\n`), env);
    assert.equal(r.length, 1);
    assert.equal(r[0]!.id, 'stack-file');
    assert.equal(r[0]!.location?.line, 4);
    assert.match(r[0]!.message, /local\.prot: unknown field \(did you mean "port"\?\)/);
    assert.ok(r[0]!.fix);
  });

  it('command: not on PATH, missing file, not executable', async () => {
    const [a] = await failed(stackFile(api(`{ command: no-such-program-here }`)));
    assert.equal(a?.id, 'command');
    assert.match(a!.message, /no-such-program-here is not on PATH/);
    assert.equal(a!.location?.line, 4);
    const file = stackFile(api(`{ command: ./run.sh }`));
    const [b] = await failed(file);
    assert.match(b!.message, /does not exist/);
    writeFileSync(join(file, '..', 'run.sh'), '#!/bin/sh\n');
    const [c] = await failed(file);
    assert.match(c!.message, /not executable/);
    chmodSync(join(file, '..', 'run.sh'), 0o755);
    assert.deepEqual(await failed(file), []);
  });

  it("command: a service's own PATH wins, as when the target starts it", async () => {
    const file = stackFile(api(`{ command: mytool, env: { PATH: './bin' } }`));
    mkdirSync(join(file, '..', 'bin'));
    writeFileSync(join(file, '..', 'bin', 'mytool'), '#!/bin/sh\n', { mode: 0o755 });
    assert.deepEqual(await failed(file), []);
  });

  it('cwd: must be an existing folder', async () => {
    const [r] = await failed(stackFile(api(`{ command: node, cwd: ./nope }`)));
    assert.equal(r?.id, 'cwd');
    assert.match(r!.fix ?? '', /create .*nope/);
  });

  it('env-defaults: an empty default leaves a required-looking setting empty', async () => {
    const file = stackFile(
      api(
        `{ command: node, env: { DB_URL: '\${CONVOY_T_DB:-}', DEBUG: '\${CONVOY_T_DEBUG:-}', TOKEN: { value: '\${CONVOY_T_TOK-}', secret: true } } }`,
      ),
    );
    const r = await failed(file);
    assert.deepEqual(
      r.map((x) => [x.id, x.message.match(/env (\w+)/)?.[1]]),
      [
        ['env-defaults', 'DB_URL'],
        ['env-defaults', 'TOKEN'],
      ],
    );
    assert.deepEqual(await failed(file, { ...env, CONVOY_T_DB: 'postgres://db', CONVOY_T_TOK: 'x' }), []);
  });

  it('env-defaults: which references count', () => {
    assert.deepEqual(
      emptyDefaults('${A:-}${B-}${C:-x}$${D:-}', { B: '' }).map((x) => x.name),
      ['A'],
    );
    assert.deepEqual(
      emptyDefaults('${A:-}', { A: '' }).map((x) => x.written),
      ['${A:-}'],
    );
  });

  it('ports: local.port against env PORT, and the health check against both', async () => {
    const [a, ...more] = await failed(stackFile(api(`{ command: node, port: 8080, env: { PORT: 8081 } }`)));
    assert.equal(a?.id, 'ports');
    assert.match(a!.message, /local\.port is 8080 but env PORT is 8081/);
    assert.equal(more.length, 0, 'the health check probes local.port, one of its ports: no second problem');
    const [b] = await failed(
      stackFile(api(`{ command: node, env: { PORT: 9000 } }`, `{ tcp: { port: 9001 } }`)),
    );
    assert.match(b!.message, /probes port 9001, but api listens on 9000/);
    const ok = stackFile(
      api(
        `{ command: node, env: { PORT: 9000, ADMIN_PORT: 9090 } }`,
        `{ http: { url: 'http://localhost:9090/health' } }`,
      ),
    );
    assert.deepEqual(await failed(ok), [], 'another *_PORT of the service is a fine target');
  });

  it('ports: which port a health check probes', () => {
    const hc = { interval: 1, timeout: 1, retries: 1, startPeriod: 0 };
    assert.equal(healthPort({ ...hc, http: { url: 'http://127.0.0.1/health' } })?.port, 80);
    assert.equal(healthPort({ ...hc, http: { url: 'https://localhost/health' } })?.port, 443);
    assert.equal(healthPort({ ...hc, http: { url: 'http://other-host:81/health' } }), undefined);
    assert.equal(
      healthPort({ ...hc, command: ['CMD-SHELL', 'curl -f http://localhost:3000/x || exit 1'] })?.port,
      3000,
    );
    assert.equal(healthPort({ ...hc, command: ['CMD', 'pg_isready'] }), undefined);
  });

  it('health-command: a program missing on this machine, and shell syntax in CMD', async () => {
    const [a] = await failed(
      stackFile(api(`{ command: node }`, `{ command: ['CMD-SHELL', 'no-such-probe --addr :1 || exit 1'] }`)),
    );
    assert.equal(a?.id, 'health-command');
    assert.match(a!.message, /runs no-such-probe, which is not on PATH/);
    const [b] = await failed(stackFile(api(`{ command: node }`, `{ command: ['CMD', 'node -e 1'] }`)));
    assert.match(b!.message, /"CMD" runs its first argument as one program name/);
    assert.match(b!.fix ?? '', /CMD-SHELL/);
    assert.deepEqual(
      await failed(stackFile(api(`{ command: node }`, `{ command: ['CMD', 'node', '-e', '1'] }`))),
      [],
    );
  });

  it('loopback-bind: a local service bound to 127.0.0.1 that another reaches by a DNS name', async () => {
    const file = stackFile(
      `  api:\n    local: { command: node, env: { BIND: 127.0.0.1 } }\n` +
        `  worker:\n    local: { command: node, env: { API_URL: 'http://api.internal:8080' } }\n`,
    );
    const [r] = await failed(file);
    assert.equal(r?.id, 'loopback-bind');
    assert.match(r!.message, /api listens on 127\.0\.0\.1 only .* worker reaches it at api\.internal:8080/);
    assert.equal(r!.location?.line, 4);
  });

  it('depends-on: a service that names another in its settings but does not wait for it is a warning', async () => {
    const file = stackFile(
      `  kafka:\n    local: { command: node, port: 7102, env: { PORT: 7102 } }\n` +
        `  db:\n    local: { command: node, port: 5432 }\n` +
        `  worker:\n    dependsOn: [kafka]\n    local:\n      command: node\n` +
        `      env: { REQUIRES: 'kafka=127.0.0.1:7102', DB_URL: 'postgres://127.0.0.1:5432/app', TOKEN: { value: 'http://db:1', secret: true } }\n` +
        `  consumer:\n    local: { command: node, env: { BROKER: 'kafka=127.0.0.1:7102' } }\n` +
        `  sender:\n    dependsOn: [worker]\n    local: { command: node, env: { BROKER: 'http://kafka:7102' } }\n` +
        `  relay:\n    local:\n      command: node\n      args: [relay.js, --bind, '127.0.0.1:5432', --broker, 'kafka:7102']\n`,
    );
    const r = await verifyFile(file, env);
    assert.deepEqual(await failed(file), [], 'a warning fails nothing');
    const w = r.filter((x) => x.warning);
    assert.ok(w.every((x) => x.ok && x.id === 'depends-on'));
    // worker waits for kafka but not for db (named by its port); consumer waits for nothing; sender waits for kafka
    // through worker; the secret's value is never read; relay's arguments name kafka, while the address it binds to
    // (db's port, as it happens) is where it listens, not what it reaches.
    assert.deepEqual(
      w.map((x) => x.message.split(' but ')[0]),
      [
        'worker reaches db at 127.0.0.1:5432 (env DB_URL)',
        'consumer reaches kafka at 127.0.0.1:7102 (env BROKER)',
        'relay reaches kafka at kafka:7102 (args[4])',
      ],
    );
    assert.equal(w[2]!.location?.line, 20);
    assert.match(
      w[0]!.fix!,
      /add db to the dependsOn of worker \(`dependsOn: \{ db: \{ condition: healthy \} \}`\)/,
    );
    assert.equal(w[0]!.location?.line, 11);
    assert.match(
      formatResult(w[1]!),
      /^⚠ depends-on +.*convoy\.yaml:\d+:\d+: consumer reaches kafka.*\n +fix: add kafka/,
    );
  });

  it('depends-on: a deployment passes its pre-flight and says the warning on its event', async () => {
    const stack = loadStack(
      stackFile(
        `  kafka:\n    local: { command: node, port: 7102, env: { PORT: 7102 } }\n` +
          `  consumer:\n    local: { command: node, env: { BROKER: 'kafka=127.0.0.1:7102' } }\n`,
      ),
      { env },
    );
    const events: ConvoyEvent[] = [];
    await preflight(stack, env, (e) => void events.push(e as ConvoyEvent));
    const passed = events.find((e) => e.code === 'preflight.passed') as Extract<
      ConvoyEvent,
      { code: 'preflight.passed' }
    >;
    assert.deepEqual(
      passed.warnings?.map((x) => x.id),
      ['depends-on'],
    );
    assert.match(
      describeEvent(passed),
      /^pre-flight checks passed \(\d+\); warning: depends-on: consumer reaches kafka/,
    );
  });

  it('a check that throws is reported as failed, not passed', async () => {
    const stack = loadStack(stackFile(api(`{ command: node }`)), { env });
    const r = await verifyStack(stack, env, [
      { id: 'boom', passes: 'never', run: () => Promise.reject(new Error('kaput')) },
      { id: 'aws-only', passes: 'skipped on local', targets: ['aws'], run: () => [] },
    ]);
    assert.deepEqual(
      r.map((x) => [x.id, x.ok]),
      [['boom', false]],
    );
    assert.match(r[0]!.message, /kaput/);
  });
});

describe('verify checks on ECS task definitions', () => {
  const awsStack = (services: Partial<Service>[]): Stack =>
    ({
      name: 'v',
      file: 'convoy.yaml',
      dir: tmpdir(),
      target: 'aws',
      services: services.map((s) => ({ kind: 'service', dependsOn: [], ...s })),
      locate: (path: readonly (string | number)[]) => ({
        file: 'convoy.yaml',
        line: 1,
        column: 1,
        field: path.join('.'),
      }),
    }) as unknown as Stack;
  // The aws-only checks ask AWS APIs; they have their own tests against the emulator (aws-checks-*.test.ts).
  const offline = CHECKS.filter((c) => !c.targets);
  const td = (c: Record<string, unknown>) => ({
    taskDefinitionFile: 'td.json',
    taskDefinition: { containerDefinitions: [c] },
  });

  it('health-command: curl in an alpine image', async () => {
    const stack = awsStack([
      {
        name: 'api',
        aws: td({
          name: 'app',
          image: 'node:20-alpine',
          healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost:3000/ || exit 1'] },
        }),
      },
    ]);
    const r = (await verifyStack(stack, env, offline)).filter((x) => !x.ok);
    assert.deepEqual(
      r.map((x) => x.id),
      ['health-command'],
    );
    assert.match(r[0]!.message, /container app: the health check runs curl/);
    assert.match(r[0]!.fix ?? '', /busybox wget/);
    assert.equal(r[0]!.location?.field, 'services.api.aws.taskDefinition');
  });

  it('loopback-bind: any other task reaching a loopback-bound one, and a load balancer', async () => {
    const stack = awsStack([
      {
        name: 'api',
        aws: {
          ...td({ name: 'app', image: 'x', environment: [{ name: 'HOST', value: '127.0.0.1' }] }),
          serviceDefinition: { loadBalancers: [{ targetGroupArn: 'arn:tg', containerPort: 8080 }] },
        },
      },
      {
        name: 'web',
        aws: td({
          name: 'web',
          image: 'x',
          environment: [{ name: 'API_URL', value: 'http://api.local:8080' }],
        }),
      },
    ]);
    const r = (await verifyStack(stack, env, offline)).filter((x) => !x.ok);
    assert.deepEqual(
      r.map((x) => x.id),
      ['loopback-bind', 'loopback-bind'],
    );
    assert.match(r[0]!.message, /a load balancer must reach it: on ECS every task has its own address/);
    assert.match(r[1]!.message, /web reaches it at api\.local:8080/);
  });

  it('depends-on: by service name, and by a Service Connect name', async () => {
    const stack = awsStack([
      {
        name: 'database',
        aws: {
          ...td({ name: 'pg', image: 'postgres' }),
          serviceDefinition: {
            serviceConnectConfiguration: {
              services: [{ clientAliases: [{ port: 5432, dnsName: 'db.internal' }] }],
            },
          },
        },
      },
      {
        name: 'api',
        aws: td({ name: 'api', image: 'x', environment: [{ name: 'DB', value: 'db.internal:5432' }] }),
      },
      {
        name: 'web',
        aws: td({ name: 'web', image: 'x', environment: [{ name: 'API_URL', value: 'http://api:8080' }] }),
      },
      {
        name: 'worker',
        aws: td({
          name: 'worker',
          image: 'x',
          command: ['celery', '-A', 'app', 'worker', '--web=redis://db.internal:5432'],
        }),
      },
    ]);
    // `--web=` is a flag, not a label naming the service web.
    const w = (await verifyStack(stack, env, offline)).filter((x) => x.warning);
    assert.deepEqual(
      w.map((x) => x.message.split(' but ')[0]),
      [
        'api reaches database at db.internal:5432 (env DB)',
        'web reaches api at api:8080 (env API_URL)',
        'worker reaches database at db.internal:5432 (command[4])',
      ],
    );
    assert.equal(w[0]!.location?.field, 'services.api.aws.taskDefinition');
  });
});
