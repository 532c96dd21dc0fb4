import type { AwsContext } from '../core/context.js';
import { AwsError } from '../core/errors.js';
import { apiErrors } from './messages.js';
import { validateRegistration, type RegisterInput } from './taskdef-validate.js';
import type { ContainerDefinition, Tag, TaskDefinition } from './types.js';

/** Families and revisions, resolved the ways ECS accepts: `family`, `family:rev` or a full ARN. */
export class TaskDefinitionStore {
  private families = new Map<string, TaskDefinition[]>();
  private tags = new Map<string, Tag[]>();

  constructor(private readonly ctx: AwsContext) {}

  register(input: RegisterInput, now: number): TaskDefinition {
    const { cpu, memory } = validateRegistration(input);
    const { tags, ...rest } = input as RegisterInput & { tags?: Tag[] };
    const family = input.family!;
    const revisions = this.families.get(family) ?? [];
    const revision = revisions.length + 1;
    const arn = `arn:aws:ecs:${this.ctx.region}:${this.ctx.accountId}:task-definition/${family}:${revision}`;
    const fargate = (input.requiresCompatibilities ?? []).includes('FARGATE');
    const def: TaskDefinition = {
      ...rest,
      taskDefinitionArn: arn,
      family,
      revision,
      status: 'ACTIVE',
      containerDefinitions: (input.containerDefinitions ?? []).map((c) =>
        withContainerDefaults(c, input.networkMode),
      ),
      volumes: input.volumes ?? [],
      placementConstraints: (input.placementConstraints as unknown[]) ?? [],
      compatibilities: fargate ? ['EC2', 'FARGATE'] : ['EC2'],
      requiresAttributes: requiresAttributes(input),
      registeredAt: now,
      registeredBy: `arn:aws:iam::${this.ctx.accountId}:user/${this.ctx.userName}`,
    };
    if (cpu !== undefined) def.cpu = cpu;
    if (memory !== undefined) def.memory = memory;
    // ECS fills the account in when a bare role name is given.
    if (input.taskRoleArn) def.taskRoleArn = this.roleArn(input.taskRoleArn);
    if (input.executionRoleArn) def.executionRoleArn = this.roleArn(input.executionRoleArn);
    revisions.push(def);
    this.families.set(family, revisions);
    this.tags.set(arn, tags ?? []);
    return def;
  }

  /** undefined when the reference does not name a registered revision. */
  resolve(ref: string): TaskDefinition | undefined {
    const m = /^arn:aws[a-z-]*:ecs:[^:]+:\d+:task-definition\/(.+)$/.exec(ref);
    const spec = m ? m[1]! : ref;
    const [family, rev] = spec.split(':');
    const revisions = this.families.get(family!);
    if (!revisions) return undefined;
    if (rev === undefined) return [...revisions].reverse().find((d) => d.status === 'ACTIVE');
    return revisions[Number(rev) - 1];
  }

  describe(ref: string): TaskDefinition {
    const def = this.resolve(ref);
    if (!def) throw new AwsError('ClientException', apiErrors.unableToDescribeTaskDefinition);
    return def;
  }

  tagsOf(arn: string): Tag[] {
    return this.tags.get(arn) ?? [];
  }

  /** TagResource: a key given again replaces its value; the rest stay. */
  tag(arn: string, tags: Tag[]): void {
    const def = this.resolve(arn);
    if (!def) throw new AwsError('ClientException', apiErrors.unableToDescribeTaskDefinition);
    const keys = new Set(tags.map((t) => t.key));
    const key = def.taskDefinitionArn;
    this.tags.set(key, [...this.tagsOf(key).filter((t) => !keys.has(t.key)), ...tags]);
  }

  untag(arn: string, keys: string[]): void {
    const def = this.resolve(arn);
    if (!def) throw new AwsError('ClientException', apiErrors.unableToDescribeTaskDefinition);
    const key = def.taskDefinitionArn;
    this.tags.set(
      key,
      this.tagsOf(key).filter((t) => !keys.includes(t.key ?? '')),
    );
  }

  deregister(ref: string, now: number): TaskDefinition {
    const def = this.resolve(ref);
    // Deregistering needs an explicit revision, as in ECS. (unverified wording)
    if (!def || !ref.includes(':'))
      throw new AwsError('ClientException', 'The specified task definition does not exist.');
    if (def.status === 'ACTIVE') {
      def.status = 'INACTIVE';
      def.deregisteredAt = now;
    }
    return def;
  }

  list(opts: { familyPrefix?: string; status?: string; sort?: string }): string[] {
    const all = [...this.families.entries()]
      .filter(([f]) => !opts.familyPrefix || f.startsWith(opts.familyPrefix))
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([, revs]) => revs)
      .filter((d) => d.status === (opts.status ?? 'ACTIVE'))
      .map((d) => d.taskDefinitionArn);
    return opts.sort === 'DESC' ? all.reverse() : all;
  }

  listFamilies(opts: { familyPrefix?: string; status?: string }): string[] {
    return [...this.families.entries()]
      .filter(([f]) => !opts.familyPrefix || f.startsWith(opts.familyPrefix))
      .filter(([, revs]) => {
        const active = revs.some((d) => d.status === 'ACTIVE');
        return opts.status === 'ALL' || (opts.status === 'INACTIVE' ? !active : active);
      })
      .map(([f]) => f)
      .sort();
  }

  private roleArn(role: string): string {
    return role.startsWith('arn:') ? role : `arn:aws:iam::${this.ctx.accountId}:role/${role}`;
  }
}

function withContainerDefaults(c: ContainerDefinition, networkMode: string | undefined): ContainerDefinition {
  const hostMatches = networkMode === 'awsvpc' || networkMode === 'host';
  const out: ContainerDefinition = {
    ...c,
    cpu: c.cpu ?? 0,
    portMappings: (c.portMappings ?? []).map((p) => ({
      ...p,
      hostPort: p.hostPort ?? (hostMatches ? p.containerPort : undefined),
      protocol: p.protocol ?? 'tcp',
    })),
    essential: c.essential ?? true,
    environment: c.environment ?? [],
    mountPoints: c.mountPoints ?? [],
    volumesFrom: (c.volumesFrom as unknown[]) ?? [],
    systemControls: (c.systemControls as unknown[]) ?? [],
  };
  if (c.healthCheck) {
    out.healthCheck = { interval: 30, timeout: 5, retries: 3, ...c.healthCheck };
  }
  return out;
}

function requiresAttributes(input: RegisterInput): { name: string }[] {
  const names = new Set<string>();
  for (const c of input.containerDefinitions ?? []) {
    if (c.healthCheck) names.add('ecs.capability.container-health-check');
    const driver = c.logConfiguration?.logDriver;
    if (driver) names.add(`com.amazonaws.ecs.capability.logging-driver.${driver}`);
    if (c.secrets?.length) names.add('ecs.capability.secrets.asm.environment-variables');
    if (c.dependsOn) names.add('ecs.capability.container-ordering');
  }
  if (input.networkMode === 'awsvpc') names.add('ecs.capability.task-eni');
  if (input.executionRoleArn) names.add('ecs.capability.execution-role-awslogs');
  return [...names].map((name) => ({ name }));
}
