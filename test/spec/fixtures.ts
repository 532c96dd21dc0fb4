import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '../../src/errors.js';

/** The stack file of the issue, verbatim: it must load as written. */
export const EXAMPLE = `stack: demo
target: local
services:
  db:
    local: { command: node, args: [server.mjs], env: { PORT: "5433" }, port: 5433 }
    healthCheck: { http: { url: "http://127.0.0.1:5433/health" }, interval: 2s, timeout: 1s, retries: 3, startPeriod: 5s }
  api:
    dependsOn: [db]
    local: { command: node, args: [server.mjs], env: { PORT: "8080", VERSION: "\${VERSION:-1}" }, port: 8080 }
    healthCheck: { command: ["CMD-SHELL", "curl -fs http://127.0.0.1:8080/health"], interval: 2s, retries: 3 }
`;

/** Writes `text` as convoy.yaml in a fresh temp folder and returns its path. */
export function writeStack(text: string, name = 'convoy.yaml'): string {
  const dir = mkdtempSync(join(tmpdir(), 'convoy-spec-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** 1-based line and column of the `nth` occurrence of `needle`, so expectations follow the fixture text. */
export function positionOf(text: string, needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `fixture has no occurrence ${nth} of ${JSON.stringify(needle)}`);
  }
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: (before[before.length - 1] ?? '').length + 1 };
}

/** Runs `fn`, which must throw an InvalidInputError, and returns it. */
export function invalid(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof InvalidInputError, `expected InvalidInputError, got ${String(err)}`);
    assert.equal(err.exitCode, 3);
    return err;
  }
  assert.fail('expected an InvalidInputError, but nothing was thrown');
}

/** Asserts the error points at `needle` in `text` and says `field`. */
export function assertAt(
  err: InvalidInputError,
  text: string,
  needle: string,
  field?: string,
  nth = 0,
): void {
  const { line, column } = positionOf(text, needle, nth);
  assert.ok(err.location, `error has no location: ${err.message}`);
  assert.deepEqual({ line: err.location.line, column: err.location.column }, { line, column }, err.message);
  assert.ok(err.message.includes(`:${line}:${column}: `), err.message);
  if (field !== undefined) {
    assert.equal(err.location.field, field);
    assert.ok(err.message.includes(`${field}: `), err.message);
  }
}
