import { z } from 'zod';
import type { FailureReason, Gate } from '../targets/target.js';

/**
 * The engine's one output port, and the stack's stored event stream (README "Events"). Every event has a stable
 * `code`; the TTY view, CI lines, --json, `convoy events`, history and any subscriber read these. Events never carry
 * secret values: the engine redacts before emitting. The types are inferred from these schemas, and
 * `convoy schema events` prints them as JSON Schema, so the two cannot drift apart.
 */

/**
 * Version of the events' shape, printed with their schema. Bumped when a reader could trip: a field removed,
 * renamed or retyped. A new event code or a new optional field keeps it.
 */
export const EVENT_SCHEMA_VERSION = 1;

const GATES = ['started', 'healthy', 'completed'] as const satisfies readonly Gate[];
const FAILURE_REASONS = [
  'exited',
  'unhealthy',
  'timeout',
  'start-failed',
  'check-failed',
] as const satisfies readonly FailureReason[];
// The reverse direction of `satisfies`: a gate or reason added to the target must be added here too.
type Exhaustive<Missing extends never> = Missing;
type _AllGates = Exhaustive<Exclude<Gate, (typeof GATES)[number]>>;
type _AllReasons = Exhaustive<Exclude<FailureReason, (typeof FAILURE_REASONS)[number]>>;

const iso = () => z.string().describe('ISO 8601 time');

/** What every event carries besides its own fields. */
const base = {
  seq: z
    .number()
    .int()
    .positive()
    .optional()
    .describe(
      "The event's place in its stack's stream: 1, 2, 3… with no gaps. Absent only on an event the store refused (it was shown but not stored).",
    ),
  at: iso(),
  stack: z.string(),
  deploymentId: z
    .string()
    .optional()
    .describe('Absent outside a deployment: the lock queue, pre-flight checks, degraded mode, `down`.'),
};

const event = <C extends string, S extends z.ZodRawShape>(code: C, shape: S, description: string) =>
  z.object({ ...base, code: z.literal(code), ...shape }).describe(description);

const ServiceChange = z.object({
  service: z.string(),
  from: z.string().optional(),
  to: z.string(),
  changed: z.boolean(),
  reasons: z.array(z.string()),
});
export type ServiceChange = z.infer<typeof ServiceChange>;

/** A diagnosis finding as events carry it (README "Diagnose and verify"). */
const EventFinding = z.object({
  category: z.string(),
  cause: z.string(),
  fix: z.string(),
  evidence: z.array(z.string()),
  confidence: z.number(),
});
export type EventFinding = z.infer<typeof EventFinding>;

/**
 * How long a deployment, or what is left of it, will take: always an interval, never a bare point. `convoy plan
 * --json` shows the same shape.
 */
export const EstimateSchema = z
  .object({
    lowMs: z.number(),
    highMs: z.number(),
    coverage: z.number().describe('How often the actual duration falls inside [lowMs, highMs]: 0.8.'),
    basis: z
      .enum(['history', 'guess', 'mixed'])
      .describe(
        'history: every service still to go has past runs; guess: none has, the interval comes from the stack file (health check timing, ECS defaults) and is wide; mixed: some of each.',
      ),
  })
  .describe('From past runs of each service along the plan’s real order (README "Estimates").');

const Gate = z.enum(GATES);

/** A post-deploy check's result as events carry it (README "Post-deploy checks"); redacted like every event. */
const checkResult = {
  check: z.string().describe('Its name in the stack file, or what it does.'),
  kind: z.enum(['http', 'tcp', 'command', 'log', 'alarm']),
  service: z.string().optional().describe('Absent for the stack’s own checks.'),
  phase: z
    .enum(['gate', 'end', 'bake', 'pause'])
    .describe(
      'gate: after its service passed its gate; end: at the end of the deployment; bake: in the bake window; pause: at a wave’s `pauseAt`, deciding CONTINUE or ROLLBACK.',
    ),
  status: z.enum(['passed', 'failed', 'cannot-run']),
  message: z.string().describe('In the check’s own words; cannot-run says why it could not look.'),
  durationMs: z.number(),
  response: z
    .object({ status: z.number(), headers: z.record(z.string(), z.string()), bodyExcerpt: z.string() })
    .optional()
    .describe('The failing HTTP answer: status, headers, the first 500 characters of the body.'),
  latency: z
    .object({
      requests: z.number().int(),
      p50: z.number(),
      p90: z.number(),
      p95: z.number(),
      p99: z.number(),
      max: z.number(),
      budget: z.record(z.string(), z.number()),
    })
    .optional()
    .describe('Latency figures in ms over `requests` requests, and the budget set.'),
  exitCode: z.number().nullable().optional(),
  output: z.string().optional().describe('A command’s output, or the log lines a log check saw.'),
};
const holderRef = { holder: z.string(), correlationId: z.string() };

export const ConvoyEventSchema = z.discriminatedUnion('code', [
  event(
    'lock.waiting',
    {
      holder: z
        .string()
        .optional()
        .describe('Absent when the lock is free but others are ahead in the queue.'),
      correlationId: z.string().optional(),
      since: iso().optional(),
      position: z.number().int().describe('1 = next in line.'),
      queueLength: z.number().int(),
      estimatedStartAt: iso().describe('The middle of `wait`, from the event’s time.'),
      wait: EstimateSchema.optional().describe(
        "How long until our turn, from the event's time: the holder's remaining interval plus a deployment like the stack's latest for each one ahead.",
      ),
    },
    'Waiting for the lock; repeated when the position or holder changes.',
  ),
  event('lock.queued', { ticket: z.number().int(), position: z.number().int() }, 'Joined the stack’s queue.'),
  event('lock.superseded', { replaced: z.array(z.string()) }, 'Replaced older queued deployments.'),
  event(
    'lock.acquired',
    { token: z.number().int(), tookOverExpired: z.object(holderRef).optional() },
    'Took the lock; `token` fences every write of this run.',
  ),
  event('lock.lost', { token: z.number().int() }, 'Another run took the lock over; this one stops.'),
  event('lock.released', { token: z.number().int() }, 'Gave the lock back.'),
  event(
    'deploy.interrupted-found',
    { previous: z.string(), previousCorrelationId: z.string(), action: z.enum(['resume', 'rollback']) },
    'An earlier deployment of the stack never finished.',
  ),
  event(
    'deploy.started',
    {
      kind: z.enum(['deploy', 'rollback', 'restart']),
      correlationId: z.string(),
      actor: z.string(),
      waves: z.array(z.array(z.string())),
      changes: z.array(ServiceChange),
      estimate: EstimateSchema.optional().describe('How long the whole deployment will take.'),
      order: z
        .enum(['waves', 'dependencies'])
        .optional()
        .describe('How the plan runs (the stack’s deploy.order): what a queued deployment’s wait replays.'),
    },
    'The plan, once the lock is held.',
  ),
  event(
    'service.unchanged',
    { service: z.string(), revision: z.string() },
    'Already at the wanted revision.',
  ),
  event(
    'service.starting',
    {
      service: z.string(),
      revision: z.string(),
      from: z.string().optional(),
      gate: Gate,
      wave: z.number().int(),
      estimate: EstimateSchema.optional().describe(
        'How long this run will take, when it has past runs or a guess.',
      ),
    },
    'Starting a revision; `wave` counts from 0.',
  ),
  event(
    'service.ready',
    {
      service: z.string(),
      revision: z.string(),
      gate: Gate,
      elapsedMs: z.number(),
      remaining: EstimateSchema.optional().describe(
        'What is left of the deployment from now: the rest of the plan, and the services still running for as long as they have run.',
      ),
      outputs: z
        .record(z.string(), z.string())
        .optional()
        .describe(
          "A CloudFormation phase's stack outputs once it completed: what later units' ${cfn:unit.Key} resolve to, here and in a resumed deployment.",
        ),
    },
    'Passed its gate.',
  ),
  event(
    'deploy.stalled',
    {
      service: z.string(),
      elapsedMs: z.number(),
      medianMs: z.number().describe('Its usual duration: the recency-weighted median of its past runs.'),
    },
    'A service has taken three times its usual duration and has not reached its gate yet (only for services with past runs). The deployment goes on until its timeout.',
  ),
  event(
    'service.failed',
    {
      service: z.string(),
      revision: z.string(),
      elapsedMs: z.number(),
      reason: z.enum(FAILURE_REASONS),
      message: z.string(),
      check: z.string().optional(),
      output: z.string().optional(),
      exitCode: z.number().nullable().optional(),
      decidedBy: z
        .enum(['conclusive', 'verdict'])
        .optional()
        .describe(
          'conclusive: evidence waiting cannot change failed it at once (deploy.failFast); verdict: the check’s or ECS’s own verdict.',
        ),
      logs: z.array(z.string()),
      findings: z
        .array(EventFinding)
        .optional()
        .describe('Likely causes from `convoy diagnose`, best first (at most 3).'),
    },
    'Failed before or at its gate, or exited before the deployment ended.',
  ),
  event(
    'service.progress',
    { service: z.string(), message: z.string(), warning: z.boolean().optional() },
    'What the target sees on the way to a verdict.',
  ),
  event(
    'pause.waiting',
    { wave: z.number().int(), stage: z.string(), services: z.array(z.string()) },
    'Every service of the wave with this `pauseAt` is held at the stage; one decision will answer them all.',
  ),
  event(
    'pause.decided',
    {
      wave: z.number().int(),
      stage: z.string(),
      services: z.array(z.string()),
      action: z.enum(['CONTINUE', 'ROLLBACK']),
      by: z
        .string()
        .describe(
          'Who decided: the actor of `--approve`/`--reject`, the `--by` of `convoy approve`/`reject`, `NAME (dashboard)` for the dashboard, the post-deploy checks of the paused services, or convoy when the deployment stopped. Whoever records the decision in the store emits this event, once per pause.',
        ),
    },
    'The decision sent to every paused service of the wave (ContinueServiceDeployment).',
  ),
  event('service.skipped', { service: z.string(), why: z.string() }, 'Not started: the deployment stopped.'),
  event(
    'rollback.started',
    { services: z.array(z.string()), scope: z.string() },
    'The rollback policy runs.',
  ),
  event(
    'service.rolling-back',
    { service: z.string(), from: z.string(), to: z.string().optional() },
    'Going back; no `to`: stopping it.',
  ),
  event(
    'service.rolled-back',
    { service: z.string(), to: z.string().optional(), elapsedMs: z.number() },
    'Back on its previous revision.',
  ),
  event(
    'service.rollback-failed',
    { service: z.string(), to: z.string().optional(), message: z.string() },
    'Could not be put back.',
  ),
  event('check.passed', checkResult, 'A post-deploy check (`verify:`) passed.'),
  event(
    'check.failed',
    checkResult,
    'A post-deploy check failed or could not run (`status`); outside the bake window’s tolerance it fails the deployment like a failed health check.',
  ),
  event(
    'bake.started',
    {
      forMs: z.number(),
      everyMs: z.number(),
      maxFailures: z.number().int(),
      checks: z.array(z.string()),
    },
    'The bake window: `checks` run again every `everyMs` for `forMs`.',
  ),
  event(
    'bake.passed',
    { rounds: z.number().int(), failures: z.number().int() },
    'The bake window ended with no more than `maxFailures` failed checks.',
  ),
  event(
    'bake.failed',
    { rounds: z.number().int(), failures: z.number().int(), check: z.string(), message: z.string() },
    'More than `maxFailures` checks failed in the bake window: the rollback policy runs.',
  ),
  event(
    'deploy.succeeded',
    { elapsedMs: z.number(), changed: z.number().int(), unchanged: z.number().int() },
    'Finished: exit code 0.',
  ),
  event(
    'deploy.failed',
    { elapsedMs: z.number(), service: z.string(), message: z.string(), rolledBack: z.array(z.string()) },
    'Failed and rolled back: exit code 1.',
  ),
  event(
    'deploy.rollback-failed',
    { elapsedMs: z.number(), services: z.array(z.string()), message: z.string() },
    'The rollback failed: exit code 4, a person must look.',
  ),
  event(
    'preflight.passed',
    {
      checks: z.number().int(),
      skipped: z.number().int(),
      warnings: z
        .array(z.object({ id: z.string(), message: z.string(), fix: z.string().optional() }))
        .optional(),
    },
    'The pre-flight checks of `convoy verify` passed (before the lock); `warnings`: what may well work but is worth a look.',
  ),
  event(
    'preflight.failed',
    {
      problems: z.array(z.object({ id: z.string(), message: z.string(), fix: z.string().optional() })),
    },
    'A pre-flight check failed: nothing is deployed, exit code 3.',
  ),
  event(
    'store.degraded',
    { message: z.string(), file: z.string() },
    'The shared store is unreachable and --no-lock was given: deploying without the lock, recorded in `file`.',
  ),
  event(
    'history.imported',
    { deployments: z.number().int() },
    'Deployments made with --no-lock were added to the shared history.',
  ),
  event(
    'capture.written',
    { service: z.string(), file: z.string() },
    'The failed service’s evidence was written for `convoy diagnose --input`.',
  ),
  event('stack.down', { stopped: z.array(z.string()) }, '`convoy down` stopped these services.'),
  event(
    'service.scaled',
    { service: z.string(), from: z.number().int().nullable(), to: z.number().int(), revision: z.string() },
    '`convoy scale`: the service runs `to` copies (from `from`; null when unknown), all passed their gate.',
  ),
  event(
    'subscriber.failed',
    {
      subscriber: z.string(),
      failure: z.enum(['threw', 'rejected', 'timed-out']),
      message: z.string(),
      failedOn: z.object({ code: z.string(), seq: z.number().int().optional() }),
    },
    'A subscriber threw, rejected or did not return in time; it gets no further events. The deployment is unaffected.',
  ),
  event(
    'notify.failed',
    {
      channel: z.string(),
      failure: z.enum(['permanent', 'expired']),
      message: z.string().describe("The receiver's own answer, e.g. Slack's `channel_not_found`."),
      failedOn: z.object({ code: z.string(), seq: z.number().int() }),
    },
    'A notification channel refused an event for good (or it was too old to send): reported once, never retried. The deployment is unaffected.',
  ),
  event(
    'notify.recovered',
    { channel: z.string(), unreachableMs: z.number() },
    'A notification channel answers again after an outage of `unreachableMs`; what it missed follows in order.',
  ),
  event(
    'event.lost',
    { reason: z.string() },
    'DynamoDB store only: a writer took this seq but never stored its event (docs/dynamodb.md).',
  ),
]);

export type ConvoyEvent = z.infer<typeof ConvoyEventSchema>;
export type EventCode = ConvoyEvent['code'];

/** What a caller emits: the emitter stamps `at`, `stack`, `deploymentId` and, once stored, `seq`. */
export type EventPayload = DistributiveOmit<ConvoyEvent, 'at' | 'stack' | 'deploymentId' | 'seq'>;
/** Distributes an event to its subscriber without letting a union member lose its fields. */
export type Emit = (e: EventPayload) => void;
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Receives every event after it is stored; a promise it returns is awaited. It runs apart from the deployment
 * (its own queue, a time limit per event), so throwing, rejecting or hanging only detaches it (`subscriber.failed`).
 */
export type Subscriber = (e: ConvoyEvent) => unknown;
