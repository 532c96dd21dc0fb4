import type { TimeMap } from '../core/clock.js';
import type { AwsError } from '../core/errors.js';

/** Query-protocol responses: `<XResponse><XResult>…</XResult><ResponseMetadata>` with `<member>` lists, ISO times. */

const escape = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/**
 * A list whose entries are named after their type instead of `<member>`, as RDS writes them
 * (`<DBEngineVersions><DBEngineVersion>…`); the SDK reads each list by the name its model gives.
 */
export class NamedList {
  constructor(
    readonly member: string,
    readonly items: unknown[],
  ) {}
}

function element(name: string, value: unknown, time: TimeMap): string {
  if (value === undefined || value === null) return '';
  if (value instanceof NamedList)
    return `<${name}>${value.items.map((v) => element(value.member, v, time)).join('')}</${name}>`;
  if (Array.isArray(value))
    return `<${name}>${value.map((v) => element('member', v, time)).join('')}</${name}>`;
  if (value instanceof Date)
    return `<${name}>${new Date(time.toWall(value.getTime())).toISOString()}</${name}>`;
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => element(k, v, time))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escape(String(value))}</${name}>`;
}

export function xmlResponse(
  action: string,
  ns: string,
  result: Record<string, unknown>,
  requestId: string,
  time: TimeMap,
): string {
  const body = Object.keys(result).length ? element(`${action}Result`, result, time) : '';
  return (
    `<${action}Response xmlns="${ns}">${body}` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}

export function xmlError(e: AwsError, ns: string, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${ns}"><Error><Type>${e.fault}</Type><Code>${escape(e.code)}</Code>` +
    `<Message>${escape(e.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}
