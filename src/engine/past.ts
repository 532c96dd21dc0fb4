import type { PastDeployment } from '../plan/estimate/learn.js';
import { timingSignature } from '../plan/estimate/prior.js';
import type { StepRecord, Store } from '../store/store.js';

/** How many past deployments the estimator reads: enough for robust figures, few enough to read on each deploy. */
const RECENT = 20;

/**
 * The stack's recent finished deployments as the estimator reads them, newest first: how long each service took to
 * reach its gate (with the timing signature of the revision it ran), and the deployment's own lead and tail. A
 * service that reached its gate counts even in a deployment that failed elsewhere; a `down` starts nothing, and a
 * `scale` only adds copies of what runs.
 */
export async function loadPastDeployments(store: Store, stack: string): Promise<PastDeployment[]> {
  const recent = (await store.listDeployments({ stack, limit: RECENT + 1 }))
    .filter((d) => d.kind !== 'down' && d.kind !== 'scale' && d.endedAt !== undefined)
    .slice(0, RECENT);
  const signatures = new Map<string, Promise<string | undefined>>();
  const signatureOf = (service: string, revision: string) => {
    const key = `${service}\u0000${revision}`;
    let s = signatures.get(key);
    if (!s) {
      s = store.getRevision(stack, service, revision).then((r) => (r ? timingSignature(r.spec) : undefined));
      signatures.set(key, s);
    }
    return s;
  };
  return Promise.all(
    recent.map(async (d): Promise<PastDeployment> => {
      const steps = (await store.listSteps(d.id)).filter(
        (s): s is StepRecord & { startedAt: number; endedAt: number } =>
          s.state === 'healthy' && s.startedAt !== undefined && s.endedAt !== undefined,
      );
      const units = (
        await Promise.all(
          steps.map(async (s) => {
            const signature = await signatureOf(s.service, s.toRevision);
            return signature === undefined
              ? undefined
              : { service: s.service, durationMs: s.endedAt - s.startedAt, signature };
          }),
        )
      ).filter((u) => u !== undefined);
      if (d.status !== 'succeeded' || !steps.length) return { units };
      return {
        units,
        leadMs: Math.min(...steps.map((s) => s.startedAt)) - d.startedAt,
        tailMs: d.endedAt! - Math.max(...steps.map((s) => s.endedAt)),
      };
    }),
  );
}
