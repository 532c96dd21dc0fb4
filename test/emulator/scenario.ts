import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * A scenario file: what containers do (by image), how long AWS takes, which CloudFormation resources fail and which
 * calls are throttled. Every field is optional; an empty scenario is a healthy, well-behaved AWS.
 */

const behaviour = z
  .object({
    image: z.string(),
    container: z.string(),
    family: z.string(),
    command: z.string(),
    pullSeconds: z.number().nonnegative(),
    pullError: z.union([z.boolean(), z.string()]),
    repositoryMissing: z.boolean(),
    platforms: z.array(z.string().regex(/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/)),
    manifestList: z.boolean(),
    secretsError: z.union([z.boolean(), z.string()]),
    readySeconds: z.number().nonnegative(),
    health: z.enum(['pass', 'fail']),
    healthOutput: z.string(),
    probeSeconds: z.number().nonnegative(),
    transientFailures: z.number().int().nonnegative(),
    exitAfterSeconds: z.number().nonnegative(),
    exitCode: z.number().int(),
    oomAfterSeconds: z.number().nonnegative(),
    stopExitCode: z.number().int(),
    elb: z.enum(['healthy', 'Target.FailedHealthChecks', 'Target.ResponseCodeMismatch', 'Target.Timeout']),
    elbHttpCode: z.number().int(),
    logs: z.array(z.string()),
    exitLogs: z.array(z.string()),
  })
  .partial()
  .strict();

const targetGroupSettings = z
  .object({
    healthCheckIntervalSeconds: z.number().positive(),
    healthyThresholdCount: z.number().int().positive(),
    unhealthyThresholdCount: z.number().int().positive(),
    deregistrationDelaySeconds: z.number().nonnegative(),
    registrationSeconds: z.number().nonnegative(),
  })
  .partial()
  .strict();

export const throttleRule = z
  .object({
    /** A signing name (ecs, logs, cloudformation, sts, iam, secretsmanager, ssm, …); all when left out. */
    service: z.string().optional(),
    operation: z.string().optional(),
    /** Throttle the first N matching calls. */
    first: z.number().int().nonnegative().optional(),
    /** Throttle this fraction of matching calls (after the first N). */
    rate: z.number().min(0).max(1).optional(),
  })
  .strict();

const alarmState = z.enum(['OK', 'ALARM', 'INSUFFICIENT_DATA']);

const alarm = z
  .object({
    name: z.string().min(1),
    state: alarmState.optional(),
    reason: z.string().optional(),
    namespace: z.string().optional(),
    metricName: z.string().optional(),
    /** Changes state a set time after a matching ECS service deployment was created. */
    on: z
      .object({
        service: z.string().optional(),
        image: z.string().optional(),
        family: z.string().optional(),
        afterSeconds: z.number().nonnegative(),
        state: alarmState,
        reason: z.string().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const responseRule = z
  .object({
    method: z.string(),
    path: z.string(),
    image: z.string(),
    family: z.string(),
    revision: z.number().int().positive(),
    afterHealthySeconds: z.number().nonnegative(),
    status: z.number().int().min(100).max(599),
    headers: z.record(z.string(), z.string().nullable()),
    body: z.unknown(),
    bodyBytes: z.number().int().nonnegative(),
    latencyMs: z.number().nonnegative(),
    cachedLatencyMs: z.number().nonnegative(),
  })
  .partial()
  .strict();

const loadBalancer = z
  .object({
    name: z.string().min(1),
    targetGroup: z.string().min(1),
    responses: z.array(responseRule).optional(),
  })
  .strict();

export const scenarioSchema = z
  .object({
    seed: z.number().int(),
    region: z.string(),
    accountId: z.string().regex(/^\d{12}$/),
    clusters: z.array(z.string()),
    images: z.array(behaviour),
    ecs: z
      .object({
        provisioningSeconds: z.number().nonnegative(),
        stopStepSeconds: z.number().nonnegative(),
        schedulerDelaySeconds: z.number().nonnegative(),
        launchBackoff: z.object({
          afterFailures: z.number().int().positive(),
          baseSeconds: z.number().nonnegative(),
          maxSeconds: z.number().nonnegative(),
        }),
        stoppedTaskRetentionSeconds: z.number().positive(),
        extraContainers: z.array(
          z
            .object({ name: z.string(), image: z.string(), position: z.enum(['first', 'last']).optional() })
            .strict(),
        ),
      })
      .partial()
      .strict(),
    elb: targetGroupSettings.extend({ targetGroups: z.record(z.string(), targetGroupSettings) }).partial(),
    logs: z
      .object({
        autoCreateGroups: z.boolean(),
        groups: z.array(z.string()),
        filterPageSize: z.number().int().positive(),
      })
      .partial()
      .strict(),
    cfn: z
      .object({
        resourceSeconds: z.number().nonnegative(),
        stabilizePollSeconds: z.number().positive(),
        stabilizeTimeoutSeconds: z.number().positive(),
        changeSetSeconds: z.number().nonnegative(),
        eventsPageSize: z.number().int().positive(),
        failResources: z.array(
          z
            .object({
              logicalId: z.string().optional(),
              type: z.string().optional(),
              on: z.enum(['create', 'update', 'delete']).optional(),
              message: z.string(),
            })
            .strict(),
        ),
      })
      .partial()
      .strict(),
    throttle: z.array(throttleRule),
    /** Engine versions RDS offers, per engine, replacing the built-in catalogue for the engines named. */
    rds: z
      .object({ engineVersions: z.record(z.string(), z.array(z.string())) })
      .partial()
      .strict(),
    /** IAM roles that exist, by name; when left out, every role a task definition names exists. */
    iam: z.object({ roles: z.array(z.string()) }).strict(),
    /** Secrets Manager secrets that exist, by name (`deleted`: scheduled for deletion); when left out, all do. */
    secrets: z.array(
      z.union([
        z.string(),
        z.object({ name: z.string(), deleted: z.boolean() }).partial({ deleted: true }).strict(),
      ]),
    ),
    /** SSM parameters that exist (a name, or name, type and value); when left out, every one asked for exists. */
    ssmParameters: z.array(
      z.union([
        z.string(),
        z
          .object({
            name: z.string(),
            type: z.enum(['String', 'StringList', 'SecureString']).optional(),
            value: z.string().optional(),
          })
          .strict(),
      ]),
    ),
    /** CloudWatch alarms that exist (DescribeAlarms, SetAlarmState), with optional state changes on deployments. */
    alarms: z.array(alarm),
    /** Load balancers whose listener the emulator serves on a local port, answering for a target group's tasks. */
    loadBalancers: z.array(loadBalancer),
  })
  .partial()
  .strict();

export type Scenario = z.infer<typeof scenarioSchema>;
export type ThrottleRule = z.infer<typeof throttleRule>;

export function parseScenario(value: unknown): Scenario {
  const r = scenarioSchema.safeParse(value ?? {});
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`invalid scenario: ${issues}`);
  }
  return r.data;
}

export function loadScenario(file: string): Scenario {
  return parseScenario(JSON.parse(readFileSync(file, 'utf8')));
}
