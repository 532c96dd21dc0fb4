import type { Problem } from '../types.js';

/**
 * Errors that say "this machine cannot talk to AWS at all" (no or bad credentials, no endpoint) or "this caller may
 * not ask": every further call would fail the same way, so a check stops at the first one and reports it once,
 * instead of one confusing line per image or resource. The aws-credentials check says what is wrong with the
 * credentials themselves.
 */

const CREDENTIALS = new Set([
  'CredentialsProviderError',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingAuthenticationToken',
]);
const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation']);
const NETWORK = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'TimeoutError',
]);

interface SdkError {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

export type AccessFailure = 'credentials' | 'denied' | 'unreachable';

export function accessFailure(err: unknown): AccessFailure | undefined {
  const e = (err ?? {}) as SdkError;
  if (CREDENTIALS.has(e.name ?? '')) return 'credentials';
  if (DENIED.has(e.name ?? '')) return 'denied';
  if (NETWORK.has(e.code ?? '') || NETWORK.has(e.name ?? '')) return 'unreachable';
  // The region could not be worked out: no AWS_REGION, no aws.region, no profile.
  if (/Region is missing/i.test(e.message ?? '')) return 'credentials';
  return undefined;
}

/**
 * The one problem a check reports when it could not ask `service` at all, or undefined when `err` is something
 * else (which the check handles or rethrows).
 */
export function accessProblem(
  err: unknown,
  service: string,
  actions: readonly string[],
): Problem | undefined {
  const kind = accessFailure(err);
  const detail = (err as SdkError).message ?? String(err);
  if (kind === 'credentials')
    return {
      message: `could not ask ${service}: ${detail}`,
      fix: 'fix the AWS credentials and region first (see the aws-credentials check), then verify again',
    };
  if (kind === 'unreachable')
    return {
      message: `could not reach ${service}: ${detail}`,
      fix: 'check the network and AWS_ENDPOINT_URL (if set), then verify again',
    };
  if (kind === 'denied')
    return {
      message: `not allowed to ask ${service}: ${detail}`,
      fix: `allow ${actions.join(', ')} to the deploying identity (README "IAM permissions"), or deploy with --skip-verify`,
    };
  return undefined;
}
