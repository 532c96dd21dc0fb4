import type { TimeMap } from '../core/clock.js';
import type { World } from '../world.js';

/** One AWS service as the HTTP server sees it: its wire protocol and its operations. */

export interface ApiContext {
  world: World;
  time: TimeMap;
  /** The region the request was signed for (SigV4 credential scope), where the service cares. */
  region?: string;
  /** The emulator's own URL as the client reached it, for URLs it hands out (ECR blob downloads). */
  baseUrl?: string;
}

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- each protocol hands over its own decoded input */
export type Operation = (input: any, ctx: ApiContext) => unknown;

export interface ServiceApi {
  /** The signing name, as in the SigV4 credential scope. */
  name: string;
  protocol: 'json' | 'query';
  /** JSON: the protocol version in the content type; 1.1 when left out. */
  jsonVersion?: '1.0' | '1.1';
  /** JSON in AWS's query-compatible mode: errors also name their query code in `x-amzn-query-error`. */
  queryCompatible?: boolean;
  /** JSON: the X-Amz-Target prefix. Query: the API version. */
  target: string;
  /** Query: the XML namespace of responses. */
  xmlns?: string;
  operations: Record<string, Operation>;
}
