import { z } from 'zod';

/*
 * The `verify:` block (README "Post-deploy checks"): what proves a service works once it passed its health check,
 * per service or per stack, and the stack's `bake:` window. Durations and ports are parsed like everywhere else
 * in the file; schema.ts passes them in so this file stays free of an import cycle.
 */

/**
 * The JSON path syntax a body expectation may use, and nothing more: `$`, then `.name` or `[index]` steps, e.g.
 * `$.items[0].id`. Anything else (filters, wildcards, quotes, `..`) is refused where it is written.
 */
export const JSON_PATH = /^\$(?:\.[A-Za-z_][A-Za-z0-9_-]*|\[\d+\])*$/;

export const PERCENTILES = ['p50', 'p90', 'p95', 'p99'] as const;
export type Percentile = (typeof PERCENTILES)[number];

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export function postCheckSchemas(Duration: z.ZodType<number, unknown>, Port: z.ZodType<number, unknown>) {
  const Positive = Duration.refine((ms) => ms > 0, { message: 'must be longer than 0' });
  const Scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
  const BodyExpect = z.record(z.string(), Scalar).superRefine((fields, ctx) => {
    for (const path of Object.keys(fields))
      if (!JSON_PATH.test(path))
        ctx.addIssue({
          code: 'custom',
          path: [path],
          message: `unknown JSON path syntax "${path}": write $ followed by .name and [index] steps, e.g. $.items[0].id`,
          params: { atKey: true },
        });
  });
  const Latency = z
    .strictObject({
      p50: Duration.optional(),
      p90: Duration.optional(),
      p95: Duration.optional(),
      p99: Duration.optional(),
      requests: z
        .number()
        .int()
        .max(1000)
        .refine((n) => n >= 5, {
          message: 'a latency budget needs at least 5 requests: fewer say nothing about a percentile',
        }),
    })
    .refine((l) => PERCENTILES.some((p) => l[p] !== undefined), {
      message: 'a latency budget names at least one of p50, p90, p95 or p99',
    });
  const Http = z.strictObject({
    method: z
      .string()
      .transform((m) => m.toUpperCase())
      .pipe(z.enum(METHODS))
      .default('GET'),
    url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
    headers: z.record(z.string(), z.string()).default({}),
    body: z.string().optional(),
    timeout: Positive.default(5_000),
    expect: z
      .strictObject({
        /** One status or a list; default 200–399. */
        status: z.union([z.number().int(), z.array(z.number().int()).min(1)]).optional(),
        /** A header's value must contain this text (case-insensitive); true: present; false: absent. */
        headers: z.record(z.string(), z.union([z.string(), z.boolean()])).default({}),
        body: BodyExpect.default({}),
        /** Call it twice: the second answer must come faster than the first (a cache that works). */
        secondCallFaster: z.boolean().default(false),
      })
      .default({ headers: {}, body: {}, secondCallFaster: false }),
    latency: Latency.optional(),
  });
  const Tcp = z.strictObject({
    host: z.string().min(1).default('127.0.0.1'),
    port: Port,
    timeout: Positive.default(5_000),
  });
  const Command = z.strictObject({
    /** A string runs in the shell; a list runs the program directly. */
    run: z.union([z.string().min(1), z.array(z.string()).min(1)]),
    exitCode: z.number().int().min(0).max(255).default(0),
    timeout: Positive.default(30_000),
  });
  const Log = z
    .strictObject({
      /** Whose log; the owning service by default (required in the stack's own `verify:`). */
      service: z.string().optional(),
      /** A regular expression (JavaScript syntax). */
      match: z
        .string()
        .min(1)
        .superRefine((re, ctx) => {
          try {
            new RegExp(re);
          } catch (err) {
            ctx.addIssue({ code: 'custom', message: `not a regular expression: ${(err as Error).message}` });
          }
        }),
      /** Must appear: a matching line logged within this long (waiting up to it for one). */
      within: Positive.optional(),
      /** Must not appear more than this many times per `per`. */
      atMost: z.number().int().min(0).optional(),
      per: Positive.default(60_000),
    })
    .refine((l) => (l.within === undefined) !== (l.atMost === undefined), {
      message:
        'a log check has exactly one of within (the line must appear) or atMost (it may appear at most N times per `per`)',
    });
  const Alarm = z.strictObject({ name: z.string().min(1) });

  const Check = z
    .strictObject({
      /** Shown in events and reports; default: what it does, e.g. "api: OPTIONS http://…/quote". */
      name: z.string().min(1).optional(),
      /** Run again during the stack's bake window (default true). */
      bake: z.boolean().default(true),
      http: Http.optional(),
      tcp: Tcp.optional(),
      command: Command.optional(),
      log: Log.optional(),
      alarm: Alarm.optional(),
    })
    .refine((c) => [c.http, c.tcp, c.command, c.log, c.alarm].filter((x) => x !== undefined).length === 1, {
      message: 'a check has exactly one of http, tcp, command, log or alarm',
    });

  const Bake = z.strictObject({
    for: Positive,
    every: Positive,
    /** Failures the window tolerates; one more fails the deployment. */
    maxFailures: z.number().int().min(0).default(0),
  });
  return { Verify: z.array(Check), Bake };
}

type Schemas = ReturnType<typeof postCheckSchemas>;
export type RawCheck = z.output<Schemas['Verify']>[number];
export type BakeSpec = z.output<Schemas['Bake']>;
export type HttpCheckSpec = NonNullable<RawCheck['http']>;
export type LatencyBudget = NonNullable<HttpCheckSpec['latency']>;
export type CheckKind = 'http' | 'tcp' | 'command' | 'log' | 'alarm';

/** A check as the engine and the runners see it: named, tied to its service (none for the stack's own). */
export type PostCheck = RawCheck & {
  name: string;
  kind: CheckKind;
  /** The service whose `verify:` lists it; absent for the stack's own checks. */
  service?: string;
  /** Where it is written, for messages: `services.api.verify.0`. */
  at: string;
};
