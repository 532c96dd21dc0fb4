/**
 * What drift (`convoy diff`) compares: a service as flat fields, `name → value`, each value one line of text. A
 * target renders the stack file's definition and what runs into the same fields, secrets masked (`***`), so the
 * comparison itself (plan/drift.ts) knows nothing of processes or ECS.
 */
export type Fields = Record<string, string>;

/** What runs for one service, as drift sees it. */
export interface Observed {
  name: string;
  /** Undefined when nothing of the service runs or was ever started. */
  fields?: Fields;
  /** What the fields cannot say: the pid that is gone, a task definition registered outside Convoy. */
  notes: string[];
  /** The revision Convoy recorded on what runs (a local record, the task definition's tag), when there is one. */
  revision?: string;
}

/** `convoy logs --follow`: where to start and what stops it. */
export interface FollowLogsOptions {
  /** Epoch ms: lines written since then first (locally: from the run that was running then). */
  since?: number;
  /** Lines of what is there already to print first, when `since` is not given (locally). */
  lines: number;
  signal: AbortSignal;
  /** How often to look for new lines; default 1 s on aws, 200 ms locally. */
  pollMs?: number;
}
