// Every example stack file is valid against the schema and internally consistent.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { StackSpec, type RawStack } from '../../src/spec/schema.js';

// Compiled to dist/test/examples/, so the repo root is three folders up.
const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));

function stackFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return stackFiles(p);
    // The aws variants need the emulator and a real loader (JSON files): test/e2e/aws.test.ts covers them.
    return /^convoy.*\.ya?ml$/.test(e.name) && !/\.aws\./.test(e.name) ? [p] : [];
  });
}

/** Stand-in for the real loader's interpolation: `${VAR:-default}` becomes its default. */
function load(file: string): RawStack {
  const text = readFileSync(file, 'utf8').replace(/\$\{[A-Za-z_][A-Za-z0-9_]*:-([^}]*)\}/g, '$1');
  assert.doesNotMatch(text, /\$\{/, `${file}: interpolation without a default`);
  const r = StackSpec.safeParse(parse(text));
  assert.ok(r.success, `${file}: ${r.success ? '' : JSON.stringify(r.error.issues, null, 2)}`);
  return r.data;
}

const depNames = (d: RawStack['services'][string]['dependsOn']) => (Array.isArray(d) ? d : Object.keys(d));

const files = stackFiles(EXAMPLES);

test('the examples include the expected stacks', () => {
  const names = files.map((f) => relative(EXAMPLES, f)).sort();
  assert.deepEqual(names, [
    'alerting-platform/convoy.broken.yaml',
    'alerting-platform/convoy.yaml',
    'parental-control/convoy.yaml',
    'sandbox-broker/convoy.yaml',
  ]);
});

for (const file of files) {
  test(`${relative(EXAMPLES, file)} is a valid, consistent stack`, () => {
    const stack = load(file);
    const services = stack.services;
    const ports = new Set<number>();
    for (const [name, svc] of Object.entries(services)) {
      for (const dep of depNames(svc.dependsOn)) {
        assert.ok(dep in services, `${name} depends on unknown service ${dep}`);
        assert.notEqual(dep, name, `${name} depends on itself`);
      }
      assert.ok(svc.local, `${name} has no local block`);
      // The program path is relative to the stack file's folder.
      const script = svc.local.args[0] ?? '';
      assert.ok(
        existsSync(resolve(dirname(file), svc.local.cwd ?? '.', script)),
        `${name}: ${script} not found`,
      );
      if (svc.kind === 'service') {
        const port = svc.local.port;
        assert.ok(port !== undefined, `${name} has no port`);
        assert.ok(!ports.has(port), `${name}: port ${port} used twice`);
        ports.add(port);
        assert.equal(svc.local.env.PORT?.value, String(port), `${name}: env PORT differs from local.port`);
        assert.equal(
          svc.healthCheck?.http?.url,
          `http://127.0.0.1:${port}/health`,
          `${name}: health check url`,
        );
      }
    }
    // No cycles: repeatedly peel off services whose dependencies are all placed.
    const placed = new Set<string>();
    let progress = true;
    while (progress) {
      progress = false;
      for (const [name, svc] of Object.entries(services)) {
        if (!placed.has(name) && depNames(svc.dependsOn).every((d) => placed.has(d))) {
          placed.add(name);
          progress = true;
        }
      }
    }
    assert.equal(placed.size, Object.keys(services).length, 'dependency cycle');
  });
}

test('alerting-platform: migrate is a job that rule-service waits to complete', () => {
  const stack = load(join(EXAMPLES, 'alerting-platform/convoy.yaml'));
  assert.equal(Object.values(stack.services).filter((s) => s.kind === 'service').length, 7);
  assert.equal(stack.services.migrate?.kind, 'job');
  assert.deepEqual(stack.services['rule-service']?.dependsOn, {
    kafka: { condition: 'healthy' },
    migrate: { condition: 'completed' },
  });
  const hc = stack.services.kafka?.healthCheck;
  assert.deepEqual([hc?.interval, hc?.timeout, hc?.retries, hc?.startPeriod], [1000, 1000, 3, 2000]);
});

test('alerting-platform: the broken variant differs from convoy.yaml only in evaluator', () => {
  const good = load(join(EXAMPLES, 'alerting-platform/convoy.yaml'));
  const broken = load(join(EXAMPLES, 'alerting-platform/convoy.broken.yaml'));
  const { evaluator: goodEval, ...goodRest } = good.services;
  const { evaluator: badEval, ...badRest } = broken.services;
  assert.deepEqual({ ...broken, services: badRest }, { ...good, services: goodRest });

  assert.ok(goodEval && badEval);
  const { VERSION: gv, ...goodEnv } = goodEval.local!.env;
  const { VERSION: bv, HEALTHY, UNHEALTHY_REASON, ...badEnv } = badEval.local!.env;
  assert.equal(gv?.value, '1');
  assert.equal(bv?.value, '2');
  assert.equal(HEALTHY?.value, 'false');
  assert.ok(UNHEALTHY_REASON?.value);
  assert.deepEqual(badEnv, goodEnv);
  const strip = (s: typeof goodEval) => ({ ...s, local: { ...s.local!, env: {} } });
  assert.deepEqual(strip(badEval), strip(goodEval));
});
