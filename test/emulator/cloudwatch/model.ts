import type { AwsContext } from '../core/context.js';
import { AwsError } from '../core/errors.js';
import type { EventQueue } from '../core/queue.js';
import { pattern } from '../ecs/behaviour.js';
import type { EcsModel } from '../ecs/model.js';

/**
 * CloudWatch metric alarms as a deploy tool reads them: DescribeAlarms and SetAlarmState. No metrics are evaluated;
 * an alarm's state is what the scenario says, changed by SetAlarmState or by a scenario rule that fires a set time
 * after a matching ECS deployment starts (a 5xx alarm a bad revision trips). Times are model epoch ms.
 */

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
const STATES: readonly AlarmState[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA'];

export interface AlarmTrigger {
  /** The ECS service (name) whose deployment trips the alarm; any service when left out. */
  service?: string;
  /** Only deployments whose task definition runs a matching image or family (glob with `*`, or `/regex/`). */
  image?: string;
  family?: string;
  /** Model seconds after the deployment was created. */
  afterSeconds: number;
  state: AlarmState;
  reason?: string;
}

export interface AlarmRule {
  name: string;
  state?: AlarmState;
  reason?: string;
  namespace?: string;
  metricName?: string;
  on?: AlarmTrigger;
}

interface Alarm {
  name: string;
  state: AlarmState;
  reason: string;
  reasonData?: string;
  updatedAt: number;
  transitionedAt: number;
  configuredAt: number;
  namespace: string;
  metricName: string;
  on?: AlarmTrigger;
  /** Deployments that already tripped it: each trips it once. */
  fired: Set<string>;
}

const INITIAL_REASON = 'Unchecked: Initial alarm creation';

export class CloudWatchModel {
  private alarms = new Map<string, Alarm>();

  constructor(
    private readonly ctx: AwsContext,
    private readonly queue: EventQueue,
    ecs: EcsModel,
  ) {
    ecs.subscribe(({ task }) => {
      if (!task.opts.serviceName || !task.opts.deploymentId) return;
      for (const a of this.alarms.values()) {
        const on = a.on;
        if (!on || a.fired.has(task.opts.deploymentId)) continue;
        if (on.service && on.service !== task.opts.serviceName) continue;
        if (on.family && !pattern(on.family).test(task.opts.def.family ?? '')) continue;
        const images = task.opts.def.containerDefinitions.map((c) => c.image ?? '');
        if (on.image && !images.some((i) => pattern(on.image!).test(i))) continue;
        a.fired.add(task.opts.deploymentId);
        const svc = ecs.findService(task.opts.clusterName, task.opts.serviceName);
        const created = svc?.history.get(task.opts.deploymentId)?.createdAt ?? task.createdAt;
        this.queue.at(created + on.afterSeconds * 1000, `alarm ${a.name} -> ${on.state}`, () =>
          this.transition(a, on.state, on.reason ?? thresholdReason(on.state)),
        );
      }
    });
  }

  /** What ECS's deployment alarms read (ecs/native.ts); an alarm that does not exist is not in ALARM. */
  stateOf(name: string): AlarmState | undefined {
    return this.alarms.get(name)?.state;
  }

  /** Creates or replaces the alarms named; a replaced alarm keeps its state unless the rule gives one. */
  configure(rules: readonly AlarmRule[]): void {
    const now = this.queue.now;
    for (const r of rules) {
      const old = this.alarms.get(r.name);
      const state = r.state ?? old?.state ?? 'OK';
      this.alarms.set(r.name, {
        name: r.name,
        state,
        reason: r.reason ?? (r.state || !old ? thresholdReason(state, true) : old.reason),
        updatedAt: old && !r.state ? old.updatedAt : now,
        transitionedAt: old && !r.state ? old.transitionedAt : now,
        configuredAt: now,
        namespace: r.namespace ?? 'AWS/ApplicationELB',
        metricName: r.metricName ?? 'HTTPCode_Target_5XX_Count',
        on: r.on,
        fired: old?.fired ?? new Set(),
      });
    }
  }

  // ── API ───────────────────────────────────────────────────────────────────────────────────────────────────────

  describeAlarms(input: {
    AlarmNames?: string[];
    AlarmNamePrefix?: string;
    StateValue?: string;
    AlarmTypes?: string[];
    MaxRecords?: number;
    NextToken?: string;
  }) {
    if (input.AlarmNames?.length && input.AlarmNamePrefix) {
      // unverified wording
      throw new AwsError(
        'InvalidParameterCombination',
        'AlarmNamePrefix and AlarmNames cannot be specified together.',
      );
    }
    const max = input.MaxRecords ?? 50;
    if (max < 1 || max > 100) {
      throw new AwsError(
        'ValidationError',
        `1 validation error detected: Value '${max}' at 'maxRecords' failed to satisfy constraint: Member must have value less than or equal to 100`,
      );
    }
    const metric = !input.AlarmTypes?.length || input.AlarmTypes.includes('MetricAlarm');
    const all = [...this.alarms.values()]
      .filter(
        (a) =>
          metric &&
          (!input.AlarmNames?.length || input.AlarmNames.includes(a.name)) &&
          (!input.AlarmNamePrefix || a.name.startsWith(input.AlarmNamePrefix)) &&
          (!input.StateValue || a.state === input.StateValue),
      )
      .sort((a, b) => a.name.localeCompare(b.name));
    const start = input.NextToken ? Number(Buffer.from(input.NextToken, 'base64url').toString()) : 0;
    if (!Number.isInteger(start) || start < 0) {
      throw new AwsError('InvalidNextToken', 'The service cannot parse the token.'); // unverified wording
    }
    const page = all.slice(start, start + max);
    return {
      MetricAlarms: page.map((a) => this.view(a)),
      CompositeAlarms: [],
      ...(start + max < all.length
        ? { NextToken: Buffer.from(String(start + max)).toString('base64url') }
        : {}),
    };
  }

  setAlarmState(input: {
    AlarmName?: string;
    StateValue?: string;
    StateReason?: string;
    StateReasonData?: string;
  }) {
    const state = input.StateValue as AlarmState;
    if (!STATES.includes(state)) {
      // The wording moto_server gives, which follows AWS's validation messages.
      throw new AwsError(
        'ValidationError',
        `1 validation error detected: Value '${input.StateValue}' at 'stateValue' failed to satisfy constraint: Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]`,
      );
    }
    if (input.StateReasonData !== undefined) {
      try {
        JSON.parse(input.StateReasonData);
      } catch {
        throw new AwsError('InvalidFormat', 'Data was not syntactically valid JSON'); // unverified wording
      }
    }
    const a = this.alarms.get(input.AlarmName ?? '');
    if (!a) throw new AwsError('ResourceNotFound', `Alarm ${input.AlarmName} not found`, 404); // unverified wording
    this.transition(a, state, input.StateReason ?? '', input.StateReasonData);
    return {};
  }

  private transition(a: Alarm, state: AlarmState, reason: string, reasonData?: string): void {
    const now = this.queue.now;
    if (a.state !== state) a.transitionedAt = now;
    a.state = state;
    a.reason = reason;
    a.reasonData = reasonData;
    a.updatedAt = now;
  }

  private view(a: Alarm) {
    return {
      AlarmName: a.name,
      AlarmArn: `arn:aws:cloudwatch:${this.ctx.region}:${this.ctx.accountId}:alarm:${a.name}`,
      AlarmConfigurationUpdatedTimestamp: new Date(a.configuredAt),
      ActionsEnabled: true,
      OKActions: [],
      AlarmActions: [],
      InsufficientDataActions: [],
      StateValue: a.state,
      StateReason: a.reason,
      ...(a.reasonData !== undefined ? { StateReasonData: a.reasonData } : {}),
      StateUpdatedTimestamp: new Date(a.updatedAt),
      StateTransitionedTimestamp: new Date(a.transitionedAt),
      MetricName: a.metricName,
      Namespace: a.namespace,
      Statistic: 'Sum',
      Dimensions: [],
      Period: 60,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      Threshold: 5,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
    };
  }
}

/** The reason CloudWatch writes when it evaluates a threshold; the numbers are illustrative. */
function thresholdReason(state: AlarmState, initial = false): string {
  if (initial && state === 'INSUFFICIENT_DATA') return INITIAL_REASON;
  return state === 'ALARM'
    ? 'Threshold Crossed: 1 datapoint [12.0] was greater than the threshold (5.0).'
    : state === 'OK'
      ? 'Threshold Crossed: 1 datapoint [0.0] was not greater than the threshold (5.0).'
      : 'Insufficient Data: 1 datapoint was unknown.';
}
