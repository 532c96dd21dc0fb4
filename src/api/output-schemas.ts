import type { ChangePreview } from '../targets/target.js';
import { z } from 'zod';
import { CATEGORIES } from '../diagnose/types.js';
import { EstimateSchema } from '../engine/events.js';
import type { Estimate } from '../plan/estimate/schedule.js';
import type { Plan } from '../plan/plan.js';

/**
 * The JSON that `plan`, `status`, `verify` and `diagnose` print with `--json` (and the library returns in the same
 * shape), one versioned schema each, like the events' (`convoy schema events`). A version changes only when a field
 * is removed, renamed or retyped; optional fields may be added within one.
 */
export const OUTPUT_SCHEMA_VERSION = 1;

const Gate = z.enum(['started', 'healthy', 'completed']);
const Kind = z.enum(['service', 'job', 'cloudformation']);

export const PlanOutput = z
  .object({
    stack: z.string(),
    waves: z
      .array(z.array(z.string()))
      .describe('Service names, wave by wave, in the order they would start.'),
    services: z.array(
      z.object({
        name: z.string(),
        kind: Kind,
        wave: z.number().int().describe('0-based index into waves.'),
        gate: Gate.describe('What the service must reach before its dependents start.'),
        revision: z.string().describe('The revision this deployment would run.'),
        from: z.string().nullable().describe('The revision running now; null if none.'),
        changed: z.boolean(),
        reasons: z.array(z.string()).describe('Why it changes, in words a person can check.'),
        drift: z
          .string()
          .optional()
          .describe(
            'What changed outside Convoy since its last good deployment (`convoy diff`); "-" for nothing.',
          ),
        estimate: EstimateSchema.nullable()
          .optional()
          .describe('How long it would take to reach its gate; null when it does not change.'),
        knownAfter: z
          .array(z.string())
          .optional()
          .describe(
            'The CloudFormation phases whose outputs (${cfn:unit.Key}) it uses and which are known only once they completed: its revision is then the one before they are filled in.',
          ),
        changeSet: z
          .object({
            changes: z.array(z.string()).describe('What the change set would do, one line per resource.'),
            blocked: z
              .array(z.string())
              .describe(
                'Removals and replacements of protected resources: the deployment would stop (exit 3).',
              ),
            allowed: z.array(z.string()).describe('Destructive changes let through by --allow-replace.'),
            allowWith: z.string().optional().describe('The flag that would let the blocked changes through.'),
          })
          .optional()
          .describe(
            'A CloudFormation phase: the change set a deployment would create, computed and deleted again.',
          ),
      }),
    ),
    estimate: EstimateSchema.optional().describe(
      'How long the deployment would take, along the real order (waves or dependencies).',
    ),
  })
  .describe('`convoy plan --json`: what a deployment would do now.');

export const StatusOutput = z
  .array(
    z.object({
      name: z.string(),
      kind: Kind,
      revision: z.string().nullable(),
      pid: z.number().int().nullable().describe('Local target: the process (group) id; null when stopped.'),
      health: z.enum(['starting', 'healthy', 'unhealthy', 'stopped']),
      uptimeSeconds: z.number().nullable(),
      exitCode: z.number().int().nullable().optional().describe('A job’s exit code, once known.'),
      ecs: z
        .object({
          running: z.number().int(),
          pending: z.number().int(),
          desired: z.number().int(),
          rolloutState: z
            .string()
            .optional()
            .describe('The PRIMARY deployment’s: IN_PROGRESS, COMPLETED, FAILED.'),
          strategy: z.string().describe('Deployment controller, percentages and circuit breaker, in words.'),
          console: z.string().describe('The service’s page in the AWS console.'),
        })
        .optional()
        .describe('aws target: the ECS service’s task counts, rollout and strategy.'),
      replicas: z
        .number()
        .int()
        .optional()
        .describe('How many copies run (`convoy scale`): local processes, or the ECS desired count.'),
    }),
  )
  .describe('`convoy status --json`: every service of the stack file, as its target sees it now.');

export const VerifyOutput = z
  .object({
    ok: z.boolean(),
    checks: z.array(
      z.object({
        id: z.string(),
        ok: z.boolean(),
        message: z.string(),
        fix: z.string().optional().describe('What to change; on every failed check.'),
        skipped: z
          .boolean()
          .optional()
          .describe('The check could not look: nothing found, nothing ruled out.'),
        warning: z
          .boolean()
          .optional()
          .describe('A problem that may well work (ok stays true): shown with its fix, never failing.'),
        location: z
          .object({ file: z.string(), line: z.number(), column: z.number(), field: z.string().optional() })
          .optional(),
      }),
    ),
  })
  .describe('`convoy verify --json`: the pre-flight checks and what each found.');

export const DiagnoseOutput = z
  .object({
    findings: z.array(
      z.object({
        category: z.enum(CATEGORIES),
        cause: z.string(),
        fix: z.string(),
        evidence: z.array(z.string()),
        confidence: z.number().min(0).max(1),
      }),
    ),
  })
  .describe('`convoy diagnose --json`: likely causes, best first.');

export const OUTPUT_SCHEMAS = {
  plan: PlanOutput,
  status: StatusOutput,
  verify: VerifyOutput,
  diagnose: DiagnoseOutput,
} as const;

/** A JSON Schema (draft 7) of one command's `--json` output, with its `schemaVersion`. */
export function outputJsonSchema(name: keyof typeof OUTPUT_SCHEMAS): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(OUTPUT_SCHEMAS[name], {
    io: 'input',
    target: 'draft-7',
  }) as Record<string, unknown>;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Convoy ${name} --json`,
    schemaVersion: OUTPUT_SCHEMA_VERSION,
    ...rest,
  };
}

/** `convoy plan --json` and the library's planJson: the plan as PlanOutput describes it. */
export function planJson(
  plan: Plan & {
    estimate?: Estimate;
    serviceEstimates?: ReadonlyMap<string, Estimate>;
    drift?: ReadonlyMap<string, string>;
    previews?: ReadonlyMap<string, ChangePreview>;
  },
): z.infer<typeof PlanOutput> {
  return {
    stack: plan.stack,
    waves: plan.waves,
    services: plan.entries.map((e) => ({
      name: e.service.name,
      kind: e.service.kind,
      wave: e.wave,
      gate: e.gate,
      revision: e.revision,
      from: e.from ?? null,
      changed: e.changed,
      reasons: e.reasons,
      ...(plan.drift?.has(e.service.name) ? { drift: plan.drift.get(e.service.name)! } : {}),
      ...(plan.serviceEstimates ? { estimate: plan.serviceEstimates.get(e.service.name) ?? null } : {}),
      ...(e.pendingOutputs ? { knownAfter: e.pendingOutputs.units } : {}),
      ...(plan.previews?.has(e.service.name) ? { changeSet: plan.previews.get(e.service.name)! } : {}),
    })),
    ...(plan.estimate ? { estimate: plan.estimate } : {}),
  };
}
