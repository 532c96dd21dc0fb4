import { z } from 'zod';
import { postCheckSchemas } from './post-checks.js';

/** Durations are written like ECS/compose ("2s", "500ms", "1m", "1h") or as a number of seconds. */
export const DURATION_PATTERN = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function parseDuration(value: string | number): number {
  if (typeof value === 'number') return Math.round(value * 1000);
  const m = DURATION_PATTERN.exec(value.trim());
  if (!m) throw new Error(`not a duration: ${value}`);
  return Math.round(Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS]);
}

export const Duration = z
  .union([
    z.number().nonnegative(),
    z.string().regex(DURATION_PATTERN, 'expected a duration such as "500ms", "2s", "1m", "1h" or "7d"'),
  ])
  .transform((v) => parseDuration(v));

const Port = z
  .union([z.number().int(), z.string().regex(/^\d+$/, 'expected a port number').transform(Number)])
  .pipe(z.number().int().min(1).max(65535));

/**
 * An env entry as loaded. `source` is the value as written in the stack file (`${API_TOKEN}`), kept for secret
 * entries so the state store can hold where a secret comes from instead of the secret (spec/secrets.ts). `sealed`
 * marks an entry read back from the store: its `value` is empty until resolved again from `source`.
 */
export interface EnvEntry {
  value: string;
  secret: boolean;
  source?: string;
  /** The opt-in encrypted copy (spec/secret-copy.ts), for a rollback whose source is gone. */
  copy?: string;
  sealed?: true;
}

/** An env value: a plain scalar, or `{ value, secret: true }` so it is never shown in output or history. */
export const EnvValue = z
  .union([
    z.union([z.string(), z.number(), z.boolean()]).transform((v) => ({ value: String(v), secret: false })),
    z.strictObject({
      value: z.union([z.string(), z.number(), z.boolean()]).transform(String),
      secret: z.boolean().default(true),
    }),
  ])
  .transform((e): EnvEntry => e);

export const HealthCheckCommand = z
  .array(z.string())
  .min(2)
  .refine((c) => c[0] === 'CMD' || c[0] === 'CMD-SHELL', {
    message: 'a health check command starts with "CMD" or "CMD-SHELL", as in ECS',
  })
  .refine((c) => c[0] !== 'CMD-SHELL' || c.length === 2, {
    message: '"CMD-SHELL" takes exactly one string: the shell command',
  });

export const HealthCheck = z
  .strictObject({
    command: HealthCheckCommand.optional(),
    http: z
      .strictObject({
        url: z.url({ protocol: /^https?$/ }),
        /** Status codes that count as healthy; default 200–399. */
        expectStatus: z.array(z.number().int()).optional(),
      })
      .optional(),
    tcp: z.strictObject({ host: z.string().default('127.0.0.1'), port: Port }).optional(),
    interval: Duration.default(30_000),
    timeout: Duration.default(5_000),
    retries: z.number().int().min(1).max(10).default(3),
    startPeriod: Duration.default(0),
    /** Docker's start_interval: probe this often inside startPeriod until the first pass (default: interval). */
    startInterval: Duration.optional(),
  })
  .refine((h) => [h.command, h.http, h.tcp].filter((x) => x !== undefined).length === 1, {
    message: 'a healthCheck has exactly one of command, http or tcp',
  });

/** Post-deploy checks (`verify:`) and the bake window (`bake:`): spec/post-checks.ts. */
const { Verify, Bake } = postCheckSchemas(Duration, Port);

export const LocalBlock = z.strictObject({
  command: z.string().min(1),
  args: z.array(z.string()).default([]),
  env: z.record(z.string(), EnvValue).default({}),
  /** Relative to the stack file's folder. */
  cwd: z.string().optional(),
  port: Port.optional(),
});

/**
 * ECS: native JSON files, as ecspresso and the console use them (`${VAR}` interpolated, paths relative to the stack
 * file). `runTask` (jobs) holds RunTask input such as launchType and networkConfiguration.
 */
/** ECS's service deployment lifecycle stages, in order (DescribeServiceDeployments `lifecycleStage`). */
export const LIFECYCLE_STAGES = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
  'BAKE_TIME',
  'CLEAN_UP',
] as const;

/** Stages a lifecycle hook (and so `pauseAt`) can hold. */
export const HOOK_STAGES = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
] as const;

/**
 * ECS `deploymentConfiguration`, laid over the service definition's: the native strategies and their settings are
 * checked here, everything else is passed to ECS as written.
 */
export const EcsDeploymentConfiguration = z.looseObject({
  strategy: z.enum(['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY']).optional(),
  bakeTimeInMinutes: z.number().int().min(0).max(1440).optional(),
});

export const AwsServiceBlock = z.strictObject({
  taskDefinition: z.string().min(1),
  serviceDefinition: z.string().min(1).optional(),
  runTask: z.string().min(1).optional(),
  cluster: z.string().min(1).optional(),
  deploymentConfiguration: EcsDeploymentConfiguration.optional(),
  /**
   * The gate of a service with a deployment strategy: `deployed` (the service deployment is SUCCESSFUL), `stable`
   * (and the service is steady) or `ecs:<LIFECYCLE_STAGE>` (the service deployment reached that stage).
   */
  waitUntil: z
    .union([z.enum(['deployed', 'stable']), z.templateLiteral(['ecs:', z.enum(LIFECYCLE_STAGES)])])
    .optional(),
  /** Pause at this stage with a PAUSE hook; the services of a wave pausing at one stage are decided together. */
  pauseAt: z.enum(HOOK_STAGES).optional(),
});

/** A CloudFormation phase: create/update `stackName` from `template` through a change set, or only watch it. */
export const CloudFormationBlock = z.strictObject({
  stackName: z.string().min(1),
  template: z.string().min(1).optional(),
  parameters: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String))
    .default({}),
  capabilities: z.array(z.string()).default([]),
  /** Warn when no stack event arrives for this long. */
  stallWarning: Duration.default(300_000),
  /**
   * Resource type prefixes whose removal or replacement stops the deployment before the change set runs (unless
   * `--allow-replace` names the resource); default: stateful resources and load balancers. `[]` protects nothing.
   */
  protect: z.array(z.string().min(1)).optional(),
});

export const StoreBlock = z
  .strictObject({
    kind: z.enum(['sqlite', 'dynamodb']).default('sqlite'),
    /** sqlite: the file, relative to the stack file (default .convoy/state.db). */
    path: z.string().min(1).optional(),
    /**
     * Opt in to an encrypted copy of each secret in the store, used by a rollback when the secret's source is gone:
     * a file (relative to the stack file) holding a 32-byte key as 64 hex digits, mode 0600; the store never holds it.
     */
    secretCopyKey: z.string().min(1).optional(),
    /** dynamodb: the table (see `convoy store init`). */
    table: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{3,255}$/, 'a DynamoDB table name is 3–255 letters, digits, "_", "-" and "."')
      .optional(),
    region: z.string().min(1).optional(),
    /** dynamodb: a non-AWS endpoint such as a local DynamoDB; AWS_ENDPOINT_URL_DYNAMODB also works. */
    endpoint: z.url().optional(),
    /** Deployments, steps and events older than this are pruned (DynamoDB: expired by TTL). */
    retention: Duration.default(90 * 86_400_000),
    /** Queue entries older than this are pruned, dead or alive. */
    queueRetention: Duration.default(7 * 86_400_000),
  })
  .refine((st) => st.kind !== 'dynamodb' || st.table !== undefined, {
    message: 'a dynamodb store needs "table"',
    path: ['table'],
  });

export const AwsStackBlock = z.strictObject({
  region: z.string().min(1).optional(),
  /** Default ECS cluster for every service. */
  cluster: z.string().min(1).optional(),
});

export const Condition = z.enum(['started', 'healthy', 'completed']);

const DependsOnLong = z.record(z.string(), z.strictObject({ condition: Condition }));
export const DependsOn = z.union([z.array(z.string()), DependsOnLong]);

export const ServiceSpec = z.strictObject({
  /** `job` runs once to completion (a migration); `service` keeps running. */
  kind: z.enum(['service', 'job', 'cloudformation']).default('service'),
  /** A label for people (image tag, git SHA); part of the revision. */
  version: z.union([z.string(), z.number()]).transform(String).optional(),
  dependsOn: DependsOn.default([]),
  healthCheck: HealthCheck.optional(),
  /**
   * `convoy scale` may run up to `max` copies of the service (locally: processes on ports port, port+1, …); not part
   * of the revision.
   */
  scale: z.strictObject({ max: z.number().int().min(1) }).optional(),
  local: LocalBlock.optional(),
  aws: AwsServiceBlock.optional(),
  cloudformation: CloudFormationBlock.optional(),
  verify: Verify.optional(),
});

export const FailFast = z.enum(['conclusive', 'verdict']);

/*
 * The `notify:` block (README "Notifications"): channels that read the stack's stored events; credentials come from
 * `${VAR}`s.
 */
// Empty is allowed: commands that only read state (status, history) load the file without deploy-time secrets, and
// an unset variable reads as "". A channel with an empty credential refuses to send (notify.failed).
const Secret = z.string();
const HttpUrl = z.union([z.literal(''), z.url({ protocol: /^https?$/ })]);
/*
 * A base URL that may be built from a `${VAR}` the read-only commands (status, down) do not have: there it reads as
 * a bare path ("/api/"), which is fine, since they never send; a channel checks it when it opens to send.
 */
const BaseUrl = z.union([z.literal(''), z.url({ protocol: /^https?$/ }), z.string().startsWith('/')], {
  error: 'expected an http(s) URL',
});

/** Standard Webhooks: `secret` signs; `previousSecret` also signs during a rotation, so either verifies. */
const WebhookBlock = z.strictObject({
  url: HttpUrl,
  secret: Secret,
  previousSecret: Secret.optional(),
});

/*
 * Who is paged when a rollback fails: Slack's own mention syntax, since a plain "@oncall" notifies nobody. One or
 * more of <!subteam^S…> (a user group), <@U…> (a person), <!here>, <!channel>, separated by spaces.
 */
const ONE_MENTION = String.raw`<(?:!subteam\^[A-Z0-9]+|@[UW][A-Z0-9]+|!here|!channel)>`;
const MENTION = new RegExp(`^${ONE_MENTION}(?: ${ONE_MENTION})*$`);
const Mention = z
  .string()
  .regex(MENTION, 'expected a Slack mention such as "<!subteam^S0123ABC>", "<@U0123ABC>" or "<!here>"');

/** Slack Web API: one parent message per deployment, edited in place, details in its thread. */
const SlackBlock = z.strictObject({
  token: Secret,
  channel: z.string().min(1),
  /** Another Web API base such as an Enterprise Grid proxy (default https://slack.com/api/). */
  apiUrl: BaseUrl.optional(),
  /** Added to the rollback-failed message (broadcast from the thread). */
  mention: Mention.optional(),
});

/** Slack incoming webhook: a simpler fallback, one message per milestone. */
const SlackWebhookBlock = z.strictObject({
  url: HttpUrl,
  /** Added to the rollback-failed message. */
  mention: Mention.optional(),
});

/*
 * Links shown with a deployment (Slack's parent and milestones, GitHub's statuses). Usually `${VAR}`s; where a
 * command loads the file without them a link reads as "" or a bare path and is left out.
 */
const LinksBlock = z.strictObject({
  /** Where the deployed stack is watched, e.g. the AWS console's ECS cluster page. */
  console: BaseUrl.optional(),
  /** The CI run that deployed. Default: the GitHub Actions run the deployment recorded (GITHUB_RUN_ID…). */
  ci: BaseUrl.optional(),
  /** Convoy's dashboard (`convoy serve`) or any other. */
  dashboard: BaseUrl.optional(),
});

/** How a deployment ended, as its record says (`convoy history`). */
export const OUTCOMES = ['succeeded', 'failed', 'rollback-failed', 'interrupted'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** GitHub: a Deployment for the environment, its statuses, and a commit status `convoy/<stack>` on the sha. */
const GitHubBlock = z.strictObject({
  token: Secret,
  repository: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'expected "owner/repo"'),
  environment: z.string().min(1),
  /** GitHub Enterprise, e.g. https://github.example.com/api/v3 (default https://api.github.com). */
  apiUrl: BaseUrl.optional(),
  /** Shown on the deployment: where the deployed stack is, and its log (a CI run, a dashboard). */
  environmentUrl: z.url().optional(),
  logUrl: z.url().optional(),
});

export const NotifyChannelSpec = z
  .strictObject({
    webhook: WebhookBlock.optional(),
    slack: SlackBlock.optional(),
    slackWebhook: SlackWebhookBlock.optional(),
    github: GitHubBlock.optional(),
    /** Event codes to send; `deploy.*` matches a prefix. Default: each kind's own choice. */
    events: z.array(z.string().min(1)).optional(),
    /**
     * Only deployments that ended this way: their events are held until the deployment ends, then sent (all of
     * them, in order) or skipped. Events outside any deployment are skipped. Default: every deployment, live.
     */
    outcomes: z.array(z.enum(OUTCOMES)).min(1).optional(),
    links: LinksBlock.optional(),
    /** One request's time limit. */
    timeout: Duration.default(10_000),
    /** Attempts for one event in one run before the sender leaves it to the next run. */
    attempts: z.number().int().min(1).max(50).default(8),
    /** An event older than this is no longer worth sending: reported once and skipped. */
    maxAge: Duration.default(86_400_000),
  })
  .refine((c) => [c.webhook, c.slack, c.slackWebhook, c.github].filter((x) => x !== undefined).length === 1, {
    message: 'a notify channel has exactly one of webhook, slack, slackWebhook or github',
  });

export const NotifyBlock = z.record(
  z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'a channel name is lower-case letters, digits, "-" and "_"'),
  NotifyChannelSpec,
);

export const RollbackScope = z.enum(['failed', 'changed', 'none']);

export const StackSpec = z.strictObject({
  stack: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'a stack name is letters, digits, "-" and "_"'),
  target: z.enum(['local', 'aws']).default('local'),
  deploy: z
    .strictObject({
      /** waves: a wave starts when the previous one has passed its gates; dependencies: a service starts as soon as its own dependencies are met. */
      order: z.enum(['waves', 'dependencies']).default('waves'),
      /** Longest a service may take to reach its gate before it counts as failed. */
      timeout: Duration.default(600_000),
      /**
       * conclusive: fail a service at the first evidence that waiting cannot change (a health command the shell
       * cannot find, exec format error, an image or secret that does not exist), inside the start period too;
       * verdict: wait for the health check's own verdict, as ECS does.
       */
      failFast: FailFast.default('conclusive'),
    })
    .default({ order: 'waves', timeout: 600_000, failFast: 'conclusive' }),
  rollback: z.strictObject({ scope: RollbackScope.default('failed') }).default({ scope: 'failed' }),
  lock: z
    .strictObject({ lease: Duration.default(15_000), heartbeat: Duration.default(5_000) })
    .default({ lease: 15_000, heartbeat: 5_000 }),
  store: StoreBlock.default({ kind: 'sqlite', retention: 90 * 86_400_000, queueRetention: 7 * 86_400_000 }),
  aws: AwsStackBlock.optional(),
  notify: NotifyBlock.optional(),
  verify: Verify.optional(),
  bake: Bake.optional(),
  services: z
    .record(
      z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'a service name is lower-case letters, digits, "-" and "_"'),
      ServiceSpec,
    )
    .refine((s) => Object.keys(s).length > 0, { message: 'a stack has at least one service' }),
});

export type StackSpecInput = z.input<typeof StackSpec>;
export type RawStack = z.output<typeof StackSpec>;
export type RawService = z.output<typeof ServiceSpec>;
export type HealthCheckSpec = z.output<typeof HealthCheck>;
export type LocalSpec = z.output<typeof LocalBlock>;
export type ConditionName = z.output<typeof Condition>;
export type FailFastName = z.output<typeof FailFast>;
export type RollbackScopeName = z.output<typeof RollbackScope>;
export type StoreSpec = z.output<typeof StoreBlock>;
export type AwsStackSpec = z.output<typeof AwsStackBlock>;
export type NotifyChannelRaw = z.output<typeof NotifyChannelSpec>;
export type NotifyLinks = z.output<typeof LinksBlock>;
export type CloudFormationSpec = z.output<typeof CloudFormationBlock>;
