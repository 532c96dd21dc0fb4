import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose, extractEvidence, parseCapture, RULES } from '../../src/diagnose/index.js';
import { weighByDependencyKind } from '../../src/diagnose/dependency-kind.js';
import { matchRule } from '../../src/diagnose/match.js';
import { itNamesEach, logged, stopped, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 10, part o: config-env. A refusal at an unusual port on a host named for its server, a shell line given
 * as the program and cut before the runtime's verdict, database clients known by the shape of their error at
 * loopback, a loopback refusal read against only by an address for that same dependency, schema validators finding a
 * variable undefined, and an NFS / EFS volume whose directory does not exist.
 * Written from how each tool words it (not copied from the corpus), with routine lines around.
 */

/** A task definition whose one container has the given environment. */
const withEnv = (lines: string[], env: Record<string, string>) => ({
  service: 'api',
  logs: { api: ['starting api v1.4.0', 'loaded configuration from /etc/api/config.yaml', ...lines] },
  taskDefinition: {
    family: 'api',
    containerDefinitions: [
      { name: 'api', environment: Object.entries(env).map(([name, value]) => ({ name, value })) },
    ],
  },
});

const cases: readonly PhrasingCase[] = [
  // A host named for its server, refused at a port that server does not use.
  {
    name: 'Predis refused at redis:6390',
    expect: 'config-env',
    rule: 'refused-at-unusual-port',
    capture: logged(
      '[2025-03-01 10:00:00] production.ERROR: Connection refused [tcp://redis:6390] {"exception":"[object] (Predis\\\\Connection\\\\ConnectionException(code: 111)"}',
    ),
  },
  {
    name: 'redis-py refused at cache-redis:7000',
    expect: 'config-env',
    rule: 'refused-at-unusual-port',
    capture: logged(
      'redis.exceptions.ConnectionError: Error 111 connecting to cache-redis:7000. Connection refused.',
    ),
  },
  {
    name: "kombu refused at rabbitmq's management port",
    expect: 'config-env',
    rule: 'refused-at-unusual-port',
    capture: logged(
      '[2025-03-01 10:00:01,000: ERROR/MainProcess] consumer: Cannot connect to amqp://guest:**@rabbitmq:15672//: [Errno 111] Connection refused.',
    ),
  },
  {
    name: "PyMySQL refused at 'mysql:3307'",
    expect: 'config-env',
    rule: 'refused-at-unusual-port',
    capture: logged(
      "pymysql.err.OperationalError: (2003, \"Can't connect to MySQL server on 'mysql:3307' ([Errno 111] Connection refused)\")",
    ),
  },
  // A shell line given to the runtime as one program name, the stopped reason cut before its verdict.
  {
    name: "runc's exec of a whole `&&` line, cut",
    expect: 'config-env',
    rule: 'command-as-one-string',
    capture: stopped(
      'CannotStartContainerError: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "apt-get update && apt-get install -y cu',
    ),
  },
  {
    name: "Docker 17's oci runtime error with a `;` line, cut",
    expect: 'config-env',
    rule: 'command-as-one-string',
    capture: stopped(
      'CannotStartContainerError: API error (500): oci runtime error: container_linux.go:247: starting container process caused "exec: \\"cd /srv/app; bundle exec pu',
    ),
  },
  {
    name: "crun's executable file with a pipe, cut",
    expect: 'config-env',
    rule: 'command-as-one-string',
    capture: logged('Error: crun: executable file `cat /etc/app.conf | envsubst > /tmp/a'),
  },
  // Database clients known by their error's shape, refused at loopback on a port of their own choosing.
  {
    name: "the legacy MongoDB Node driver's bracketed address",
    expect: 'config-env',
    rule: 'loopback-dependency-refused',
    capture: logged('Error: failed to connect to [localhost:3001]'),
  },
  {
    name: "PyMongo's server selection at 127.0.0.1:27100",
    expect: 'config-env',
    rule: 'loopback-dependency-refused',
    capture: logged(
      'pymongo.errors.ServerSelectionTimeoutError: 127.0.0.1:27100: [Errno 111] Connection refused, Timeout: 30s, Topology Description: <TopologyDescription id: 65f0, topology_type: Unknown>',
    ),
  },
  {
    name: "redis-py's `Error 111 connecting to` at localhost:6400",
    expect: 'config-env',
    rule: 'loopback-dependency-refused',
    capture: logged('ConnectionError: Error 111 connecting to localhost:6400. Connection refused.'),
  },
  {
    name: "libpq's `connection to server at` localhost, port 5999",
    expect: 'config-env',
    rule: 'loopback-dependency-refused',
    capture: logged(
      'PG::ConnectionBad: connection to server at "127.0.0.1", port 5999 failed: Connection refused',
    ),
  },
  // A loopback refusal beside an environment that addresses only some other dependency.
  {
    name: 'psycopg at localhost:5432 with only a Redis host set',
    expect: 'config-env',
    rule: 'loopback-dependency-refused',
    capture: withEnv(
      [
        'psycopg.OperationalError: connection failed: connection to server at "127.0.0.1", port 5432 failed: Connection refused',
      ],
      { REDIS_HOST: 'redis', LOG_LEVEL: 'info' },
    ),
  },
  // Schema validators finding a variable undefined.
  {
    name: "zod 3's issue with received: 'undefined'",
    expect: 'config-env',
    rule: 'required-setting-missing',
    capture: logged(
      'ZodError: [',
      '  {',
      "    code: 'invalid_type',",
      "    expected: 'string',",
      "    received: 'undefined',",
    ),
  },
  {
    name: "valibot's `Expected string but received undefined`",
    expect: 'config-env',
    rule: 'required-setting-missing',
    capture: logged('ValiError: Invalid type: Expected string but received undefined'),
  },
  {
    name: "ajv through @fastify/env: `must have required property 'DATABASE_URL'`",
    expect: 'config-env',
    rule: 'required-setting-missing',
    capture: logged("Error: env must have required property 'DATABASE_URL'"),
  },
  {
    name: "yup's `JWT_SECRET is a required field`",
    expect: 'config-env',
    rule: 'required-setting-missing',
    capture: logged('ValidationError: JWT_SECRET is a required field'),
  },
  // Schema validators rejecting a URL variable's value (an empty `X=` line is a value).
  {
    name: "zod 3's `Invalid url` issue on an env path",
    expect: 'config-env',
    rule: 'setting-value-invalid',
    capture: logged(
      'ZodError: [',
      "  { validation: 'url', code: 'invalid_string',",
      "    message: 'Invalid url',",
      "    path: [ 'NEXT_PUBLIC_API_BASE' ] }",
    ),
  },
  {
    name: 'valibot\'s `Invalid URL: Received ""`',
    expect: 'config-env',
    rule: 'setting-value-invalid',
    capture: logged('ValiError: Invalid URL: Received ""'),
  },
  {
    name: "envalid's `Invalid url input`",
    expect: 'config-env',
    rule: 'setting-value-invalid',
    capture: logged('EnvError: Invalid url input: ""'),
  },
  {
    name: "Joi's `must be a valid uri` on a variable",
    expect: 'config-env',
    rule: 'setting-value-invalid',
    capture: logged('Error: Config validation error: "WEBHOOK_URL" must be a valid uri'),
  },
  // An NFS / EFS volume whose directory the server does not have.
  {
    name: "ECS' EFS utils stopped reason",
    expect: 'config-env',
    rule: 'nfs-export-path-missing',
    capture: stopped(
      "ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: b'mount.nfs4: mounting fs-0a1b2c3d.efs.eu-west-1.amazonaws.com:/data/app failed, reason given by server: No such file or directory' : unsuccessful EFS utils command execution; code: 32",
    ),
  },
  {
    name: "kubelet's MountVolume.SetUp output from the EFS CSI driver",
    expect: 'config-env',
    rule: 'nfs-export-path-missing',
    capture: logged(
      'MountVolume.SetUp failed for volume "pv-efs" : rpc error: code = Internal desc = Could not mount "fs-0a1b2c3d:/shared" at "/var/lib/kubelet/pods/x/volumes/kubernetes.io~csi/pv-efs/mount": mount failed: exit status 32',
      'Output: mount.nfs4: mounting fs-0a1b2c3d.efs.us-east-1.amazonaws.com:/shared failed, reason given by server: No such file or directory',
    ),
  },
  {
    name: "Docker's local driver mounting an NFS export",
    expect: 'config-env',
    rule: 'nfs-export-path-missing',
    capture: logged(
      "Error response from daemon: error while mounting volume '/var/lib/docker/volumes/media/_data': failed to mount local volume: mount :/exports/media:/var/lib/docker/volumes/media/_data, flags: 0x400, data: addr=10.0.0.5,nfsvers=4: no such file or directory",
    ),
  },
];

describe('session 10 part o phrasings', () => {
  itNamesEach(cases);

  it('a refusal at an unusual port on a bare IP stays the dependency first', () => {
    const f = diagnose(logged('Error connecting to Postgres! Error: connect ECONNREFUSED 172.20.0.3:6778'));
    assert.equal(f[0]!.category, 'dependency-unreachable', `${f[0]!.category} (${f[0]!.rule ?? 'no rule'})`);
    assert.ok(f.slice(0, 3).some((x) => x.rule === 'refused-at-unusual-port'));
  });

  it('a one-word program that is missing is not read as a command given as one string', () => {
    const f = diagnose(
      stopped(
        'CannotStartContainerError: OCI runtime create failed: runc create failed: unable to start container process: exec: "gunicorn": executable file not found in $PATH',
      ),
    );
    assert.notEqual(f[0]!.rule, 'command-as-one-string');
  });

  it("curl's own refusal at localhost is not read as a database client's", () => {
    const f = diagnose(logged('curl: (7) Failed to connect to localhost port 8080: Connection refused'));
    assert.ok(!f.some((x) => x.rule === 'loopback-dependency-refused'), 'loopback-dependency-refused fired');
  });

  // The loopback rule's own confidence, after dependency-kind.ts, in three clients' wordings: an address for some other
  // dependency leaves it, one for the same dependency lowers it.
  const loopback = RULES.find((r) => r.id === 'loopback-dependency-refused')!;
  const weighed = (line: string, env: Record<string, string>) => {
    const lines = extractEvidence(parseCapture(withEnv([line], env)));
    const hit = matchRule(loopback, lines);
    assert.ok(hit, 'loopback-dependency-refused did not match');
    return weighByDependencyKind(lines, [hit])[0]!.confidence;
  };
  const otherKind: ReadonlyArray<readonly [string, string, Record<string, string>, Record<string, string>]> =
    [
      [
        'ioredis',
        '[ioredis] Unhandled error event: Error: connect ECONNREFUSED 127.0.0.1:6379',
        { DATABASE_URL: 'postgres://app@db:5432/app' },
        { REDIS_URL: 'redis://cache:6379' },
      ],
      [
        'the MongoDB Node driver',
        'MongoServerSelectionError: connect ECONNREFUSED 127.0.0.1:27017',
        { REDIS_HOST: 'cache' },
        { MONGO_URL: 'mongodb://mongo:27017/app' },
      ],
      [
        'librdkafka',
        '127.0.0.1:9092/bootstrap: Connect to ipv4#127.0.0.1:9092 failed: Connection refused (after 0ms in state CONNECT)',
        { DB_HOST: 'db' },
        { KAFKA_URL: 'kafka:9092' },
      ],
    ];
  for (const [client, line, other, same] of otherKind) {
    it(`${client} at loopback: another dependency's address leaves the reading, its own lowers it`, () => {
      assert.equal(weighed(line, other), loopback.confidence);
      assert.ok(weighed(line, same) < loopback.confidence);
    });
  }

  it('an environment giving that same dependency a real address still reads against the setting', () => {
    const f = diagnose(
      withEnv(['MongoServerSelectionError: connect ECONNREFUSED 127.0.0.1:27017'], {
        MONGO_URL: 'mongodb://mongo:27017/app',
      }),
    );
    assert.equal(f[0]!.category, 'dependency-unreachable', `${f[0]!.category} (${f[0]!.rule ?? 'no rule'})`);
  });

  it("a request body's zod error with a value of the wrong type is not a missing setting", () => {
    const f = diagnose(logged("message: 'Invalid input: expected number, received string'"));
    assert.ok(!f.some((x) => x.rule === 'required-setting-missing'), 'required-setting-missing fired');
  });

  it('an EFS mount the server refused stays a permission', () => {
    const f = diagnose(
      stopped(
        "ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes: stderr: b'mount.nfs4: access denied by server while mounting 127.0.0.1:/' : unsuccessful EFS utils command execution; code: 32",
      ),
    );
    assert.equal(f[0]!.category, 'secrets-iam');
  });
});
