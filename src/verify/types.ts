import type { SourceLocation } from '../errors.js';
import type { Env } from '../spec/interpolate.js';
import type { Stack } from '../spec/types.js';

/** One line of `convoy verify`: a check that passed, or one problem it found. */
export interface CheckResult {
  id: string;
  ok: boolean;
  message: string;
  /** What to change; present on every failed result. */
  fix?: string;
  /** The check could not look (see NotChecked): no problem found, but none ruled out either. */
  skipped?: boolean;
  /** A problem of a warning check (Check.severity): shown with its fix, but `ok`. */
  warning?: boolean;
  location?: SourceLocation;
}

export interface Problem {
  message: string;
  fix: string;
  location?: SourceLocation;
}

export interface VerifyContext {
  stack: Stack;
  /** The environment deploy would run with: variables, PATH. */
  env: Env;
}

/**
 * Thrown by a check that cannot look because something another check reports is broken (AWS credentials): it shows
 * as "not checked", never as a pass, and adds no second error for the same cause.
 */
export class NotChecked extends Error {}

/**
 * A pre-flight check: one file in src/verify/checks/ plus a line in its index. It reports problems only; the
 * runner turns an empty list into a pass. Checks may be async (remote targets ask their APIs).
 */
export interface Check {
  id: string;
  /** What a pass means, in a few words: shown as the message of a passed check. */
  passes: string;
  /**
   * `warning`: what it finds may well work (a client that retries), so it is shown with its fix but fails neither
   * `convoy verify` nor a deployment's pre-flight.
   */
  severity?: 'warning';
  /** Targets it applies to; every target when omitted. */
  targets?: readonly Stack['target'][];
  run(ctx: VerifyContext): Problem[] | Promise<Problem[]>;
}
