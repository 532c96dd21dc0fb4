import type { AwsContext } from '../core/context.js';
import { AwsError } from '../core/errors.js';
import type { EventQueue, ScheduledEvent } from '../core/queue.js';
import { targetDescriptions } from '../ecs/messages.js';

/**
 * Target groups as ECS sees them: targets registered by the service scheduler, health-checked on the group's
 * interval with healthy/unhealthy thresholds, drained on deregistration. Only what DescribeTargetHealth reports.
 */

export type TargetState = 'initial' | 'healthy' | 'unhealthy' | 'draining';

export interface ProbeOutcome {
  ok: boolean;
  reason?: 'Target.FailedHealthChecks' | 'Target.ResponseCodeMismatch' | 'Target.Timeout';
  httpCode?: number;
}

export interface TargetGroupSettings {
  healthCheckIntervalSeconds: number;
  healthyThresholdCount: number;
  unhealthyThresholdCount: number;
  deregistrationDelaySeconds: number;
  /** How long registration takes before the first health check. */
  registrationSeconds: number;
}

/** The ELBv2 defaults for an application load balancer's target group. */
export const defaultTargetGroupSettings: TargetGroupSettings = {
  healthCheckIntervalSeconds: 30,
  healthyThresholdCount: 5,
  unhealthyThresholdCount: 2,
  deregistrationDelaySeconds: 300,
  registrationSeconds: 5,
};

/** The task behind a target, for the load balancer's listener to answer as that task's revision would. */
export interface TargetOwner {
  taskArn: string;
  taskDefinitionArn: string;
  family: string;
  /** The registered container's image. */
  image: string;
}

export class Target {
  state: TargetState = 'initial';
  /** Model time it last became healthy. */
  healthySince?: number;
  reason: string | undefined = 'Elb.RegistrationInProgress';
  httpCode?: number;
  passes = 0;
  fails = 0;
  timer?: ScheduledEvent;

  constructor(
    readonly id: string,
    readonly port: number,
    readonly probe: () => ProbeOutcome,
    readonly onChange: (t: Target) => void,
    readonly owner?: TargetOwner,
  ) {}
}

interface TargetGroup {
  arn: string;
  name: string;
  settings: TargetGroupSettings;
  targets: Map<string, Target>;
}

export class ElbModel {
  private groups = new Map<string, TargetGroup>();

  constructor(
    private readonly queue: EventQueue,
    private readonly ctx: AwsContext,
    private defaults: TargetGroupSettings = defaultTargetGroupSettings,
    private overrides: Record<string, Partial<TargetGroupSettings>> = {},
  ) {}

  configure(
    defaults: Partial<TargetGroupSettings>,
    overrides: Record<string, Partial<TargetGroupSettings>> = {},
  ): void {
    this.defaults = { ...defaultTargetGroupSettings, ...defaults };
    this.overrides = overrides;
    for (const arn of Object.keys(overrides)) this.ensure(arn);
    for (const g of this.groups.values()) g.settings = this.settingsFor(g.arn);
  }

  /** Target groups come into being when something references them; real ones would exist already. */
  ensure(arn: string): TargetGroup {
    let g = this.groups.get(arn);
    if (!g) {
      const name = /targetgroup\/([^/]+)/.exec(arn)?.[1] ?? arn;
      g = { arn, name, settings: this.settingsFor(arn), targets: new Map() };
      this.groups.set(arn, g);
    }
    return g;
  }

  settings(arn: string): TargetGroupSettings {
    return this.ensure(arn).settings;
  }

  register(
    arn: string,
    id: string,
    port: number,
    probe: () => ProbeOutcome,
    onChange: (t: Target) => void,
    owner?: TargetOwner,
  ): Target {
    const g = this.ensure(arn);
    const t = new Target(id, port, probe, onChange, owner);
    g.targets.set(`${id}:${port}`, t);
    t.timer = this.queue.after(g.settings.registrationSeconds * 1000, 'target registered', () => {
      t.reason = 'Elb.InitialHealthChecking';
      this.changed(t);
      this.scheduleCheck(g, t);
    });
    return t;
  }

  deregister(arn: string, t: Target): void {
    const g = this.ensure(arn);
    this.queue.cancel(t.timer);
    t.state = 'draining';
    t.reason = 'Target.DeregistrationInProgress';
    this.changed(t);
    t.timer = this.queue.after(g.settings.deregistrationDelaySeconds * 1000, 'target drained', () => {
      g.targets.delete(`${t.id}:${t.port}`);
    });
  }

  /** The targets of a group named by ARN or name, undefined when no such group exists yet. */
  targetsOf(ref: string): Target[] | undefined {
    const g = this.groups.get(ref) ?? [...this.groups.values()].find((x) => x.name === ref);
    return g ? [...g.targets.values()] : undefined;
  }

  describeTargetHealth(arn: string, only?: { Id?: string; Port?: number }[]) {
    const g = this.groups.get(arn);
    if (!g) throw new AwsError('TargetGroupNotFound', 'One or more target groups not found');
    const all = [...g.targets.values()].filter(
      (t) => !only?.length || only.some((o) => o.Id === t.id && (o.Port === undefined || o.Port === t.port)),
    );
    return all.map((t) => ({
      Target: { Id: t.id, Port: t.port, AvailabilityZone: `${this.ctx.region}a` },
      HealthCheckPort: String(t.port),
      TargetHealth: {
        State: t.state,
        ...(t.reason
          ? {
              Reason: t.reason,
              Description: targetDescriptions[t.reason]?.replace('{code}', String(t.httpCode ?? 502)),
            }
          : {}),
      },
    }));
  }

  describeTargetGroups(arns?: string[], names?: string[]) {
    let groups = [...this.groups.values()];
    if (arns?.length) {
      if (arns.some((a) => !this.groups.has(a))) {
        throw new AwsError('TargetGroupNotFound', 'One or more target groups not found');
      }
      groups = groups.filter((g) => arns.includes(g.arn));
    }
    if (names?.length) groups = groups.filter((g) => names.includes(g.name));
    return groups.map((g) => ({
      TargetGroupArn: g.arn,
      TargetGroupName: g.name,
      Protocol: 'HTTP',
      Port: 80,
      HealthCheckProtocol: 'HTTP',
      HealthCheckPort: 'traffic-port',
      HealthCheckEnabled: true,
      HealthCheckIntervalSeconds: g.settings.healthCheckIntervalSeconds,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: g.settings.healthyThresholdCount,
      UnhealthyThresholdCount: g.settings.unhealthyThresholdCount,
      HealthCheckPath: '/',
      Matcher: { HttpCode: '200' },
      TargetType: 'ip',
      LoadBalancerArns: [],
    }));
  }

  private scheduleCheck(g: TargetGroup, t: Target): void {
    t.timer = this.queue.after(g.settings.healthCheckIntervalSeconds * 1000, 'target health check', () => {
      this.check(g, t);
      this.scheduleCheck(g, t);
    });
  }

  private check(g: TargetGroup, t: Target): void {
    const r = t.probe();
    const before = `${t.state}/${t.reason}`;
    if (r.ok) {
      t.passes++;
      t.fails = 0;
      if (t.state !== 'healthy' && t.passes >= g.settings.healthyThresholdCount) {
        t.state = 'healthy';
        t.reason = undefined;
        t.healthySince = this.queue.now;
      }
    } else {
      t.fails++;
      t.passes = 0;
      if (t.state !== 'unhealthy' && t.fails >= g.settings.unhealthyThresholdCount) {
        t.state = 'unhealthy';
        t.reason = r.reason ?? 'Target.FailedHealthChecks';
        t.httpCode = r.httpCode;
      }
    }
    if (`${t.state}/${t.reason}` !== before) this.changed(t);
  }

  private changed(t: Target): void {
    t.onChange(t);
  }

  private settingsFor(arn: string): TargetGroupSettings {
    return { ...this.defaults, ...(this.overrides[arn] ?? {}) };
  }
}
