import type { DeploymentKind, DeploymentRecord } from '../store/store.js';

/** The history row every locked operation writes first, under the token of the lease it holds. */
export function runningDeployment(
  id: string,
  o: Pick<DeploymentRecord, 'correlationId' | 'actor' | 'context'> & { stack: { name: string } },
  kind: DeploymentKind,
  fencingToken: number,
  startedAt: number,
): DeploymentRecord {
  return {
    id,
    stack: o.stack.name,
    kind,
    correlationId: o.correlationId,
    actor: o.actor,
    context: o.context,
    status: 'running',
    fencingToken,
    startedAt,
  };
}
