import type { Verdict } from '../target.js';
import { failed, timeoutVerdict } from '../verdicts.js';

/** The shared verdict builders, typed as the failures they always are. */
export type Failure = Extract<Verdict, { ok: false }>;

export const fail = (...args: Parameters<typeof failed>): Failure => failed(...args) as Failure;

export const timedOut = (...args: Parameters<typeof timeoutVerdict>): Failure =>
  timeoutVerdict(...args) as Failure;
