import { relative } from 'node:path';
import type { SourceLocation } from '../../errors.js';
import type { Service, Stack } from '../../spec/types.js';

/** The parts of ECS task definitions the pre-flight checks read, with where each came from. */

export interface Container {
  name?: string;
  image?: string;
  secrets?: { name?: string; valueFrom?: string }[];
  repositoryCredentials?: { credentialsParameter?: string };
  logConfiguration?: { logDriver?: string; secretOptions?: { name?: string; valueFrom?: string }[] };
}

export interface TaskDef {
  service: Service;
  /** The JSON file as the user wrote its path: relative to the stack file's folder. */
  file: string;
  /** The stack file's `aws.taskDefinition` field of this service. */
  location: SourceLocation;
  executionRoleArn?: string;
  taskRoleArn?: string;
  requiresCompatibilities: string[];
  containers: Container[];
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

export function taskDefs(stack: Stack): TaskDef[] {
  return stack.services.flatMap((service) => {
    const aws = service.aws;
    if (!aws) return [];
    const td = aws.taskDefinition;
    return [
      {
        service,
        file: relative(stack.dir, aws.taskDefinitionFile) || aws.taskDefinitionFile,
        location: stack.locate(['services', service.name, 'aws', 'taskDefinition']),
        executionRoleArn: str(td.executionRoleArn),
        taskRoleArn: str(td.taskRoleArn),
        requiresCompatibilities: Array.isArray(td.requiresCompatibilities)
          ? (td.requiresCompatibilities as string[])
          : [],
        containers: Array.isArray(td.containerDefinitions) ? (td.containerDefinitions as Container[]) : [],
      },
    ];
  });
}

/** Fargate, from the task definition or from how the service or job is launched. */
export function isFargate(td: TaskDef): boolean {
  if (td.requiresCompatibilities.includes('FARGATE')) return true;
  const aws = td.service.aws!;
  return [aws.serviceDefinition, aws.runTask].some(
    (d) =>
      d?.launchType === 'FARGATE' ||
      (Array.isArray(d?.capacityProviderStrategy) &&
        (d.capacityProviderStrategy as { capacityProvider?: string }[]).some((s) =>
          s.capacityProvider?.startsWith('FARGATE'),
        )),
  );
}

/** `container api in ecs/api.task.json` — or the file alone when the container has no name. */
export function where(td: TaskDef, c?: Container): string {
  return c?.name ? `${td.file}, container ${c.name}` : td.file;
}
