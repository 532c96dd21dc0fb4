import { describe } from 'node:test';
import { itNamesEach, logged, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 11, part i: faults outside the deployment (an AWS service's own error or throttling, an agent that lost its
 * connection) and a correctly configured dependency that was not up or not ready yet, in several tools' words.
 * Written from how each tool, client or service words it (not copied from the corpus), with routine lines around.
 */
const c = (name: string, expect: PhrasingCase['expect'], rule: string, ...lines: string[]): PhrasingCase => ({
  name,
  expect,
  rule,
  capture: logged(...lines),
});

const cases: readonly PhrasingCase[] = [
  // A broker with no reachable node: Kafka clients other than the Java one and kafka-python.
  c(
    'Sarama (Go) running out of brokers',
    'dependency-unreachable',
    'kafka-broker-unavailable',
    'level=info msg="connecting to kafka" brokers=kafka:9092',
    'panic: kafka: client has run out of available brokers to talk to: EOF',
  ),
  c(
    'librdkafka (confluent-kafka) with every broker down',
    'dependency-unreachable',
    'kafka-broker-unavailable',
    'INFO consumer group=orders starting',
    '%3|1733450000.123|FAIL|rdkafka#consumer-1| [thrd:kafka:9092/bootstrap]: kafka:9092/bootstrap: Connect to ipv4#172.20.0.4:9092 failed: Connection refused (after 0ms in state CONNECT)',
    '%3|1733450000.124|ERROR|rdkafka#consumer-1| [thrd:app]: rdkafka#consumer-1: 1/1 brokers are down',
  ),
  c(
    'KafkaJS giving up on its brokers',
    'dependency-unreachable',
    'kafka-broker-unavailable',
    '{"level":"INFO","logger":"kafkajs","message":"[Consumer] Starting","groupId":"billing"}',
    '{"level":"ERROR","logger":"kafkajs","message":"[Connection] Connection timeout","broker":"kafka:9092","clientId":"billing"}',
    'KafkaJSNumberOfRetriesExceeded: Connection timeout',
  ),
  // A message broker (RabbitMQ) not up yet, in other clients' words.
  c(
    'Celery/kombu unable to reach RabbitMQ',
    'dependency-unreachable',
    'dependency-not-ready',
    '[2025-02-01 10:00:00,000: INFO/MainProcess] celery@worker ready.',
    '[2025-02-01 10:00:00,100: ERROR/MainProcess] consumer: Cannot connect to amqp://guest:**@rabbitmq:5672//: Server unexpectedly closed connection.',
    'Trying again in 2.00 seconds... (1/100)',
  ),
  c(
    '.NET RabbitMQ.Client with no endpoint reachable',
    'dependency-unreachable',
    'dependency-not-ready',
    'info: Microsoft.Hosting.Lifetime[0] Application started.',
    'Unhandled exception. RabbitMQ.Client.Exceptions.BrokerUnreachableException: None of the specified endpoints were reachable',
    ' ---> System.AggregateException: One or more errors occurred. (Connection failed)',
  ),
  c(
    'Bunny (Ruby) with no host taking the TCP connection',
    'dependency-unreachable',
    'dependency-not-ready',
    'I, [2025-02-01T10:00:00.000000 #1]  INFO -- : Starting sneakers workers',
    'Bunny::TCPConnectionFailedForAllHosts: could not establish TCP connection to any of the configured hosts',
  ),
  // Cassandra with no node up yet.
  c(
    'the Python Cassandra driver with no host available',
    'dependency-unreachable',
    'dependency-not-ready',
    'INFO: Connecting to cluster cassandra',
    "cassandra.cluster.NoHostAvailable: ('Unable to connect to any servers', {'172.20.0.6:9042': OperationTimedOut('errors=Timed out creating connection (5 seconds), last_host=None')})",
  ),
  c(
    'the DataStax Java driver with every node failed',
    'dependency-unreachable',
    'dependency-not-ready',
    '2025-02-01 10:00:00.000  INFO 1 --- [main] c.d.o.d.i.c.DefaultMavenCoordinates : DataStax Java driver for Apache Cassandra(R) 4.17.0',
    "com.datastax.oss.driver.api.core.AllNodesFailedException: Could not reach any contact point, make sure you've provided valid addresses (showing first 1 nodes, use getAllErrors() for more): Node(endPoint=cassandra/172.20.0.6:9042, hostId=null, hashCode=1c2d): [com.datastax.oss.driver.api.core.connection.ConnectionInitException: [s0|control|connecting...] Protocol initialization request, step 1 (OPTIONS): failed to send request (io.netty.channel.StacklessClosedChannelException)]",
  ),
  c(
    'gocql unable to create its session',
    'dependency-unreachable',
    'dependency-not-ready',
    '2025/02/01 10:00:00 connecting to cassandra:9042',
    '2025/02/01 10:00:05 gocql: unable to create session: control: unable to connect to initial hosts: gocql: no hosts available in the pool',
  ),
  // Redis replicas and clusters not serving yet.
  c(
    'a Redis replica whose link to the master is down',
    'dependency-unreachable',
    'dependency-not-ready',
    'worker booted pid=7',
    "redis.exceptions.ResponseError: MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.",
  ),
  c(
    'a Redis cluster that has not formed (ioredis)',
    'dependency-unreachable',
    'dependency-not-ready',
    'server listening on :3000',
    'ReplyError: CLUSTERDOWN The cluster is down',
  ),
  c(
    'a Redis cluster still electing (Lettuce)',
    'dependency-unreachable',
    'dependency-not-ready',
    '2025-02-01 10:00:00.000  INFO 1 --- [main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port(s): 8080 (http)',
    'io.lettuce.core.RedisCommandExecutionException: CLUSTERDOWN Hash slot not served',
  ),
  // MongoDB replica set not ready (no primary yet).
  c(
    "MongoDB's Node driver on a member still recovering",
    'dependency-unreachable',
    'dependency-not-ready',
    'Server starting on port 8080',
    'MongoServerError: node is not in primary or recovering state',
  ),
  c(
    'PyMongo with no primary elected yet',
    'dependency-unreachable',
    'dependency-not-ready',
    'INFO:     Started server process [1]',
    "pymongo.errors.NotPrimaryError: not primary and secondaryOk=false, full error: {'ok': 0.0, 'errmsg': 'not primary and secondaryOk=false', 'code': 13435, 'codeName': 'NotPrimaryNoSecondaryOk'}",
  ),
  c(
    'the Java MongoDB driver answered NotWritablePrimary',
    'dependency-unreachable',
    'dependency-not-ready',
    '2025-02-01 10:00:00.000  INFO 1 --- [main] org.mongodb.driver.cluster : Adding discovered server mongo:27017 to client view of cluster',
    "com.mongodb.MongoNotPrimaryException: Command failed with error 10107 (NotWritablePrimary): 'not primary' on server mongo:27017.",
  ),
  // An AWS service's own fault, in the SDKs' newer shapes.
  c(
    "the Java SDK v2's 503 from ECS",
    'other',
    'aws-service-fault',
    'Deploying service orders to cluster prod',
    'software.amazon.awssdk.services.ecs.model.EcsException: Service Unavailable. (Service: Ecs, Status Code: 503, Request ID: 6e1c2f0a-0b0f-4c1e-9a1e-2f3b4c5d6e7f)',
  ),
  c(
    "the Go SDK v2's 500 through Terraform",
    'other',
    'aws-service-fault',
    'aws_ecs_service.api: Modifying... [id=arn:aws:ecs:us-east-1:123456789012:service/prod/api]',
    'Error: updating ECS Service (arn:aws:ecs:us-east-1:123456789012:service/prod/api): operation error ECS: UpdateService, exceeded maximum number of attempts, 3, https response error StatusCode: 500, RequestID: 3f1d2c4b-aaaa-bbbb-cccc-1234567890ab, api error InternalError: We encountered an internal error.',
  ),
  c(
    "a CloudFormation resource handler's ServiceInternalError",
    'other',
    'aws-service-fault',
    'api-stack | CREATE_IN_PROGRESS | AWS::ECS::Service | Service',
    'api-stack | CREATE_FAILED | AWS::ECS::Service | Service Resource handler returned message: "null" (RequestToken: 1a2b3c, HandlerErrorCode: ServiceInternalError)',
  ),
  // AWS throttling in other services' words.
  c(
    'S3 asking the CLI to slow down',
    'other',
    'api-throttled',
    'upload: ./build/app.zip to s3://artifacts/app.zip',
    'upload failed: ./build/assets.zip to s3://artifacts/assets.zip An error occurred (SlowDown) when calling the PutObject operation (reached max retries: 4): Please reduce your request rate.',
  ),
  c(
    'the Go SDK v2 with its retry quota spent',
    'other',
    'api-throttled',
    'level=info msg="reconciling service" service=api',
    'level=error msg="describe services failed" error="operation error ECS: DescribeServices, failed to get rate limit token, retry quota exceeded, 0 available, 5 requested"',
  ),
  c(
    'Route 53 with an earlier change still in progress',
    'other',
    'api-throttled',
    'aws_route53_record.api: Creating...',
    'Error: creating Route 53 Record: operation error Route 53: ChangeResourceRecordSets, https response error StatusCode: 400, RequestID: 9a8b, PriorRequestNotComplete: The request was rejected because Route 53 was still processing a prior request.',
  ),
  // An agent on the host that lost its connection to its control plane.
  c(
    "Session Manager's target not connected",
    'other',
    'agent-disconnected',
    'Starting session with SessionId: deploy-0a1b2c3d',
    'An error occurred (TargetNotConnected) when calling the StartSession operation: i-0123456789abcdef0 is not connected.',
  ),
  c(
    'the kubelet that stopped posting its node status',
    'other',
    'agent-disconnected',
    'Conditions:',
    '  Ready   Unknown   Mon, 01 Feb 2025 10:00:00 +0000   Mon, 01 Feb 2025 10:01:00 +0000   NodeStatusUnknown   Kubelet stopped posting node status.',
  ),
  c(
    'Systems Manager Run Command on an instance whose agent is offline',
    'other',
    'agent-disconnected',
    'Sending command to i-0123456789abcdef0',
    'An error occurred (InvalidInstanceId) when calling the SendCommand operation: Instances [[i-0123456789abcdef0]] not in a valid state for account 123456789012',
  ),
  // A cluster or coordination store that has not elected a leader (or is sealed) yet.
  c(
    "Consul's agent with no cluster leader yet",
    'dependency-unreachable',
    'dependency-not-ready',
    '==> Starting Consul agent...',
    '2025-02-01T10:00:05.000Z [ERROR] agent.anti_entropy: failed to sync remote state: error="No cluster leader"',
    'Error: Unexpected response code: 500 (No cluster leader)',
  ),
  c(
    'an etcd client while the members elect',
    'dependency-unreachable',
    'dependency-not-ready',
    '{"level":"info","msg":"acquiring leader lock","key":"/scheduler/lock"}',
    '{"level":"error","msg":"failed to acquire lock","error":"etcdserver: no leader"}',
  ),
  c(
    'Vault still sealed after its restart',
    'dependency-unreachable',
    'dependency-not-ready',
    'vault-agent: starting auto-auth',
    'Error making API request.',
    'URL: PUT http://vault:8200/v1/auth/approle/login',
    'Code: 503. Errors:',
    '* Vault is sealed',
  ),
  c(
    "Elasticsearch's Python client before a master is elected",
    'dependency-unreachable',
    'dependency-not-ready',
    'INFO:     Waiting for application startup.',
    "elasticsearch.exceptions.TransportError: TransportError(503, 'master_not_discovered_exception', None)",
  ),
  c(
    'OpenSearch answering with no cluster manager',
    'dependency-unreachable',
    'dependency-not-ready',
    '[indexer] creating index products',
    '{"error":{"root_cause":[{"type":"cluster_manager_not_discovered_exception","reason":null}],"type":"cluster_manager_not_discovered_exception","reason":null},"status":503}',
  ),
  c(
    'a ZooKeeper client that lost its ensemble',
    'dependency-unreachable',
    'dependency-not-ready',
    '2025-02-01 10:00:00,000 INFO Initiating client connection, connectString=zookeeper:2181 sessionTimeout=18000',
    'org.apache.zookeeper.KeeperException$ConnectionLossException: KeeperErrorCode = ConnectionLoss for /brokers/ids',
  ),
  // A proxy or load balancer with no backend to send to.
  c(
    "HAProxy's own 503 page",
    'dependency-unreachable',
    'upstream-none-healthy',
    'GET http://lb/health -> 503',
    '<html><body><h1>503 Service Unavailable</h1>',
    'No server is available to handle this request.',
    '</body></html>',
  ),
  c(
    'ingress-nginx with a Service that has no ready pod',
    'dependency-unreachable',
    'upstream-none-healthy',
    'I0201 10:00:00.000000       7 controller.go:190] "Configuration changes detected, backend reload required"',
    'W0201 10:00:01.000000       7 controller.go:1214] Service "default/api" does not have any active Endpoint.',
  ),
  c(
    'Kong with every target of its upstream unhealthy',
    'dependency-unreachable',
    'upstream-none-healthy',
    '2025/02/01 10:00:00 [notice] 1#0: start worker processes',
    '2025/02/01 10:00:05 [error] 1234#0: *5 [lua] balancer.lua:121: failure to get a peer from the ring-balancer, client: 10.0.0.1, server: kong, request: "GET /orders HTTP/1.1"',
  ),
  // A CI runner or build agent lost under the job.
  c(
    'a GitHub-hosted runner that lost communication',
    'other',
    'platform-fault',
    'Run docker compose up -d --wait',
    'The hosted runner: GitHub Actions 12 lost communication with the server. Anything in your workflow that terminates the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.',
  ),
  c(
    "a GitLab runner's system failure",
    'other',
    'platform-fault',
    'Running with gitlab-runner 17.0.0 (44feccdf)',
    'There has been a runner system failure, please try again',
  ),
  c(
    'an Azure Pipelines agent that went silent',
    'other',
    'platform-fault',
    'Starting: Deploy to ECS',
    'We stopped hearing from agent Hosted Agent. Verify the agent machine is running and has a healthy network connection. Anything that terminates an agent process, starves it for CPU, or blocks its network access can cause this error.',
  ),
  c(
    'a self-hosted GitHub runner shut down under the job',
    'other',
    'platform-fault',
    'Run ./scripts/deploy.sh production',
    '##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled.',
  ),
  // The engine's storage driver unable to mount the container's layers on this host.
  c(
    "Docker's overlay2 mount refused by the host",
    'other',
    'platform-fault',
    'api Pulled',
    'Error response from daemon: error creating overlay mount to /var/lib/docker/overlay2/4f1c2d/merged: invalid argument',
  ),
  c(
    "Podman's overlay mount for a container",
    'other',
    'platform-fault',
    'Trying to pull docker.io/library/api:1.4...',
    'Error: mounting storage for container 9b8a7c: creating overlay mount to /var/lib/containers/storage/overlay/2e3f/merged, mount_data="lowerdir=/var/lib/containers/storage/overlay/l/ABC,upperdir=/var/lib/containers/storage/overlay/2e3f/diff": invalid argument',
  ),
  c(
    'containerd unable to mount the rootfs',
    'other',
    'platform-fault',
    'Normal  Pulled  kubelet  Container image "acme/api:1.4" already present on machine',
    'Warning  Failed  kubelet  Error: failed to create containerd task: failed to create shim task: failed to mount rootfs component: invalid argument: unknown',
  ),
  c(
    'dockerd whose graph driver is not supported',
    'other',
    'platform-fault',
    'level=info msg="Starting up"',
    'level=error msg="failed to mount overlay: no such device" storage-driver=overlay2',
    'failed to start daemon: error initializing graphdriver: driver not supported',
  ),
];

describe('phrasings (session 11, part i): faults outside the deployment and dependencies not ready yet', () => {
  itNamesEach(cases);
});
