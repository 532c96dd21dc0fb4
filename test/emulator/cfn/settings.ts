/** How long CloudFormation takes, in model seconds, and which resources a scenario makes fail. */
export interface CfnSettings {
  /** Time an inert (non-ECS) resource takes to create, update or delete. */
  resourceSeconds: number;
  /** How often the ECS service handler checks whether the service is stable. */
  stabilizePollSeconds: number;
  /** How long it waits before giving up: three hours, as real CloudFormation. */
  stabilizeTimeoutSeconds: number;
  /** Time a change set takes to compute. */
  changeSetSeconds: number;
  /** Page size of DescribeStackEvents. */
  eventsPageSize: number;
  failResources: ResourceFailure[];
}

export interface ResourceFailure {
  logicalId?: string;
  type?: string;
  on?: 'create' | 'update' | 'delete';
  message: string;
}

export const defaultCfnSettings: CfnSettings = {
  resourceSeconds: 2,
  stabilizePollSeconds: 15,
  stabilizeTimeoutSeconds: 3 * 3600,
  changeSetSeconds: 2,
  eventsPageSize: 100,
  failResources: [],
};
