import type { Capture } from '../../core/capture.js';
import { SECRET_NAME, str, toLines, type AddEvidence, type Scalar } from '../../core/evidence.js';

/** UNKNOWN is what ECS reports for a task without a health check: no evidence either way. */
const knownHealth = (v: Scalar) => (typeof v === 'string' && /^unknown$/i.test(v) ? undefined : v);

/** Whether a capture holds what ECS, CloudFormation or a load balancer said. */
export function isAwsCapture(c: Capture): boolean {
  return Boolean(c.tasks || c.services || c.serviceDeployments || c.stackEvents || c.targetHealth);
}

/**
 * Evidence from a capture's AWS parts: DescribeTasks, DescribeServices, stack events, target health, the task
 * definition (env values whose names look secret left out) and container logs.
 */
export function extractAwsEvidence(c: Capture, add: AddEvidence): void {
  c.tasks?.forEach((t, i) => {
    add('stoppedReason', `tasks[${i}].stoppedReason`, t.stoppedReason);
    add('stopCode', `tasks[${i}].stopCode`, t.stopCode);
    add('healthStatus', `tasks[${i}].healthStatus`, knownHealth(t.healthStatus));
    t.containers?.forEach((k, j) => {
      add('containerReason', `tasks[${i}].containers[${j}].reason`, k.reason);
      add('exitCode', `tasks[${i}].containers[${j}].exitCode`, k.exitCode);
      add('healthStatus', `tasks[${i}].containers[${j}].healthStatus`, knownHealth(k.healthStatus));
    });
  });

  c.services?.forEach((s, i) => {
    // Whether tasks get a public IP decides whether a call to ECR or Secrets Manager that got no answer had a way out.
    const publicIp = str(s.networkConfiguration?.awsvpcConfiguration?.assignPublicIp);
    const path = `services[${i}].networkConfiguration.awsvpcConfiguration.assignPublicIp`;
    if (publicIp) add('serviceField', path, `assignPublicIp=${publicIp}`);
    s.events?.forEach((e, j) => add('serviceEvent', `services[${i}].events[${j}].message`, e.message));
    s.deployments?.forEach((d, j) => {
      const reason = str(d.rolloutStateReason);
      if (reason) add('deployment', `services[${i}].deployments[${j}].rolloutStateReason`, reason);
    });
  });

  c.serviceDeployments?.forEach((d, i) => {
    const status = [d.status, d.statusReason].map(str).filter(Boolean).join(': ');
    if (status) add('deployment', `serviceDeployments[${i}].statusReason`, status);
    add('deployment', `serviceDeployments[${i}].rollback.reason`, d.rollback?.reason);
  });

  c.stackEvents?.forEach((e, i) => {
    add('stackEvent', `stackEvents[${i}].ResourceStatusReason`, e.ResourceStatusReason);
    const status = [e.ResourceStatus, e.ResourceType, e.LogicalResourceId].map(str).filter(Boolean).join(' ');
    add('stackStatus', `stackEvents[${i}].ResourceStatus`, status);
  });

  c.targetHealth?.forEach((t, i) => {
    const h = t.TargetHealth;
    const text = [h?.State, h?.Reason, h?.Description].map(str).filter(Boolean).join(' ');
    add('targetHealth', `targetHealth[${i}].TargetHealth`, text);
  });

  const td = c.taskDefinition;
  if (td) {
    add('platform', 'taskDefinition.runtimePlatform.cpuArchitecture', td.runtimePlatform?.cpuArchitecture);
    for (const key of ['cpu', 'memory', 'networkMode', 'executionRoleArn', 'taskRoleArn'] as const) {
      const v = td[key];
      if (typeof v === 'string' || typeof v === 'number')
        add('taskDefField', `taskDefinition.${key}`, `${key}=${v}`);
    }
    td.containerDefinitions?.forEach((d, i) => {
      const p = `taskDefinition.containerDefinitions[${i}]`;
      add('image', `${p}.image`, d.image);
      const cmd = d.healthCheck?.command;
      if (cmd !== undefined) {
        add('healthCheck', `${p}.healthCheck.command`, typeof cmd === 'string' ? cmd : JSON.stringify(cmd));
      }
      if (d.environment) {
        add(
          'envNames',
          `${p}.environment`,
          d.environment
            .map((e) => str(e.name))
            .filter(Boolean)
            .join(', ') || '(none)',
        );
        d.environment.forEach((e, j) => {
          const name = str(e.name);
          if (name)
            add(
              'env',
              `${p}.environment[${j}]`,
              `${name}=${SECRET_NAME.test(name) ? '<redacted>' : (str(e.value) ?? '')}`,
            );
        });
      }
      d.secrets?.forEach((s, j) =>
        add('secretRef', `${p}.secrets[${j}]`, `${str(s.name) ?? '?'} <- ${str(s.valueFrom) ?? '?'}`),
      );
      d.portMappings?.forEach((m, j) => {
        const parts = [`containerPort=${str(m.containerPort) ?? '?'}`, `hostPort=${str(m.hostPort) ?? '?'}`];
        add('portMapping', `${p}.portMappings[${j}]`, parts.join(' '));
      });
      for (const key of ['memory', 'memoryReservation', 'cpu'] as const) {
        const v = d[key];
        if (typeof v === 'string' || typeof v === 'number') add('taskDefField', `${p}.${key}`, `${key}=${v}`);
      }
    });
  }

  for (const [container, ls] of Object.entries(c.logs ?? {})) {
    toLines(ls).forEach((l, i) => add('log', `logs.${container}[${i}]`, l));
  }
}
