import { lastSegment } from './util.js';

/** AWS console pages a person opens after a failure; printed with the verdict so nobody has to search for them. */

const base = (region: string) => `https://${region}.console.aws.amazon.com`;

export function serviceLink(region: string, cluster: string, service: string): string {
  return `${base(region)}/ecs/v2/clusters/${encodeURIComponent(lastSegment(cluster))}/services/${encodeURIComponent(service)}/deployments?region=${region}`;
}

export function taskLink(region: string, cluster: string, taskArn: string): string {
  return `${base(region)}/ecs/v2/clusters/${encodeURIComponent(lastSegment(cluster))}/tasks/${lastSegment(taskArn)}/configuration?region=${region}`;
}

export function stackLink(region: string, stackIdOrName: string): string {
  return `${base(region)}/cloudformation/home?region=${region}#/stacks/events?stackId=${encodeURIComponent(stackIdOrName)}`;
}
