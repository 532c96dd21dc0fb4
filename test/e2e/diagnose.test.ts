import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cli, copyExample, events, freePort, ROOT, serviceYaml, tempDir, writeStack } from './helpers.js';
import { SHARED_MISSING, sharedDir } from '../shared.js';

const KEYS = ['category', 'cause', 'fix', 'evidence', 'confidence'];

describe('diagnose: the broken alerting example, end to end', { concurrency: false }, () => {
  let dir = '';
  before(async () => {
    ({ dir } = await copyExample('alerting-platform'));
    const r = await cli(['deploy'], { cwd: dir });
    assert.equal(r.code, 0, r.stdout + r.stderr);
  });
  after(async () => {
    await cli(['down'], { cwd: dir });
  });

  let eventFindings: Record<string, unknown>[] = [];

  it('the service.failed event carries the findings, best first: config-env naming RULES_URL', async () => {
    const r = await cli(['-f', 'convoy.broken.yaml', 'deploy', '--json', '--capture', 'cap.json'], {
      cwd: dir,
    });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const failed = events(r.stdout).find((e) => e.code === 'service.failed')!;
    eventFindings = failed.findings as Record<string, unknown>[];
    assert.ok(eventFindings.length >= 1 && eventFindings.length <= 3);
    for (const f of eventFindings) assert.deepEqual(Object.keys(f), KEYS);
    assert.equal(eventFindings[0]!.category, 'config-env');
    assert.match(String(eventFindings[0]!.cause), /RULES_URL/);
    assert.match(r.stderr, /wrote the capture of evaluator to cap\.json/);
  });

  it('--capture wrote a capture that `diagnose --input` replays to the same findings', async () => {
    const capture = JSON.parse(readFileSync(join(dir, 'cap.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(capture.service, 'evaluator');
    assert.match(JSON.stringify(capture.local), /RULES_URL not set/);
    const r = await cli(['diagnose', '--input', join(dir, 'cap.json'), '--json'], { cwd: tempDir() });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { findings: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(out), ['findings']);
    assert.deepEqual(out.findings.slice(0, 3), eventFindings);
  });

  it('the failure report names the likely cause and the fix', async () => {
    const r = await cli(['-f', 'convoy.broken.yaml', 'deploy'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /likely cause: \[config-env\] evaluator .*RULES_URL/);
    assert.match(r.stderr, /\n {2}fix: +.*RULES_URL/);
  });

  it('`diagnose SERVICE` after the rollback still explains the failed run', async () => {
    const j = await cli(['-f', 'convoy.broken.yaml', 'diagnose', 'evaluator', '--json'], { cwd: dir });
    assert.equal(j.code, 0, j.stderr);
    assert.equal(
      (JSON.parse(j.stdout) as { findings: { category: string }[] }).findings[0]?.category,
      'config-env',
    );
    const t = await cli(['diagnose', 'evaluator'], { cwd: dir });
    assert.match(t.stdout, /its failed run of revision \w{8} at .*; it now runs revision \w{8} \(healthy\)/);
    assert.match(t.stdout, /1\. \[config-env\]/);
    assert.match(t.stdout, /fix: Add RULES_URL/);
  });

  it('`diagnose SERVICE` of a healthy service says there is nothing to explain', async () => {
    const r = await cli(['diagnose', 'kafka'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /running and healthy, and no failure of it is recorded/);
  });

  it('an unknown service exits 3', async () => {
    const r = await cli(['diagnose', 'nope'], { cwd: dir });
    assert.equal(r.code, 3);
    assert.match(r.stderr, /no service "nope"/);
  });
});

describe('diagnose: captures never carry secrets', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const d of dirs) await cli(['down'], { cwd: d });
  });

  it('--capture and the findings mask secret values', async () => {
    const d = tempDir();
    dirs.push(d);
    const port = await freePort();
    const server = JSON.stringify(join(ROOT, 'examples/server/service.mjs'));
    writeStack(
      d,
      [
        'stack: secretcap',
        'services:',
        '  api:',
        '    local:',
        '      command: node',
        `      args: [${server}]`,
        `      port: ${port}`,
        '      env:',
        `        PORT: '${port}'`,
        "        HEALTHY: 'false'",
        "        UNHEALTHY_REASON: 'token ${SECRET_TOKEN} rejected: API_TOKEN not set'",
        "        API_TOKEN: { value: '${SECRET_TOKEN}', secret: true }",
        `    healthCheck: { http: { url: 'http://127.0.0.1:${port}/health' }, interval: 300ms, retries: 2, startPeriod: 1500ms }`,
      ].join('\n'),
    );
    const env = { SECRET_TOKEN: 'hunter2-very-secret' };
    const r = await cli(['deploy', '--json', '--capture', 'cap.json'], { cwd: d, env });
    assert.equal(r.code, 1, r.stderr);
    const failed = events(r.stdout).find((e) => e.code === 'service.failed')!;
    assert.ok((failed.findings as unknown[]).length > 0);
    const text = readFileSync(join(d, 'cap.json'), 'utf8');
    assert.match(text, /token \*\*\* rejected/);
    for (const out of [r.stdout, r.stderr, text]) assert.doesNotMatch(out, /hunter2/);
    const live = await cli(['diagnose', 'api', '--json'], { cwd: d, env });
    assert.doesNotMatch(live.stdout, /hunter2/);
  });
});

describe('diagnose: what the stack file says about a refused dependency', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const d of dirs) await cli(['down'], { cwd: d });
  });

  /** `broker` takes 4 s to listen; `consumer` gives up on its address after 0.5 s, and waits for nothing. */
  async function deploy(address: (brokerPort: number) => string) {
    const d = tempDir();
    dirs.push(d);
    const [broker, consumer] = [await freePort(), await freePort()];
    writeStack(
      d,
      [
        `stack: undeclared-${process.pid}`,
        'services:',
        serviceYaml('broker', { port: broker, env: { STARTUP_DELAY: 4000 } }),
        serviceYaml('consumer', {
          port: consumer,
          env: { REQUIRES: address(broker), REQUIRES_TIMEOUT: 500 },
        }),
      ].join('\n'),
    );
    const r = await cli(['deploy', '--json', '--capture', 'cap.json'], { cwd: d });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    const failed = events(r.stdout).find((e) => e.code === 'service.failed')!;
    assert.equal(failed.service, 'consumer');
    return { d, broker, findings: failed.findings as { category: string; cause: string; fix: string }[] };
  }

  it('a dependency the service does not list in dependsOn: the finding says to add it', async () => {
    const { d, findings } = await deploy((port) => `broker=127.0.0.1:${port}`);
    assert.equal(findings[0]!.category, 'dependency-unreachable');
    assert.match(findings[0]!.cause, /consumer connects to broker .*does not list it in dependsOn/);
    assert.match(findings[0]!.fix, /dependsOn: \{ broker: \{ condition: healthy \} \}/);
    // The capture carries the stack, so replaying it gives the same reading.
    const capture = JSON.parse(readFileSync(join(d, 'cap.json'), 'utf8')) as {
      stack: { services: unknown[] };
    };
    assert.equal(capture.stack.services.length, 2);
    const r = await cli(['diagnose', '--input', join(d, 'cap.json'), '--json'], { cwd: tempDir() });
    assert.deepEqual((JSON.parse(r.stdout) as { findings: unknown[] }).findings.slice(0, 3), findings);
    // And `diagnose SERVICE` reads the stack file too, after the rollback.
    const live = await cli(['diagnose', 'consumer', '--json'], { cwd: d });
    assert.equal(live.code, 0, live.stderr);
    const first = (JSON.parse(live.stdout) as { findings: { cause: string }[] }).findings[0]!;
    assert.match(first.cause, /does not list it in dependsOn/);
  });

  it('an address where no service of the stack listens: the finding says the setting is wrong', async () => {
    const unused = await freePort();
    const { broker, findings } = await deploy(() => `127.0.0.1:${unused}`);
    assert.equal(findings[0]!.category, 'config-env');
    assert.match(
      findings[0]!.cause,
      new RegExp(`127\\.0\\.0\\.1:${unused}.*the stack has broker \\(port ${broker}\\)`),
    );
  });
});

describe('diagnose --input: offline', () => {
  const cwd = tempDir();
  const shared = sharedDir('diagnose-examples') ?? '';

  it(
    'replays the shared examples as they are (their _ keys ignored) to their expected category',
    { skip: !shared && SHARED_MISSING },
    async () => {
      const files = readdirSync(shared).filter((f) => f.endsWith('.json'));
      assert.ok(files.length > 0);
      // A few at a time: two dozen node processes at once only slow a loaded machine down.
      const one = async (f: string) => {
        const expected = (JSON.parse(readFileSync(join(shared, f), 'utf8')) as { _expect: string })._expect;
        const r = await cli(['diagnose', '--input', join(shared, f), '--json'], { cwd });
        assert.equal(r.code, 0, `${f}: ${r.stderr}`);
        const { findings } = JSON.parse(r.stdout) as { findings: Record<string, unknown>[] };
        assert.equal(findings[0]?.category, expected, f);
        for (const x of findings) assert.deepEqual(Object.keys(x), KEYS, f);
      };
      for (let k = 0; k < files.length; k += 5) await Promise.all(files.slice(k, k + 5).map(one));
    },
  );

  it('prints a readable list', async () => {
    const f = join(ROOT, 'test/fixtures/diagnose/healthcheck-curl-missing-node-alpine.json');
    const r = await cli(['diagnose', '--input', f], { cwd });
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /^Diagnosis of capture .*healthcheck-curl-missing-node-alpine\.json:\n\n1\. \[health-check-command\] /,
    );
    assert.match(r.stdout, /\n {3}fix: .+\n {3}evidence:\n {5}\S/);
  });

  it('with nothing recognised, lists what was examined', async () => {
    const f = join(cwd, 'plain.json');
    writeFileSync(f, JSON.stringify({ service: 'api', logs: { api: ['started', 'ready'] } }));
    const r = await cli(['diagnose', '--input', f, '--json'], { cwd });
    const { findings } = JSON.parse(r.stdout) as {
      findings: { category: string; evidence: string[]; confidence: number }[];
    };
    assert.equal(findings[0]!.category, 'other');
    // At most the two nearest categories follow, as weaker findings.
    assert.ok(findings.length <= 3);
    assert.ok(findings.slice(1).every((x) => x.confidence < findings[0]!.confidence));
    assert.match(findings[0]!.evidence.join('\n'), /examined: logs\.api\[\]/);
  });

  const bad: [string, string | undefined, RegExp][] = [
    ['a missing file', undefined, /cannot read capture file .*missing\.json/],
    ['invalid JSON', '{ "service": ', /capture file .*invalid JSON\.json is not valid JSON/],
    ['not an object', '[1, 2]', /capture file .*not an object\.json must hold one JSON object/],
    [
      'a wrong field type',
      '{ "tasks": "oops" }',
      /a wrong field type\.json: invalid diagnose capture: tasks/,
    ],
  ];
  for (const [what, content, expected] of bad) {
    it(`exits 3 naming the file: ${what}`, async () => {
      const f = join(cwd, what === 'a missing file' ? 'missing.json' : `${what}.json`);
      if (content !== undefined) writeFileSync(f, content);
      const r = await cli(['diagnose', '--input', f], { cwd });
      assert.equal(r.code, 3, r.stdout + r.stderr);
      assert.match(r.stderr, expected);
    });
  }

  it('exits 3 for both or neither of SERVICE and --input', async () => {
    assert.equal((await cli(['diagnose'], { cwd })).code, 3);
    assert.equal((await cli(['diagnose', 'api', '--input', 'x.json'], { cwd })).code, 3);
  });
});
