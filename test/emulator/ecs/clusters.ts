import type { AwsContext } from '../core/context.js';
import { AwsError } from '../core/errors.js';
import { apiErrors } from './messages.js';
import { lastSegment } from './refs.js';
import type { Tag } from './types.js';

/** Clusters: only containers of services and tasks here, since Fargate-style capacity is assumed to be there. */

export interface Cluster {
  arn: string;
  name: string;
  status: 'ACTIVE' | 'INACTIVE';
  tags: Tag[];
  settings: unknown[];
}

export interface ClusterStats {
  runningTasksCount: number;
  pendingTasksCount: number;
  activeServicesCount: number;
}

export class Clusters {
  private clusters = new Map<string, Cluster>();

  constructor(
    private readonly ctx: AwsContext,
    private readonly stats: (c: Cluster) => ClusterStats,
  ) {}

  create(input: { clusterName?: string; tags?: Tag[]; settings?: unknown[] }) {
    const name = input.clusterName ?? 'default';
    let c = this.clusters.get(name);
    if (!c || c.status === 'INACTIVE') {
      c = {
        arn: this.arn(name),
        name,
        status: 'ACTIVE',
        tags: input.tags ?? [],
        settings: input.settings ?? [{ name: 'containerInsights', value: 'disabled' }],
      };
      this.clusters.set(name, c);
    }
    return { cluster: this.view(c) };
  }

  describe(input: { clusters?: string[] }) {
    const refs = input.clusters?.length ? input.clusters : ['default'];
    const clusters = [];
    const failures = [];
    for (const ref of refs) {
      const c = this.clusters.get(lastSegment(ref));
      if (c) clusters.push(this.view(c));
      else failures.push({ arn: this.arn(lastSegment(ref)), reason: 'MISSING' });
    }
    return { clusters, failures };
  }

  list() {
    return {
      clusterArns: [...this.clusters.values()].filter((c) => c.status === 'ACTIVE').map((c) => c.arn),
    };
  }

  delete(input: { cluster?: string }) {
    const c = this.get(input.cluster);
    c.status = 'INACTIVE';
    return { cluster: this.view(c) };
  }

  /** The active cluster a request names (`default` when it names none), or ECS's ClusterNotFoundException. */
  get(ref: string | undefined): Cluster {
    const c = this.clusters.get(lastSegment(ref ?? 'default'));
    if (!c || c.status !== 'ACTIVE')
      throw new AwsError('ClusterNotFoundException', apiErrors.clusterNotFound);
    return c;
  }

  private arn(name: string): string {
    return `arn:aws:ecs:${this.ctx.region}:${this.ctx.accountId}:cluster/${name}`;
  }

  private view(c: Cluster) {
    return {
      clusterArn: c.arn,
      clusterName: c.name,
      status: c.status,
      registeredContainerInstancesCount: 0,
      ...this.stats(c),
      statistics: [],
      tags: c.tags,
      settings: c.settings,
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      defaultCapacityProviderStrategy: [],
    };
  }
}
