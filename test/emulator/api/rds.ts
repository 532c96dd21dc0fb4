import { NamedList } from '../protocol/xml.js';
import type { ServiceApi } from './types.js';

/** RDS over the query protocol (version 2014-10-31): which engine versions are offered. */
export const rdsApi: ServiceApi = {
  name: 'rds',
  protocol: 'query',
  target: '2014-10-31',
  xmlns: 'http://rds.amazonaws.com/doc/2014-10-31/',
  operations: {
    DescribeDBEngineVersions: (i, { world }) => {
      const out = world.rds.describeDBEngineVersions({
        Engine: i.Engine as string | undefined,
        EngineVersion: i.EngineVersion as string | undefined,
        MaxRecords: i.MaxRecords === undefined ? undefined : Number(i.MaxRecords),
        Marker: i.Marker as string | undefined,
      });
      return { DBEngineVersions: new NamedList('DBEngineVersion', out.DBEngineVersions), Marker: out.Marker };
    },
  },
};
