import type { PostCheckResult } from '../core/check-result.js';
import { makeRedactor, redactDeep } from '../core/redact.js';
import { notifySecrets, secretValues } from '../engine/redact.js';
import { PostCheckFailedError } from '../errors.js';
import type { Opened } from './open.js';

/**
 * `convoy verify --post`: every post-deploy check of the stack file, once, against what is deployed now (no lock,
 * nothing changed, nothing stored). Resolves with the results; `check` throws when one did not pass (exit 1).
 */
export async function verifyPost(o: Opened, opts: { signal?: AbortSignal } = {}): Promise<PostCheckResult[]> {
  // An answer may quote a secret: masked like everything else Convoy shows.
  const redact = makeRedactor(secretValues(o.stack.services, notifySecrets(o.stack)));
  const results: PostCheckResult[] = [];
  for (const check of o.stack.postChecks ?? []) {
    const r = await o.checks!(check, { sinceMs: 0, ...(opts.signal ? { signal: opts.signal } : {}) });
    results.push(redactDeep(r, redact));
  }
  return results;
}

export function postCheckError(results: readonly PostCheckResult[]): PostCheckFailedError | undefined {
  const bad = results.filter((r) => r.status !== 'passed');
  if (bad.length === 0) return undefined;
  return new PostCheckFailedError(
    `verify --post: ${bad.length} of ${results.length} checks did not pass: ${bad.map((r) => `${r.check} (${r.message})`).join('; ')}`,
  );
}
