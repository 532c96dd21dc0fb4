import { InvalidInputError } from '../errors.js';
import type { Stack } from '../spec/types.js';
import { awsTarget } from './aws/index.js';
import { localTarget } from './local/index.js';
import type { TargetModule } from './module.js';

export type { OpenedTarget, TargetModule } from './module.js';

/**
 * Every target Convoy can deploy to, in the order diagnose tries them on a capture. Adding a target is a folder
 * targets/<kind>/ with an index.ts exporting its TargetModule, a line here, and its blocks in spec/schema.ts.
 */
export const TARGETS: Readonly<Record<Stack['target'], TargetModule>> = {
  local: localTarget,
  aws: awsTarget,
};

export const TARGET_MODULES: readonly TargetModule[] = Object.values(TARGETS);

/** The module for a stack's `target:`; an unknown one is the stack file's mistake. */
export function targetModule(stack: Pick<Stack, 'target' | 'locate'>): TargetModule {
  const m = (TARGETS as Record<string, TargetModule | undefined>)[stack.target];
  if (!m) {
    throw new InvalidInputError(
      `target "${stack.target}" is not available in this version of convoy; use ${Object.keys(TARGETS)
        .map((k) => `"${k}"`)
        .join(' or ')}`,
      stack.locate(['target']),
    );
  }
  return m;
}
