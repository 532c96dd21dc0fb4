import type { Service, Stack } from '../../spec/types.js';
import { clustersClient, withClient } from '../aws/clients.js';
import { requireIdentity } from '../aws/identity.js';
import type { Check, Problem } from '../types.js';

/** A cluster a service runs in, and the field that chose it (the same precedence as the aws target's clusterFor). */
interface Use {
  cluster: string;
  field: (string | number)[];
  services: string[];
}

function clusterOf(stack: Stack, s: Service): { cluster: string; field: (string | number)[] } {
  const aws = s.aws!;
  const at = (k: string) => ['services', s.name, 'aws', k];
  if (aws.cluster) return { cluster: aws.cluster, field: at('cluster') };
  if (stack.aws?.cluster) return { cluster: stack.aws.cluster, field: ['aws', 'cluster'] };
  const [def, key] =
    s.kind === 'job' ? [aws.runTask, 'runTask'] : [aws.serviceDefinition, 'serviceDefinition'];
  const fromDef = typeof def?.cluster === 'string' ? def.cluster : def?.clusterArn;
  if (typeof fromDef === 'string') return { cluster: fromDef, field: at(key) };
  return { cluster: 'default', field: ['services', s.name, 'aws'] };
}

function uses(stack: Stack): Use[] {
  const byField = new Map<string, Use>();
  for (const s of stack.services.filter((x) => x.aws)) {
    const { cluster, field } = clusterOf(stack, s);
    const key = `${cluster}\0${field.join('.')}`;
    const u = byField.get(key) ?? { cluster, field, services: [] };
    u.services.push(s.name);
    byField.set(key, u);
  }
  return [...byField.values()];
}

const nameOf = (ref: string) => ref.split('/').pop() ?? ref;

/** Without the cluster, CreateService and RunTask fail with ClusterNotFoundException after the lock is taken. */
const check: Check = {
  id: 'ecs-cluster',
  passes: 'every ECS cluster the stack uses exists and is ACTIVE',
  targets: ['aws'],
  async run({ stack }) {
    const all = uses(stack);
    if (!all.length) return [];
    await requireIdentity(stack);
    const refs = [...new Set(all.map((u) => u.cluster))];
    return withClient(clustersClient(stack.aws?.region), async (ecs, h) => {
      const region = await h.region().catch(() => stack.aws?.region ?? '');
      const status = new Map<string, string>();
      // DescribeClusters takes up to 100 clusters per call.
      for (let i = 0; i < refs.length; i += 100) {
        const out = await ecs.describeClusters({ clusters: refs.slice(i, i + 100) });
        for (const c of out.clusters ?? []) status.set(c.clusterName ?? '', c.status ?? '');
        for (const f of out.failures ?? []) status.set(nameOf(f.arn ?? ''), f.reason ?? 'MISSING');
      }
      const problems: Problem[] = [];
      for (const u of all) {
        const name = nameOf(u.cluster);
        const st = status.get(name) ?? 'MISSING';
        if (st === 'ACTIVE') continue;
        const who = `${u.services.join(', ')} ${u.services.length === 1 ? 'runs' : 'run'} in`;
        const what =
          st === 'MISSING'
            ? `does not exist in ${region}`
            : st === 'INACTIVE'
              ? `is INACTIVE (deleted) in ${region}`
              : `is ${st}, not ACTIVE, in ${region}`;
        problems.push({
          message: `${who} ECS cluster ${name}, which ${what}`,
          fix:
            `create it (aws ecs create-cluster --cluster-name ${name} --region ${region}) or change ` +
            `${u.field.join('.')} to a cluster that exists (aws ecs list-clusters --region ${region})`,
          location: stack.locate(u.field),
        });
      }
      return problems;
    });
  },
};

export default check;
