import type { Stack as CfnStack } from '@aws-sdk/client-cloudformation';
import type { CfnApi } from './clients.js';
import { errorMessage } from './util.js';

/**
 * What a CloudFormation stack's status allows. ROLLBACK_COMPLETE (a failed creation) can only be deleted, and
 * UPDATE_ROLLBACK_FAILED only continued; UPDATE_ROLLBACK_COMPLETE is a normal, updatable state — some tools wrongly
 * refuse it.
 */

export const COMPLETE = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'IMPORT_COMPLETE']);
/** Stable, and updatable, though its last operation was undone. */
export const ROLLED_BACK_OK = new Set(['UPDATE_ROLLBACK_COMPLETE', 'IMPORT_ROLLBACK_COMPLETE']);
export const FAILED_END = new Set([
  'CREATE_FAILED',
  'ROLLBACK_COMPLETE',
  'ROLLBACK_FAILED',
  'UPDATE_FAILED',
  'UPDATE_ROLLBACK_FAILED',
  'DELETE_COMPLETE',
  'DELETE_FAILED',
  'IMPORT_ROLLBACK_FAILED',
]);

export interface StateProblem {
  /** `refuse`: a person must act first (exit 3); `busy`: another operation runs. */
  kind: 'refuse' | 'busy';
  message: string;
  fix: string;
}

export function stateProblem(stackName: string, status: string | undefined): StateProblem | undefined {
  if (!status) return undefined;
  if (status === 'ROLLBACK_COMPLETE' || status === 'ROLLBACK_FAILED') {
    return {
      kind: 'refuse',
      message: `CloudFormation stack ${stackName} is in ${status}: its creation failed and was rolled back, so it cannot be updated; it must be deleted before it can be created again`,
      fix: `aws cloudformation delete-stack --stack-name ${stackName}, wait for DELETE_COMPLETE, then deploy again`,
    };
  }
  if (status === 'UPDATE_ROLLBACK_FAILED') {
    return {
      kind: 'refuse',
      message: `CloudFormation stack ${stackName} is in UPDATE_ROLLBACK_FAILED: its last update could not be rolled back, and it accepts no update until the rollback is continued`,
      fix: `fix what blocked the rollback (see the stack events), then aws cloudformation continue-update-rollback --stack-name ${stackName} (add --resources-to-skip for resources that cannot be restored) and deploy again`,
    };
  }
  if (status === 'DELETE_FAILED') {
    return {
      kind: 'refuse',
      message: `CloudFormation stack ${stackName} is in DELETE_FAILED`,
      fix: `finish deleting it (aws cloudformation delete-stack --stack-name ${stackName} --retain-resources … for what cannot be deleted), then deploy again`,
    };
  }
  if (status.endsWith('_IN_PROGRESS') && status !== 'REVIEW_IN_PROGRESS') {
    return {
      kind: 'busy',
      message: `CloudFormation stack ${stackName} is busy (${status}); another operation is running on it`,
      fix: `wait until it settles (aws cloudformation describe-stacks --stack-name ${stackName}), then deploy again`,
    };
  }
  return undefined;
}

/** The stack, or undefined when CloudFormation does not know it (or only as deleted). */
export async function findStack(cfn: CfnApi, stackName: string): Promise<CfnStack | undefined> {
  try {
    const s = (await cfn.describeStacks({ StackName: stackName })).Stacks?.[0];
    return s && s.StackStatus !== 'DELETE_COMPLETE' ? s : undefined;
  } catch (err) {
    if (/does not exist/i.test(errorMessage(err))) return undefined;
    throw err;
  }
}
