import type { Clock } from '../core/clock.js';
import type { Capture } from '../core/capture.js';
import type { AddEvidence } from '../core/evidence.js';
import type { Service, Stack } from '../spec/types.js';
import type { Target } from './target.js';

export interface TargetOpenOptions {
  clock: Clock;
  /** Status, logs, down: a stack a person must repair still opens. */
  readOnly?: boolean;
  /** The environment convoy was given (the CLI's, read once): what services inherit, SDK settings. */
  env: Readonly<Record<string, string | undefined>>;
  /** Resources a deployment may remove or replace although protected (`--allow-replace`; aws only). */
  allowReplace?: readonly string[];
}

/** A target opened for one stack: the engine's port, and how to let go of it. */
export interface OpenedTarget {
  target: Target;
  close(): void;
}

/**
 * What Convoy knows about one kind of target, all in its folder (targets/<kind>/index.ts) and registered in
 * targets/registry.ts. A module is light: loading it loads no SDK and does no I/O; `open` imports the
 * implementation when a command needs it.
 *
 * Each hook reads only the service's own block for this target (`local`, or `aws` and `cloudformation`), so for a
 * service without one it gives nothing.
 */
export interface TargetModule {
  /** The stack file's `target:` value. */
  readonly kind: Stack['target'];
  /** The service-level stack-file keys this target reads; they are validated by spec/schema.ts. */
  readonly serviceBlocks: readonly (keyof Service)[];
  /**
   * This target's part of a service's revision (plan/revision.ts hashes them with kind, version and
   * healthCheck). File paths are left out so moving a file is not a change; only what is deployed counts.
   */
  revisionInputs(service: Service): Record<string, unknown>;
  /** Why this target's blocks differ from those last deployed, in words a person can check (plan/diff.ts). */
  changeReasons(next: Service, prev: Service): string[];
  /** Values in this target's blocks that no event, log line, history entry or capture may show. */
  secretValues(service: Service): string[];
  /** Whether a capture (`convoy diagnose --input`) came from this target: the evidence's `origin`. */
  recognises(capture: Capture): boolean;
  /** Adds the evidence lines diagnose's rules match, from this target's part of a capture. */
  extractEvidence(capture: Capture, add: AddEvidence): void;
  /** Connects to the target for a stack: deploy, status, logs, evidence and down go through what it returns. */
  open(stack: Stack, opts: TargetOpenOptions): Promise<OpenedTarget>;
}
