import type { Store, StoredPauseDecision } from '../store/store.js';

/** What the server may do besides reading: off unless `convoy serve --actions` (with a token) supplies them. */
export interface ServerActions {
  /** Takes a waiting deployment out of the stack's queue; false when no such entry waits. */
  cancelQueued(stack: string, id: string): Promise<boolean>;
  /** Starts `convoy rollback` for the stack (all services, or those named); resolves once it is started. */
  rollback(stack: string, services: string[]): Promise<{ pid: number | undefined }>;
  /**
   * Answers the stack's paused deployment (as `convoy approve`/`reject` would), recorded as `by`; `notPaused` says
   * what runs instead when nothing waits for a decision.
   */
  decidePause(
    stack: string,
    decision: { action: 'CONTINUE' | 'ROLLBACK'; by: string },
  ): Promise<{ decided: StoredPauseDecision[] } | { notPaused: string }>;
}

/** Everything the HTTP server reads from: the store the CLI uses, and its settings. */
export interface ServerContext {
  store: Store;
  /** The stack of the stack file: listed first, and the page's default. */
  stack: string;
  now(): number;
  actions?: ServerActions;
  /** Required by actions; required by every request too when `tokenForReads` (bound beyond loopback). */
  token?: string;
  tokenForReads?: boolean;
  /** SSE comment line that keeps proxies from cutting an idle stream. Default 15 s. */
  heartbeatMs?: number;
  /** How often the stream asks the store for new events. Default 250 ms. */
  pollMs?: number;
}
