import { writeFileSync } from 'node:fs';
import type { Clock } from '../../core/clock.js';
import { systemClock } from '../../core/clock.js';
import type { Service, Stack } from '../../spec/types.js';
import type {
  ChangePreview,
  Fields,
  FollowLogsOptions,
  Gate,
  GateOptions,
  Observed,
  RuntimeState,
  Target,
  Unit,
  Verdict,
} from '../target.js';
import { failed } from '../verdicts.js';
import { alarmState, type AlarmStateValue } from './alarms.js';
import { awaitCfn, startCfn } from './cfn-phase.js';
import { previewCfn, stackOutputs } from './cfn-preview.js';
import { createAwsClients, type AwsClients } from './clients.js';
import { Memory, type AwsContext } from './context.js';
import { awaitJob, startJob } from './ecs-job.js';
import { awaitRollback, awaitService, startService, stopWithRollback } from './ecs-service.js';
import { describeServiceDeployment, inProgress } from './service-deployment.js';
import { evidenceOf, logsOf } from './evidence.js';
import { fileFields } from './fields.js';
import { followAwsLogs } from './follow-logs.js';
import { observeAws } from './observe.js';
import { ClusterPoller } from './poller.js';
import { Registrar, REGISTER_RATE } from './registrar.js';
import type { Rate } from './pacer.js';
import { statusOf, type TdCache } from './status.js';
import { scaleService } from './scale.js';
import { scaleDown } from './stop.js';
import { locate, recentTasks } from './tasks.js';
import { searchLogs, type LogLine } from './log-search.js';
import { errorMessage, errorName } from './util.js';
import { InvalidInputError } from '../../errors.js';

export interface AwsTargetOptions {
  stack: Stack;
  clock?: Clock;
  /** The environment convoy was given: SDK settings such as AWS_MAX_ATTEMPTS (the SDK reads credentials itself). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Injected by tests; otherwise real SDK clients from the standard provider chain. */
  clients?: AwsClients;
  /** First poll interval; default CONVOY_AWS_POLL_MS or 2 s. It backs off to 7.5× while nothing changes. */
  pollMs?: number;
  /**
   * While a deployment plans, a CloudFormation stack a person must repair (ROLLBACK_COMPLETE,
   * UPDATE_ROLLBACK_FAILED) stops it with exit 3; read-only commands just report it.
   */
  refuseBrokenStacks?: boolean;
  /** Where close() writes the API call counts; default CONVOY_AWS_CALLS_FILE. */
  callsFile?: string;
  /** How fast task definitions may be registered; default ECS's quota with room to spare (registrar.ts). */
  registerRate?: Rate;
  /** Logical ids a change set may remove or replace although their type is protected (`--allow-replace`). */
  allowReplace?: readonly string[];
}

const DEFAULT_POLL_MS = 2_000;

export function createAwsTarget(opts: AwsTargetOptions): AwsTarget {
  return new AwsTarget(opts);
}

/**
 * The `aws` target: ECS services (`kind: service` with `aws`), one-off ECS tasks (`kind: job`) and CloudFormation
 * phases (`kind: cloudformation`). start() rejects with AWS's own words when AWS refuses (the engine makes that a
 * `start-failed` verdict); awaitGate() follows what ECS and CloudFormation do until a verdict, and rejects only
 * when the engine's signal stops it.
 */
export class AwsTarget implements Target {
  readonly kind = 'aws';
  readonly clients: AwsClients;
  private readonly ctx: AwsContext;
  private readonly pollers = new Map<string, ClusterPoller>();
  private readonly tdCache: TdCache = new Map();
  private regionOnce?: Promise<string>;

  constructor(private readonly opts: AwsTargetOptions) {
    this.clients = opts.clients ?? createAwsClients({ region: opts.stack.aws?.region }, opts.env ?? {});
    const pollMs = opts.pollMs ?? DEFAULT_POLL_MS;
    const maxPollMs = Math.max(pollMs, Math.round(pollMs * 7.5));
    const clock = opts.clock ?? systemClock;
    this.ctx = {
      stack: opts.stack,
      clients: this.clients,
      clock,
      memory: new Memory(),
      registrar: new Registrar(
        this.clients.ecs,
        clock,
        opts.registerRate ?? REGISTER_RATE,
        opts.stack.deploy.failFast !== 'verdict',
      ),
      timing: { pollMs, maxPollMs },
      allowReplace: new Set(opts.allowReplace ?? []),
      region: () => (this.regionOnce ??= this.clients.region()),
      poller: (cluster) => {
        let p = this.pollers.get(cluster);
        if (!p)
          this.pollers.set(
            cluster,
            (p = new ClusterPoller(this.clients.ecs, clock, cluster, { pollMs, maxPollMs })),
          );
        return p;
      },
    };
  }

  /** API requests so far, per `service.Operation`: what a deployment cost. */
  apiCalls(): Record<string, number> {
    return this.clients.calls.snapshot();
  }

  /** Poll rounds so far per cluster, to relate DescribeServices calls to rounds. */
  pollRounds(): Record<string, number> {
    return Object.fromEntries([...this.pollers].map(([c, p]) => [c, p.rounds]));
  }

  /** Registers the deployment's task definitions ahead of their services' turns, most urgent first. */
  prepare(units: readonly Unit[], signal: AbortSignal): Promise<void> {
    for (const u of units) {
      const at = u.service.kind === 'service' ? locate(this.ctx, u.service) : undefined;
      if (at?.serviceName) this.ctx.poller(at.cluster).expect([at.serviceName]);
    }
    return this.ctx.registrar.prepare(units, signal);
  }

  async start(unit: Unit): Promise<void> {
    const s = unit.service;
    const before = this.ctx.memory.runs.get(s.name);
    this.ctx.memory.runs.delete(s.name);
    // Going back while our service deployment is still in progress: ECS rolls it back itself.
    const stoppable =
      unit.returning && before?.kind === 'service' && before.native?.arn
        ? await describeServiceDeployment(this.ctx, before.native.arn).catch(() => undefined)
        : undefined;
    const run =
      stoppable && inProgress(stoppable) && before?.kind === 'service'
        ? await stopWithRollback(this.ctx, before, unit.revision)
        : s.kind === 'cloudformation' && s.cloudformation
          ? await startCfn(this.ctx, unit)
          : !s.aws
            ? undefined
            : s.kind === 'job'
              ? await startJob(this.ctx, unit)
              : await startService(this.ctx, unit);
    if (!run) throw new Error(`service ${s.name} has no "aws" block, so the aws target cannot run it`);
    // A failure kept from earlier stays: after a rollback restarts the service it is still what evidence() shows.
    this.ctx.memory.runs.set(s.name, run);
    if (run.kind !== 'cloudformation' && run.taskDefinition.taskDefinitionArn) {
      const known = { taskDefinition: run.taskDefinition, tags: run.taskDefinitionTags };
      this.tdCache.set(run.taskDefinition.taskDefinitionArn, Promise.resolve(known));
    }
  }

  scale(unit: Unit, replicas: number, opts: GateOptions): Promise<Verdict> {
    return scaleService(this.ctx, unit, replicas, opts);
  }

  async awaitGate(unit: Unit, gate: Gate, opts: GateOptions): Promise<Verdict> {
    opts.signal?.throwIfAborted();
    const run = this.ctx.memory.runs.get(unit.service.name);
    if (!run || run.revision !== unit.revision) {
      return failed(
        'start-failed',
        this.ctx.clock.now(),
        `revision ${unit.revision} of ${unit.service.name} was never started`,
      );
    }
    if (run.kind === 'service' && run.native?.waitUntil === 'rolled-back')
      return awaitRollback(this.ctx, { ...run, native: run.native }, gate, opts);
    if (run.kind === 'service') return awaitService(this.ctx, unit, run, gate, opts);
    if (run.kind === 'job') return awaitJob(this.ctx, unit, run, gate, opts);
    return awaitCfn(this.ctx, unit, run, gate, opts);
  }

  async outputs(unit: Unit): Promise<Record<string, string>> {
    const cf = unit.service.cloudformation;
    return cf ? stackOutputs(this.ctx, cf.stackName) : {};
  }

  /** What a CloudFormation phase would change, from a change set created and deleted again: `convoy plan`. */
  preview(unit: Unit, signal?: AbortSignal): Promise<ChangePreview | undefined> {
    return previewCfn(this.ctx, unit, signal);
  }

  async stop(name: string): Promise<void> {
    const s = this.service(name);
    if (!s?.aws) return;
    const at = locate(this.ctx, s)!;
    if (at.serviceName) {
      await scaleDown(this.ctx, at.cluster, at.serviceName, { delete: false });
      return;
    }
    for (const t of await recentTasks(this.ctx, at)) {
      if (t.lastStatus !== 'STOPPED' && t.desiredStatus !== 'STOPPED') {
        await this.clients.ecs.stopTask({
          cluster: at.cluster,
          task: t.taskArn,
          reason: 'stopped by convoy',
        });
      }
    }
  }

  async status(names?: string[]): Promise<RuntimeState[]> {
    const wanted = names ?? this.opts.stack.services.map((s) => s.name);
    const known = wanted.map(
      (n) => this.service(n) ?? ({ name: n, kind: 'service', dependsOn: [] } as Service),
    );
    return statusOf(this.ctx, known, this.tdCache, {
      refuseBrokenStacks: this.opts.refuseBrokenStacks === true,
    }).catch((err: unknown) => Promise.reject(explainSetupError(err)));
  }

  async logs(name: string, lines: number, opts: { currentRun?: boolean } = {}): Promise<string[]> {
    const s = this.service(name);
    if (!s) return [];
    return logsOf(this.ctx, s, lines, opts.currentRun === true, this.tdCache);
  }

  fieldsOf(service: Service): Fields {
    return fileFields(service, this.opts.stack.name);
  }

  observe(services: readonly Service[]): Promise<Observed[]> {
    return observeAws(this.ctx, services, this.tdCache).catch((err: unknown) =>
      Promise.reject(explainSetupError(err)),
    );
  }

  async *followLogs(name: string, opts: FollowLogsOptions): AsyncIterable<string> {
    try {
      yield* followAwsLogs(this.ctx, this.service(name), opts, this.tdCache);
    } catch (err) {
      throw explainSetupError(err);
    }
  }

  /** ECS services are scaled to zero and deleted; CloudFormation stacks are left alone (they own more than tasks). */
  async down(): Promise<string[]> {
    const stopped = await Promise.all(
      this.opts.stack.services.map(async (s) => {
        if (!s.aws) return undefined;
        const at = locate(this.ctx, s)!;
        if (at.serviceName)
          return (await scaleDown(this.ctx, at.cluster, at.serviceName, { delete: true }))
            ? s.name
            : undefined;
        const running = (await recentTasks(this.ctx, at)).filter((t) => t.lastStatus !== 'STOPPED');
        for (const t of running)
          await this.clients.ecs.stopTask({ cluster: at.cluster, task: t.taskArn, reason: 'convoy down' });
        return running.length ? s.name : undefined;
      }),
    );
    return stopped.filter((n): n is string => n !== undefined).sort();
  }

  async evidence(name: string): Promise<Record<string, unknown>> {
    const s = this.service(name);
    return s ? evidenceOf(this.ctx, s, this.tdCache) : {};
  }

  /** What the service logged since `sinceMs`, from CloudWatch Logs (log-search.ts). */
  async searchLogs(name: string, opts: { sinceMs: number; literal?: string }): Promise<LogLine[]> {
    const s = this.service(name);
    if (!s) throw new Error(`no service named ${name} in stack ${this.opts.stack.name}`);
    return searchLogs(this.ctx, s, this.tdCache, opts);
  }

  /** A CloudWatch alarm's state (DescribeAlarms). */
  alarmState(alarmName: string): Promise<{ state: AlarmStateValue; reason?: string; updatedAt?: number }> {
    return alarmState(this.ctx, alarmName);
  }

  /**
   * Closes connections. With CONVOY_AWS_CALLS_FILE set, first writes what this process cost: requests per
   * `service.Operation` (retries included) and poll rounds per cluster, for CI dashboards and tests.
   */
  close(): void {
    const file = this.opts.callsFile;
    if (file) {
      try {
        writeFileSync(
          file,
          JSON.stringify(
            { calls: this.apiCalls(), total: this.clients.calls.total, pollRounds: this.pollRounds() },
            null,
            2,
          ),
        );
      } catch {
        // A report that cannot be written must not turn a finished deployment into an error.
      }
    }
    this.clients.destroy();
  }

  private service(name: string): Service | undefined {
    return this.opts.stack.services.find((s) => s.name === name);
  }
}

/** Missing credentials or region are the user's setup, not a bug: say what to set (exit 3). */
function explainSetupError(err: unknown): unknown {
  const name = errorName(err);
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(errorMessage(err))) {
    return new InvalidInputError(
      `no AWS credentials found (${errorMessage(err)})`,
      undefined,
      'set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where an IAM role is available',
    );
  }
  if (/Region is missing/i.test(errorMessage(err))) {
    return new InvalidInputError(
      'no AWS region configured',
      undefined,
      'set aws.region in the stack file, or AWS_REGION',
    );
  }
  return err;
}
