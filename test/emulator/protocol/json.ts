import type { TimeMap } from '../core/clock.js';
import type { AwsError } from '../core/errors.js';

/**
 * AWS JSON 1.1 (ECS, CloudWatch Logs) and 1.0 (CloudWatch): timestamps as epoch seconds, errors as `__type` +
 * `message`.
 */

export const JSON_11 = 'application/x-amz-json-1.1';
export const JSON_10 = 'application/x-amz-json-1.0';

export function jsonBody(value: unknown, time: TimeMap): string {
  return JSON.stringify(value, function (key, v) {
    const raw = (this as Record<string, unknown>)[key];
    if (raw instanceof Date) return time.toWall(raw.getTime()) / 1000;
    return v;
  });
}

export function jsonError(e: AwsError): string {
  return JSON.stringify({ __type: e.code, message: e.message });
}
