import type { StackEvent } from '@aws-sdk/client-cloudformation';
import type { AwsContext } from './context.js';
import {
  containerRoles,
  judgeDeployment,
  judgeTask,
  type ContainerRoles,
  type TaskFailure,
} from './judge.js';
import type { ServiceSnapshot } from './poller.js';
import { clusterOfServiceArn, lastSegment } from './util.js';

/**
 * While CloudFormation waits on an AWS::ECS::Service (for up to three hours), watch that service's new tasks
 * directly with the same rules as a direct deployment, and report the first conclusive failure.
 */

export interface EcsVerdict extends TaskFailure {
  logicalId: string;
  cluster: string;
  serviceName: string;
  snapshot: ServiceSnapshot;
}

interface Guarded {
  unwatch: () => void;
}

export class EcsGuard {
  private readonly guarded = new Map<string, Guarded>();
  private readonly roles = new Map<string, ContainerRoles | undefined>();
  private stopped = false;

  constructor(
    private readonly ctx: AwsContext,
    private readonly onFailure: (v: EcsVerdict) => void,
  ) {}

  /** Feeds stack events in order: an ECS service resource starts or stops being watched. */
  see(e: StackEvent): void {
    if (this.stopped || e.ResourceType !== 'AWS::ECS::Service' || !e.LogicalResourceId) return;
    const id = e.LogicalResourceId;
    const status = e.ResourceStatus ?? '';
    const arn = e.PhysicalResourceId ?? '';
    if (/^(CREATE|UPDATE)_IN_PROGRESS$/.test(status) && arn.startsWith('arn:') && !this.guarded.has(id)) {
      this.guard(id, arn, e.Timestamp?.getTime() ?? this.ctx.clock.now());
    } else if (!status.endsWith('_IN_PROGRESS')) {
      this.release(id);
    }
  }

  private guard(logicalId: string, arn: string, since: number): void {
    const cluster = clusterOfServiceArn(arn);
    const serviceName = lastSegment(arn);
    const unwatch = this.ctx.poller(cluster).watchService({
      serviceName,
      since,
      onSnapshot: (snap) => {
        const d = snap.deployment;
        if (!d?.id) return;
        const roles = this.rolesOf(d.taskDefinition);
        if (!roles) return;
        for (const t of snap.tasks) {
          const f = judgeTask(t, roles);
          if (f) return this.fail({ ...f, logicalId, cluster, serviceName, snapshot: snap });
        }
        const state = judgeDeployment(snap.service, d.id, snap.tasks, roles);
        if (state.state === 'failed') {
          this.fail({
            reason: state.reason,
            message: state.message,
            check: 'ECS deployment',
            output: '',
            taskArn: '',
            decidedBy: 'verdict',
            logicalId,
            cluster,
            serviceName,
            snapshot: snap,
          });
        }
      },
      // CloudFormation's own outcome still decides if ECS cannot be asked.
      onError: () => {},
    });
    this.guarded.set(logicalId, { unwatch });
  }

  /**
   * Container roles need the task definition: undefined until it is known (judging without them could name a
   * Fargate sidecar). Tasks are delivered again every round, so waiting one round costs nothing.
   */
  private rolesOf(taskDefinition: string | undefined): ContainerRoles | undefined {
    if (!taskDefinition) return undefined;
    if (this.roles.has(taskDefinition)) return this.roles.get(taskDefinition);
    this.roles.set(taskDefinition, undefined);
    void this.ctx.clients.ecs.describeTaskDefinition({ taskDefinition }).then(
      (r) => this.roles.set(taskDefinition, containerRoles(r.taskDefinition?.containerDefinitions)),
      () => this.roles.delete(taskDefinition),
    );
    return undefined;
  }

  private fail(v: EcsVerdict): void {
    if (this.stopped) return;
    this.stop();
    this.onFailure(v);
  }

  private release(logicalId: string): void {
    this.guarded.get(logicalId)?.unwatch();
    this.guarded.delete(logicalId);
  }

  stop(): void {
    this.stopped = true;
    for (const id of [...this.guarded.keys()]) this.release(id);
  }
}
