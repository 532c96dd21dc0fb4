import { defaultContext, type AwsContext } from './core/context.js';
import { EventQueue } from './core/queue.js';
import { Random } from './core/random.js';
import { CfnModel } from './cfn/model.js';
import { CloudWatchModel } from './cloudwatch/model.js';
import { defaultCfnSettings } from './cfn/settings.js';
import { BehaviourRegistry, type BehaviourRule } from './ecs/behaviour.js';
import { EcsModel } from './ecs/model.js';
import { defaultEcsTimings } from './ecs/timings.js';
import { EcrModel } from './ecr/model.js';
import { defaultTargetGroupSettings, ElbModel } from './elb/model.js';
import { LoadBalancerModel } from './elb/routing.js';
import { IamModel } from './iam/model.js';
import { LogsModel } from './logs/model.js';
import { RdsModel } from './rds/model.js';
import type { Scenario } from './scenario.js';
import { SecretsManagerModel } from './secretsmanager/model.js';
import { SsmModel } from './ssm/model.js';

/**
 * Every emulated service on one event queue, so CloudFormation, ECS, ELB and Logs agree on what time it is. Built
 * from a scenario; `apply` changes behaviour and timings of the running world without losing its state.
 */
export class World {
  readonly queue: EventQueue;
  readonly ctx: AwsContext;
  readonly rng: Random;
  readonly behaviours: BehaviourRegistry;
  readonly logs: LogsModel;
  readonly elb: ElbModel;
  readonly ecs: EcsModel;
  readonly cfn: CfnModel;
  /** The image registry ECS pulls from, as ECR shows it: the same `images` rules decide both. */
  readonly ecr: EcrModel;
  readonly rds = new RdsModel();
  readonly iam: IamModel;
  readonly secretsManager: SecretsManagerModel;
  readonly ssm: SsmModel;
  readonly cloudwatch: CloudWatchModel;
  /** What the load balancers' listeners answer (the HTTP servers themselves belong to the emulator). */
  readonly loadBalancers: LoadBalancerModel;

  constructor(
    readonly scenario: Scenario = {},
    start = Date.now(),
  ) {
    this.queue = new EventQueue(start);
    this.ctx = {
      ...defaultContext,
      ...(scenario.region ? { region: scenario.region } : {}),
      ...(scenario.accountId ? { accountId: scenario.accountId } : {}),
    };
    this.rng = new Random(scenario.seed ?? 1);
    this.behaviours = new BehaviourRegistry();
    this.logs = new LogsModel(this.ctx, () => this.queue.now);
    this.elb = new ElbModel(this.queue, this.ctx);
    this.ecs = new EcsModel(this.queue, {
      ctx: this.ctx,
      behaviours: this.behaviours,
      logs: this.logs,
      elb: this.elb,
      rng: this.rng,
      clusters: scenario.clusters,
      stoppedTaskRetentionSeconds: scenario.ecs?.stoppedTaskRetentionSeconds,
    });
    this.cfn = new CfnModel(this.queue, this.ecs, { ctx: this.ctx, rng: this.rng });
    this.ecr = new EcrModel(this.ctx, this.behaviours);
    this.iam = new IamModel(this.ctx, () => this.queue.now);
    this.secretsManager = new SecretsManagerModel(this.ctx, () => this.queue.now);
    this.ssm = new SsmModel(this.ctx, () => this.queue.now);
    this.cloudwatch = new CloudWatchModel(this.ctx, this.queue, this.ecs);
    this.ecs.alarmState = (name) => this.cloudwatch.stateOf(name);
    this.loadBalancers = new LoadBalancerModel(this.elb, () => this.queue.now);
    this.apply(scenario);
  }

  /** Replaces behaviour rules and settings named in `s`; what `s` leaves out keeps its current value. */
  apply(s: Scenario): void {
    if (s.images) this.behaviours.set(s.images as BehaviourRule[]);
    if (s.ecs) {
      const { extraContainers, stoppedTaskRetentionSeconds: _, ...timings } = s.ecs;
      Object.assign(this.ecs.timings, { ...defaultEcsTimings, ...this.ecs.timings, ...timings });
      if (extraContainers) this.ecs.extraContainers = extraContainers;
    }
    if (s.elb) {
      const { targetGroups, ...defaults } = s.elb;
      this.elb.configure({ ...defaultTargetGroupSettings, ...defaults }, targetGroups ?? {});
    }
    if (s.logs?.autoCreateGroups !== undefined) this.logs.autoCreateGroups = s.logs.autoCreateGroups;
    if (s.logs?.filterPageSize) this.logs.filterPageSize = s.logs.filterPageSize;
    for (const g of s.logs?.groups ?? []) {
      if (
        !this.logs.describeLogGroups({ logGroupNamePrefix: g }).logGroups.some((x) => x.logGroupName === g)
      ) {
        this.logs.createLogGroup({ logGroupName: g });
      }
    }
    if (s.cfn) Object.assign(this.cfn.settings, { ...defaultCfnSettings, ...this.cfn.settings, ...s.cfn });
    for (const c of s.clusters ?? []) this.ecs.createCluster({ clusterName: c });
    if (s.rds?.engineVersions) this.rds.configure(s.rds.engineVersions);
    if (s.iam) this.iam.setRoles(s.iam.roles);
    if (s.secrets) this.secretsManager.setSecrets(s.secrets);
    if (s.ssmParameters) this.ssm.setParameters(s.ssmParameters);
    if (s.alarms) this.cloudwatch.configure(s.alarms);
    if (s.loadBalancers) this.loadBalancers.configure(s.loadBalancers);
  }
}
