import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/diagnose/index.js';
import { itNamesEach, logged, stopped, type PhrasingCase } from './phrasing-cases.js';

/*
 * A connection that got no answer read by where it happened (session 9, part g): with AWS networking between the two
 * ends (an RDS, ElastiCache, MSK or load balancer host, an awsvpc task, the load balancer timing out on the target) it
 * is the network; between Compose services, or with the dependency shown starting, it is the dependency; alone it stays
 * ambiguous. Written from how each client words it (Node, Python, Java, Go, MySQL, MongoDB, Spring Cloud Config,
 * wait-for-it, efs-utils, the ECS API), not copied from the corpus, with routine lines around the evidence.
 */
const awsvpc = (c: object) => ({
  ...c,
  taskDefinition: {
    family: 'api',
    networkMode: 'awsvpc',
    containerDefinitions: [{ name: 'api', image: 'api:1.4.0' }],
  },
});
const targetTimingOut = (c: object) => ({
  ...c,
  targetHealth: [
    { TargetHealth: { State: 'unhealthy', Reason: 'Target.Timeout', Description: 'Request timed out' } },
  ],
});

const cases: readonly PhrasingCase[] = [
  {
    name: 'MongoDB server selection timing out while the load balancer times out on the target',
    expect: 'network-sg',
    rule: 'dependency-timeout-aws-network',
    capture: targetTimingOut(logged('MongoServerSelectionError: Server selection timed out after 30000 ms')),
  },
  {
    name: "MySQL's (110) from an awsvpc task",
    expect: 'network-sg',
    rule: 'dependency-timeout-aws-network',
    capture: awsvpc(logged("ERROR 2003 (HY000): Can't connect to MySQL server on '10.0.12.7' (110)")),
  },
  {
    name: 'wait-for-it giving up on an RDS host',
    expect: 'network-sg',
    rule: 'dependency-timeout-aws-network',
    capture: logged(
      'wait-for-it.sh: waiting 30 seconds for app-db.c9xk2.eu-west-1.rds.amazonaws.com:5432',
      'wait-for-it.sh: timeout occurred after waiting 30 seconds for app-db.c9xk2.eu-west-1.rds.amazonaws.com:5432',
    ),
  },
  {
    name: "redis-py's timeout while the load balancer times out on the target",
    expect: 'network-sg',
    rule: 'managed-endpoint-timeout',
    capture: targetTimingOut(logged('redis.exceptions.TimeoutError: Timeout connecting to server')),
  },
  {
    name: 'a Go client timing out on an MSK broker',
    expect: 'network-sg',
    // A managed data service's endpoint, not an AWS API: since part j the API rule leaves these to this one.
    rule: 'managed-endpoint-timeout',
    capture: logged(
      'kafka: client has run out of available brokers to talk to: dial tcp b-1.orders.x1y2z3.c2.kafka.eu-west-1.amazonaws.com:9092: i/o timeout',
    ),
  },
  {
    name: "Spring Cloud Config's connect timeout on an internal load balancer",
    expect: 'network-sg',
    rule: 'connect-timeout-dropped',
    capture: logged(
      'c.c.c.ConfigServicePropertySourceLocator : Connect Timeout Exception on Url - http://internal-config-1234.eu-west-1.elb.amazonaws.com/api/config. Will be trying the next url if available',
    ),
  },
  {
    name: "Node's connect ETIMEDOUT from an awsvpc task",
    expect: 'network-sg',
    rule: 'connect-timeout-dropped',
    capture: awsvpc(logged('Error: connect ETIMEDOUT 10.0.2.15:5432')),
  },
  {
    name: 'an EFS mount cut off by the mount target (reset by peer)',
    expect: 'network-sg',
    rule: 'efs-mount-timeout',
    capture: stopped(
      "ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: b'mount.nfs4: Connection reset by peer' : unsuccessful EFS utils command execution; code: 32",
    ),
  },
  {
    name: "an EFS mount target's name not resolving in the VPC",
    expect: 'network-sg',
    rule: 'efs-mount-timeout',
    capture: stopped(
      'ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: Failed to resolve "fs-0a1b2c3d.efs.eu-west-1.amazonaws.com" - check that your file system ID is correct',
    ),
  },
  {
    name: 'a public IP asked for on the EC2 launch type',
    expect: 'network-sg',
    rule: 'awsvpc-network-config-rejected',
    capture: logged('InvalidParameterException: Assign public IP is not supported for this launch type'),
  },
  {
    name: 'a security group and subnet from different VPCs',
    expect: 'network-sg',
    rule: 'awsvpc-network-config-rejected',
    capture: {
      service: 'api',
      stackEvents: [
        {
          LogicalResourceId: 'Service',
          ResourceType: 'AWS::ECS::Service',
          ResourceStatus: 'CREATE_FAILED',
          ResourceStatusReason:
            'Resource handler returned message: "Invalid request provided: CreateService error: Security group sg-0a1b2c3d and subnet subnet-0f9e8d7c belong to different networks." (HandlerErrorCode: InvalidRequest)',
        },
      ],
    },
  },
  {
    name: 'the same timeout between Compose services',
    expect: 'dependency-unreachable',
    rule: 'compose-dependency-timeout',
    capture: awsvpc({
      service: 'api',
      logs: {
        api: [
          'db_1   | LOG:  database system is starting up',
          'api_1  | Error: connect ETIMEDOUT 172.18.0.2:5432',
        ],
      },
    }),
  },
  {
    name: 'a bare connect timeout to a private address',
    expect: 'other',
    rule: 'connect-timeout-ambiguous',
    capture: logged('Error: connect ETIMEDOUT 10.0.0.109:5432'),
  },
];

describe('a connection that got no answer, read by where it happened (part g)', () => {
  itNamesEach(cases);

  it('a malformed setting is not a setting left out', () => {
    const top = diagnose(
      targetTimingOut(
        logged(
          'WARNING: REDIS_URL missing scheme',
          'ERROR: Redis connection failed: Timeout connecting to server',
        ),
      ),
    )[0]!;
    assert.equal(top.category, 'network-sg', `${top.rule}: ${top.cause}`);
  });

  it('a loopback address stays the setting, whatever AWS shows', () => {
    const top = diagnose(
      awsvpc(logged("ERROR 2003 (HY000): Can't connect to MySQL server on '127.0.0.1' (110)")),
    )[0]!;
    assert.notEqual(top.category, 'network-sg', `${top.rule}: ${top.cause}`);
  });

  it('without AWS context the same words stay the dependency', () => {
    const top = diagnose(logged('MongoServerSelectionError: Server selection timed out after 30000 ms'))[0]!;
    assert.equal(top.category, 'dependency-unreachable', `${top.rule}: ${top.cause}`);
  });
});
