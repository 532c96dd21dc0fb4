import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { diagnose, stripAnnotations } from '../../src/diagnose/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const FIXTURES = join(root, 'test/fixtures/diagnose');

/** Routine lines a real capture carries around the failure: scheduler chatter and an app's ordinary logging. */
const ROUTINE_EVENTS = [
  '(service web) has reached a steady state.',
  '(service web) has started 2 tasks: (task 0f3c9a1e2b7d4c8e9f0a1b2c3d4e5f60) (task 7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d).',
  '(service web) registered 2 targets in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef)',
  '(service web) has begun draining connections on 1 tasks.',
  '(service web) deregistered 1 targets in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef)',
  '(service web) has stopped 1 running tasks: (task 7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d).',
];
const ROUTINE_LOGS = [
  '2024-05-02T10:00:00.000Z INFO  Starting application version 1.8.2',
  '2024-05-02T10:00:00.120Z INFO  Loaded configuration from /app/config/default.yaml',
  '2024-05-02T10:00:01.004Z DEBUG Registering routes: GET /, GET /api/items, POST /api/items',
  '10.0.1.23 - - [02/May/2024:10:00:05 +0000] "GET /api/items HTTP/1.1" 200 512 "-" "Mozilla/5.0"',
  '2024-05-02T10:00:06.318Z INFO  Scheduled job "cleanup" every 300s',
  '2024-05-02T10:00:07.500Z WARN  Slow request: GET /api/items took 812ms',
];

function pad(capture: Record<string, unknown>): Record<string, unknown> {
  const c = structuredClone(capture);
  const local = c.local as { logs?: unknown } | undefined;
  if (local && !c.services && !c.tasks) {
    // A process run on this machine has no scheduler to chatter, and ECS events would make it an ECS capture.
    const own = local.logs;
    local.logs = [...ROUTINE_LOGS, ...(Array.isArray(own) ? own : typeof own === 'string' ? [own] : [])];
    return c;
  }
  const services = (c.services as Array<Record<string, unknown>> | undefined) ?? [{ serviceName: 'web' }];
  const first = services[0]!;
  first.events = [...ROUTINE_EVENTS.map((message) => ({ message })), ...((first.events as unknown[]) ?? [])];
  c.services = services;
  const logs = (c.logs as Record<string, unknown> | undefined) ?? {};
  const name = Object.keys(logs)[0] ?? 'app';
  const own = logs[name];
  logs[name] = [...ROUTINE_LOGS, ...(Array.isArray(own) ? own : typeof own === 'string' ? [own] : [])];
  c.logs = logs;
  return c;
}

describe('diagnose: routine noise around the evidence', () => {
  it('a capture padded with routine service events and log lines keeps its top category', () => {
    const changed: string[] = [];
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
    for (const file of files) {
      const doc = stripAnnotations(
        JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Record<string, unknown>,
      );
      const before = diagnose(doc)[0]!.category;
      const after = diagnose(pad(doc))[0]!.category;
      if (before !== after) changed.push(`${file}: ${before} -> ${after}`);
    }
    assert.deepEqual(changed, [], `${changed.length} of ${files.length} captures changed category`);
  });

  it('noise alone is not a failure signature', () => {
    assert.equal(diagnose(pad({ service: 'web' }))[0]!.category, 'other');
  });
});
