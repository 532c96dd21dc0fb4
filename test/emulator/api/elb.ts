import { list } from '../protocol/query.js';
import type { ServiceApi } from './types.js';

/** ELBv2 over the query protocol: target health for the target groups ECS services register with. */
export const elbApi: ServiceApi = {
  name: 'elasticloadbalancing',
  protocol: 'query',
  target: '2015-12-01',
  xmlns: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/',
  operations: {
    DescribeTargetHealth: (i, { world }) => ({
      TargetHealthDescriptions: world.elb.describeTargetHealth(
        String(i.TargetGroupArn ?? ''),
        list<{ Id?: string; Port?: string }>(i.Targets).map((t) => ({
          Id: t.Id,
          Port: t.Port === undefined ? undefined : Number(t.Port),
        })),
      ),
    }),
    DescribeTargetGroups: (i, { world }) => ({
      TargetGroups: world.elb.describeTargetGroups(list<string>(i.TargetGroupArns), list<string>(i.Names)),
    }),
  },
};
