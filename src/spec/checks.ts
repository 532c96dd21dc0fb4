import { findCycle } from '../core/graph.js';
import { InvalidInputError } from '../errors.js';
import { didYouMean } from './did-you-mean.js';
import type { RawStack } from './schema.js';
import type { FieldPath, Source } from './source.js';
import type { Service } from './types.js';

/** Rules the schema cannot express because they span services. Throws at the first one broken, in file order. */
export function checkStack(raw: RawStack, services: readonly Service[], source: Source): void {
  const byName = new Map(services.map((s) => [s.name, s]));
  const fail = (path: FieldPath, message: string, opts: { key?: boolean; hint?: string } = {}): never => {
    throw new InvalidInputError(message, source.locate(path, { key: opts.key }), opts.hint);
  };

  for (const service of services) {
    const written = raw.services[service.name]?.dependsOn;
    const short = Array.isArray(written);
    const seen = new Set<string>();
    service.dependsOn.forEach((dep, i) => {
      const base = ['services', service.name, 'dependsOn'];
      const at: FieldPath = short ? [...base, i] : [...base, dep.name];
      const opts = { key: !short };
      if (seen.has(dep.name)) fail(at, `"${dep.name}" is listed twice`);
      seen.add(dep.name);
      if (dep.name === service.name) fail(at, `${service.name} depends on itself`, opts);
      const target = byName.get(dep.name);
      if (!target) {
        const suggestion = didYouMean(dep.name, byName.keys());
        fail(at, `unknown service "${dep.name}"`, {
          ...opts,
          hint: suggestion ? `did you mean "${suggestion}"?` : undefined,
        });
        return;
      }
      const conditionAt: FieldPath = short ? at : [...at, 'condition'];
      // On aws, ECS judges health (container and load balancer checks); the condition means a stable rollout.
      if (dep.condition === 'healthy' && !target.healthCheck && !target.aws) {
        fail(conditionAt, `condition "healthy" needs a healthCheck on ${dep.name}, and it has none`);
      }
      if (dep.condition === 'completed' && target.kind === 'service') {
        fail(
          conditionAt,
          `condition "completed" needs ${dep.name} to be a job (kind: job); it is a long-running service`,
        );
      }
    });
    if (raw.target === 'local' && service.kind !== 'cloudformation' && !service.local) {
      fail(
        ['services', service.name],
        `target is "local" but ${service.name} has no "local" block saying how to run it`,
        { key: true },
      );
    }
    if (raw.target === 'aws' && service.kind !== 'cloudformation' && !service.aws) {
      fail(
        ['services', service.name],
        `target is "aws" but ${service.name} has no "aws" block naming its task definition`,
        { key: true },
      );
    }
    const remote = service.healthCheck?.http ? 'http' : service.healthCheck?.tcp ? 'tcp' : undefined;
    if (raw.target === 'aws' && remote) {
      // Convoy runs on a CI machine outside the tasks' network, and ECS runs container checks only as commands.
      fail(
        ['services', service.name, 'healthCheck', remote],
        `an ${remote} health check cannot run on the aws target: ECS runs a container's health check as a command inside the task, and Convoy cannot reach the task's network`,
        {
          hint: `use healthCheck.command, e.g. ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"] (the image must have curl), or a healthCheck in the task definition; a load balancer's target group health check counts too`,
        },
      );
    }
    if (service.kind === 'cloudformation' && !service.cloudformation) {
      fail(
        ['services', service.name],
        `${service.name} is kind "cloudformation" but has no "cloudformation" block`,
        { key: true },
      );
    }
    if (raw.target === 'local' && service.kind === 'cloudformation') {
      fail(['services', service.name, 'kind'], 'CloudFormation phases need target "aws"');
    }
  }

  const cycle = findCycle(services);
  if (cycle) fail(['services', cycle[0] ?? '', 'dependsOn'], `dependency cycle: ${cycle.join(' → ')}`);
}
