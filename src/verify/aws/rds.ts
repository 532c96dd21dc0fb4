import {
  DescribeDBEngineVersionsCommand,
  RDSClient,
  type DescribeDBEngineVersionsCommandInput,
  type DescribeDBEngineVersionsCommandOutput,
} from '@aws-sdk/client-rds';
import { preflightConfig } from './client-config.js';

/** The one RDS read the rds-engine-version check makes (rds:DescribeDBEngineVersions). */
export interface RdsApi {
  describeDBEngineVersions(
    i: DescribeDBEngineVersionsCommandInput,
  ): Promise<DescribeDBEngineVersionsCommandOutput>;
  /** The region asked, as the SDK resolved it: offered versions differ between regions. */
  region(): Promise<string>;
  destroy(): void;
}

export function createRdsClient(region: string | undefined): RdsApi {
  const rds = new RDSClient(preflightConfig(region));
  return {
    describeDBEngineVersions: (i) => rds.send(new DescribeDBEngineVersionsCommand(i)),
    region: () => rds.config.region(),
    destroy: () => rds.destroy(),
  };
}
