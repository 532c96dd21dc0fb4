import type { Stack, StackResource } from './stack.js';
import type { Template } from './template.js';

/** DescribeStacks shapes. Times are Dates; the query protocol renders them as ISO 8601. */

const date = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms));

export function paramView(template: Template, params: Record<string, string>) {
  return Object.entries(params).map(([k, v]) => ({
    ParameterKey: k,
    ParameterValue: String(template.Parameters[k]?.NoEcho) === 'true' ? '****' : v,
  }));
}

export function stackView(s: Stack) {
  return {
    StackId: s.id,
    StackName: s.name,
    ...(s.changeSetId ? { ChangeSetId: s.changeSetId } : {}),
    ...(s.options.description ? { Description: s.options.description } : {}),
    Parameters: paramView(s.template, s.parameters),
    CreationTime: date(s.creationTime),
    ...(s.deletionTime !== undefined ? { DeletionTime: date(s.deletionTime) } : {}),
    ...(s.lastUpdatedTime !== undefined ? { LastUpdatedTime: date(s.lastUpdatedTime) } : {}),
    RollbackConfiguration: {},
    StackStatus: s.status,
    ...(s.statusReason ? { StackStatusReason: s.statusReason } : {}),
    DisableRollback: s.options.disableRollback,
    NotificationARNs: [],
    ...(s.options.capabilities.length ? { Capabilities: s.options.capabilities } : {}),
    ...(s.outputs.length ? { Outputs: s.outputs } : {}),
    Tags: s.options.tags,
    EnableTerminationProtection: false,
    DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
  };
}

export function summaryView(s: Stack) {
  return {
    StackId: s.id,
    StackName: s.name,
    CreationTime: date(s.creationTime),
    LastUpdatedTime: date(s.lastUpdatedTime),
    DeletionTime: date(s.deletionTime),
    StackStatus: s.status,
    StackStatusReason: s.statusReason,
    DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
  };
}

export function resourceView(s: Stack, r: StackResource) {
  return {
    LogicalResourceId: r.logicalId,
    PhysicalResourceId: r.physicalId || undefined,
    ResourceType: r.type,
    ResourceStatus: r.status,
    ResourceStatusReason: r.reason,
    DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
    StackName: s.name,
    StackId: s.id,
  };
}
