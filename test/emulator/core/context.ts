/** Who and where the emulated account is; ARNs and messages are built from it. */
export interface AwsContext {
  region: string;
  accountId: string;
  /** The caller STS reports and ECS names in `registeredBy`/`createdBy`. */
  userName: string;
}

export const defaultContext: AwsContext = {
  region: 'us-east-1',
  accountId: '123456789012',
  userName: 'convoy',
};
