import { AWS_NETWORK_BETWEEN } from '../aws-context.js';
import { awayFromLoopback, MONGO_SELECTION_TIMEOUT, ON_ONE_HOST } from '../reachability.js';
import type { Rule } from '../types.js';

/**
 * A database or broker that got no answer, in the words of clients that put it as "the dependency was not there" and
 * that dependency-not-ready therefore reads as not up: MongoDB's server selection timing out, wait-for-it giving up on
 * a port, MySQL's `(110)` / `(10060)`, Prisma's `P1001: Can't reach database server`, StackExchange.Redis'
 * `ConnectTimeout`; and the connection pools that report a database that never answers as a pool that gave no
 * connection in time (Knex's `Timeout acquiring a connection`, Sequelize's `ConnectionAcquireTimeoutError`, HikariCP's
 * `Connection is not available, request timed out`, sqlx's `pool timed out while waiting for an open connection`),
 * which alone read as a full pool. MongoDB's selection timeout is read in every driver's words
 * (MONGO_SELECTION_TIMEOUT), not only Node's. The plain connect timeouts (CONNECT_TIMEOUT) are connect-timeout-dropped's, which
 * the same AWS context supports.
 */
const DEPENDENCY_TIMEOUT = new RegExp(
  [
    /Server selection timed out after \d+ ?ms|timeout occurred after waiting \d+ seconds for [\w.-]+:\d+|Can't connect to (?:MySQL|MariaDB) server on '[^']+' \((?:110|10060)\)|Timeout acquiring a connection|ConnectionAcquireTimeoutError|Connection is not available, request timed out after \d+ ?ms|Can't reach database server at/
      .source,
    // MongoDB's selection timeout in any driver, unless the line shows the server refused (that is not silence).
    `^(?![^\\n]*?(?:ECONNREFUSED|[Cc]onnection refused))[^\\n]*?(?:${MONGO_SELECTION_TIMEOUT.source})`,
    // sqlx's pool and StackExchange.Redis' connect, both given no answer in time.
    'pool timed out while waiting for an open connection',
    'redis server\\(s\\)\\. ConnectTimeout',
  ].join('|'),
);

const away = awayFromLoopback(DEPENDENCY_TIMEOUT);

/*
 * The same timeout reads differently by where it happened. Between Compose services on one Docker host nothing stands
 * between the two ends, so silence is the dependency not up (compose-dependency-timeout, dependency-not-ready). Inside
 * AWS networking (the capture shows an RDS, ElastiCache, MSK or load balancer host name, an awsvpc task, a load balancer
 * timing out on the target, a task with no public IP or isolated subnets, or names a security group, subnet, NAT or
 * route table) a managed dependency that is up still drops what its security group does not admit, so the timeout is
 * the network: an inbound rule, a route, a NAT gateway or a VPC endpoint. The combination outranks the dependency's
 * reading of the same words; without the context they stay the dependency's.
 */
const rule: Rule = {
  id: 'dependency-timeout-aws-network',
  category: 'network-sg',
  match: [away.match, AWS_NETWORK_BETWEEN],
  // Containers on one Docker host, or the dependency shown still starting: the dependency's state.
  unless: [
    ON_ONE_HOST,
    away.loopbackAfter,
    {
      in: ['log'],
      re: /database system is starting up|Redis is loading the dataset|waiting for (?:the )?database/i,
    },
  ],
  cause:
    '{service} got no answer from a dependency across AWS networking: the packets were dropped on the way (a security group without an inbound rule for {service}, a network ACL, a missing route or NAT gateway), not refused by a dependency that is down.',
  fix: "Allow {service}'s security group in the inbound rules of the dependency's security group on its port (RDS, ElastiCache, MSK, the load balancer), check the network ACLs both ways and that {service}'s subnets route to the dependency's (or to the internet through a NAT gateway for an outside service such as SMTP), then redeploy.",
  confidence: 0.65,
  beats: [
    'dependency-not-ready',
    'connect-timeout-ambiguous',
    'uncaught-exception',
    'essential-exited-nonzero',
    'local-exit-nonzero',
  ],
  examples: {
    match: [
      [
        [
          'log',
          'com.mongodb.MongoTimeoutException: Timed out after 30000 ms while waiting to connect. Client view of cluster state is {type=UNKNOWN, servers=[{address=docs.cluster-c1x2.us-east-1.docdb.amazonaws.com:27017, type=UNKNOWN, state=CONNECTING}]',
        ],
      ],
      [
        ['log', 'Error: pool timed out while waiting for an open connection'],
        ['taskDefField', 'networkMode=awsvpc'],
      ],
      [
        ['log', 'MongoServerSelectionError: Server selection timed out after 30000 ms'],
        ['targetHealth', 'unhealthy Target.Timeout Request timed out'],
      ],
      [
        ['log', "ERROR 2003 (HY000): Can't connect to MySQL server on '10.0.12.7' (110)"],
        ['taskDefField', 'networkMode=awsvpc'],
      ],
      [
        [
          'log',
          'wait-for-it.sh: timeout occurred after waiting 30 seconds for app-db.c9xk.eu-west-1.rds.amazonaws.com:5432',
        ],
      ],
      [
        ['log', 'MongoServerSelectionError: Server selection timed out after 30000 ms'],
        ['serviceEvent', '(service api) tasks run in subnet-0a1b2c3d with assignPublicIp DISABLED'],
      ],
      [
        ['log', 'KnexTimeoutError: Knex: Timeout acquiring a connection. The pool is probably full.'],
        ['log', 'DATABASE_HOST=strapi-db.c1x2y3.us-east-1.rds.amazonaws.com'],
      ],
      [
        ['log', 'HikariPool-1 - Connection is not available, request timed out after 30000ms.'],
        ['taskDefField', 'networkMode=awsvpc'],
      ],
    ],
    noMatch: [
      [['log', 'MongoServerSelectionError: Server selection timed out after 30000 ms']],
      [['log', 'KnexTimeoutError: Knex: Timeout acquiring a connection. The pool is probably full.']],
      [
        [
          'log',
          'pymongo.errors.ServerSelectionTimeoutError: db.cluster-x.us-east-1.docdb.amazonaws.com:27017: [Errno 111] Connection refused',
        ],
      ],
      [
        ['log', 'db_1   | LOG:  database system is starting up'],
        ['log', "api_1  | ERROR 2003 (HY000): Can't connect to MySQL server on 'db' (110)"],
      ],
      [
        ['log', "ERROR 2003 (HY000): Can't connect to MySQL server on '127.0.0.1' (110)"],
        ['taskDefField', 'networkMode=awsvpc'],
      ],
      [
        ['log', 'MongoServerSelectionError: connect ECONNREFUSED 10.0.3.4:27017'],
        ['taskDefField', 'networkMode=awsvpc'],
      ],
    ],
  },
};
export default rule;
