/*
 * Evidence lines: what diagnose's rules match, cut from a capture by each target's extractor
 * (targets/<kind>/extract.ts). The vocabulary lives in the leaf so targets need not import diagnose.
 */

/**
 * Which field of a capture a line came from. Rules say which kinds they read so that, e.g., a log line that
 * merely mentions "RESOURCE:MEMORY" in passing is told apart from the scheduler saying it.
 */
export const EVIDENCE_KINDS = [
  'stoppedReason',
  'stopCode',
  'containerReason',
  'exitCode',
  'serviceEvent',
  'deployment',
  'stackEvent',
  'stackStatus',
  'targetHealth',
  'image',
  'healthCheck',
  'env',
  'envNames',
  'secretRef',
  'portMapping',
  'platform',
  'taskDefField',
  /** A DescribeServices setting, e.g. whether the service's tasks get a public IP. */
  'serviceField',
  'log',
  'healthOutput',
  'healthExitCode',
  'healthStatus',
  'localField',
  /** `local` or `aws`: lets a rule hold only where it makes sense (127.0.0.1 is fine for a local process). */
  'origin',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface EvidenceLine {
  kind: EvidenceKind;
  /** Where in the capture, e.g. `tasks[0].stoppedReason`. */
  path: string;
  text: string;
}

export type Scalar = string | number | boolean | null | undefined;

/** Env values whose names look secret are never copied into evidence. */
export const SECRET_NAME = /SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE|CREDENTIAL|API_?KEY|ACCESS_?KEY/i;

/** Longer lines keep head and tail: the matchers' lazy scans are quadratic on huge single-line dumps. */
const MAX_LINE = 4000;

/** A scalar as one evidence text: trimmed, empty as none, a huge one cut in the middle. */
export function str(v: Scalar): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = String(v).trim();
  if (s === '') return undefined;
  return s.length <= MAX_LINE ? s : `${s.slice(0, MAX_LINE / 2)} … ${s.slice(-MAX_LINE / 2)}`;
}

/** A string or list as evidence texts, one per line. */
export function toLines(v: string | Scalar[] | undefined): string[] {
  if (v === undefined) return [];
  const all = typeof v === 'string' ? [v] : v.map((x) => str(x) ?? '');
  // A multi-line string (stack trace, health output) becomes one line per line so each can be quoted exactly.
  return all.flatMap((s) => s.split(/\r?\n/)).filter((s) => s.trim() !== '');
}

/** How an extractor adds a line; empty values add nothing. */
export type AddEvidence = (kind: EvidenceKind, path: string, value: Scalar) => void;
