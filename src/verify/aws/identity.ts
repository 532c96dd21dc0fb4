import type { Stack } from '../../spec/types.js';
import { NotChecked } from '../types.js';
import { describeError, stsClient } from './clients.js';

export type Identity =
  { ok: true; account: string; arn: string; region: string } | { ok: false; error: string; region?: string };

/**
 * Who the credentials are, asked once per verify run: the loaded Stack object lives exactly as long as one run, so
 * it keys the memo. Every aws check that calls an API starts here (requireIdentity) and is "not checked" when this
 * failed, because one root cause should be one error — the aws-credentials check's — not one from every check.
 */
const runs = new WeakMap<Stack, Promise<Identity>>();

export function callerIdentity(stack: Stack): Promise<Identity> {
  let p = runs.get(stack);
  if (!p) {
    p = ask(stack.aws?.region);
    runs.set(stack, p);
  }
  return p;
}

/** The caller's identity, or NotChecked when the credentials do not work (aws-credentials reports why). */
export async function requireIdentity(stack: Stack): Promise<Extract<Identity, { ok: true }>> {
  const who = await callerIdentity(stack);
  if (!who.ok) throw new NotChecked('the AWS credentials do not work (see aws-credentials)');
  return who;
}

async function ask(stackRegion: string | undefined): Promise<Identity> {
  let region: string | undefined = stackRegion;
  try {
    const h = await stsClient(stackRegion);
    try {
      region = await h.region().catch(() => stackRegion);
      const out = await h.api.getCallerIdentity();
      return { ok: true, account: out.Account ?? '', arn: out.Arn ?? '', region: region ?? '' };
    } finally {
      h.destroy();
    }
  } catch (err) {
    return { ok: false, error: describeError(err), region };
  }
}
