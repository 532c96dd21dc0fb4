import { describe } from 'node:test';
import { itNamesEach, type PhrasingCase } from './phrasing-cases.js';

/*
 * Session 11, part h: the network between the task and what it must reach, in many tools' words.
 * Written from how each SDK, client and runtime words it (not copied from the corpus), with routine lines around.
 */
const app = (name: string, ...lines: string[]) => ({
  service: 'api',
  logs: { api: [`starting api v3.2.0`, 'loaded configuration from environment', ...lines] },
});

const awsEndpoint = (name: string, ...lines: string[]): PhrasingCase => ({
  name,
  expect: 'network-sg',
  rule: 'aws-endpoint-no-answer',
  capture: app(name, ...lines),
});

/** An AWS API (STS, S3, Secrets Manager, SSM, CloudWatch Logs, ECR) with no network path from the task. */
const endpoints: readonly PhrasingCase[] = [
  awsEndpoint(
    'the Java SDK v2 reaching Secrets Manager',
    '2026-12-06 01:00:00.101  INFO 1 --- [main] c.e.orders.OrdersApplication : Starting OrdersApplication',
    'software.amazon.awssdk.core.exception.SdkClientException: Unable to execute HTTP request: Connect to secretsmanager.us-east-1.amazonaws.com:443 [secretsmanager.us-east-1.amazonaws.com/52.46.141.17] failed: Connect timed out',
  ),
  awsEndpoint(
    'the Go SDK v2 reading from S3',
    'level=info msg="loading config object"',
    'level=fatal msg="load config" error="operation error S3: GetObject, exceeded maximum number of attempts, 3, https response error StatusCode: 0, RequestID: , HostID: , request send failed, Get \\"https://config-bucket.s3.us-east-1.amazonaws.com/app.json\\": dial tcp 52.217.40.14:443: i/o timeout"',
  ),
  awsEndpoint(
    'the PHP SDK reading an SSM parameter',
    '[2026-12-06 01:00:02] production.ERROR: Error executing "GetParameter" on "https://ssm.eu-west-1.amazonaws.com"; AWS HTTP error: cURL error 28: Failed to connect to ssm.eu-west-1.amazonaws.com port 443 after 10001 ms: Timeout was reached',
  ),
  awsEndpoint(
    '.NET assuming a role through STS',
    'Unhandled exception. System.Net.Http.HttpRequestException: A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond. (sts.us-east-1.amazonaws.com:443)',
  ),
  awsEndpoint(
    'the JavaScript SDK v3 sending logs',
    'Error: connect ETIMEDOUT 52.94.177.30:443',
    "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16) { errno: -110, code: 'ETIMEDOUT', syscall: 'connect', address: '52.94.177.30', port: 443, hostname: 'logs.us-east-1.amazonaws.com' }",
  ),
  awsEndpoint(
    'boto3 calling STS',
    'botocore.exceptions.ConnectTimeoutError: Connect timeout on endpoint URL: "https://sts.eu-central-1.amazonaws.com/"',
  ),
  awsEndpoint(
    "Fluent Bit's CloudWatch output",
    '[2026/12/06 01:00:03] [ info] [output:cloudwatch_logs:cloudwatch_logs.0] worker #0 started',
    '[2026/12/06 01:00:13] [error] [upstream] connection #52 to tcp://logs.us-east-1.amazonaws.com:443 timed out after 10 seconds (connection timeout)',
  ),
  awsEndpoint(
    "the Rust SDK's dispatch failure",
    'Error: DispatchFailure(DispatchFailure { source: ConnectorError { kind: Timeout, source: HttpTimeoutError { kind: "HTTP connect", duration: 3.1s }, connection: Unknown } }) calling https://secretsmanager.us-west-2.amazonaws.com/',
  ),
  awsEndpoint(
    'the Ruby SDK reading a secret',
    'Seahorse::Client::NetworkingError: Failed to open TCP connection to secretsmanager.us-east-1.amazonaws.com:443 (execution expired)',
  ),
];

const managed = (name: string, ...lines: string[]): PhrasingCase => ({
  name,
  expect: 'network-sg',
  rule: 'managed-endpoint-timeout',
  capture: app(name, ...lines),
});

/** A managed database, cache, broker or search domain whose packets are dropped. */
const managedStores: readonly PhrasingCase[] = [
  managed(
    'psycopg reaching RDS',
    'psycopg.OperationalError: connection failed: connection to server at "orders.c9akciq32.us-east-1.rds.amazonaws.com" (10.0.3.41), port 5432 failed: Connection timed out',
  ),
  managed(
    'Lettuce reaching ElastiCache',
    'io.lettuce.core.RedisConnectionException: Unable to connect to sessions.abc123.ng.0001.use1.cache.amazonaws.com/10.0.4.12:6379',
    'Caused by: io.netty.channel.ConnectTimeoutException: connection timed out: sessions.abc123.ng.0001.use1.cache.amazonaws.com/10.0.4.12:6379',
  ),
  {
    name: 'the OpenSearch Python client reaching a VPC domain',
    expect: 'network-sg',
    rule: 'connect-timeout-dropped',
    capture: app(
      '',
      "opensearchpy.exceptions.ConnectionTimeout: ConnectionTimeout caused by - ConnectTimeoutError(<urllib3.connection.HTTPSConnection object at 0x7f>, 'Connection to vpc-search-abc.us-east-1.es.amazonaws.com timed out. (connect timeout=10)')",
    ),
  },
  {
    name: 'PyMongo reaching DocumentDB',
    expect: 'network-sg',
    rule: 'dependency-timeout-aws-network',
    capture: app(
      '',
      'pymongo.errors.ServerSelectionTimeoutError: docs.cluster-c9akciq32.us-east-1.docdb.amazonaws.com:27017: timed out, Timeout: 30s, Topology Description: <TopologyDescription id: 6751, topology_type: ReplicaSetNoPrimary>',
    ),
  },
  managed(
    'Npgsql reaching Aurora',
    'Npgsql.NpgsqlException (0x80004005): Failed to connect to 10.0.3.41:5432 (orders.cluster-c9akciq32.us-east-1.rds.amazonaws.com)',
    ' ---> System.TimeoutException: The operation has timed out.',
  ),
];

const registry = (name: string, ...lines: string[]): PhrasingCase => ({
  name,
  expect: 'network-sg',
  rule: 'registry-network-timeout',
  capture: { service: 'api', logs: { node: ['pulling image for api', ...lines] } },
});

/** A registry's /v2/ API that a node or builder cannot reach, in the words of the tools that pull. */
const registries: readonly PhrasingCase[] = [
  registry(
    "the kubelet's pull on an EKS node",
    'Failed to pull image "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.4.0": rpc error: code = DeadlineExceeded desc = failed to pull and unpack image "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.4.0": failed to resolve reference "123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.4.0": failed to do request: Head "https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/api/manifests/1.4.0": dial tcp 3.233.1.10:443: i/o timeout',
  ),
  registry(
    "containerd's ctr pull",
    'ctr: failed to resolve reference "ghcr.io/acme/api:1.4.0": failed to do request: Head "https://ghcr.io/v2/acme/api/manifests/1.4.0": dial tcp 140.82.112.34:443: i/o timeout',
  ),
  registry(
    "Podman's pull",
    'Error: initializing source docker://quay.io/acme/api:1.4.0: pinging container registry quay.io: Get "https://quay.io/v2/": dial tcp 34.224.1.2:443: i/o timeout',
  ),
  registry(
    "Docker's pull waiting for a connection",
    'Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)',
  ),
  registry(
    "BuildKit's base image resolution",
    'ERROR: failed to solve: node:20-alpine: failed to resolve source metadata for docker.io/library/node:20-alpine: failed to do request: Head "https://registry-1.docker.io/v2/library/node/manifests/20-alpine": dial tcp 54.236.1.1:443: i/o timeout',
  ),
];

const denied = (name: string, enforcer: string, record: string, failure: string): PhrasingCase => ({
  name,
  expect: 'network-sg',
  rule: 'traffic-rejected',
  capture: {
    service: 'api',
    logs: {
      api: ['starting api v3.2.0', 'opening the connection pool', failure],
      [enforcer]: [record],
    },
  },
});

/** A network policy's own deny record beside the connection it stopped, in each enforcer's words. */
const policyDenies: readonly PhrasingCase[] = [
  denied(
    'a VPC Flow Log REJECT for a Node client',
    'vpc-flow-logs',
    '2 123456789012 eni-0a1b2c3d4e5f67890 10.0.1.23 10.0.2.51 41234 5432 6 3 180 1733446805 1733446865 REJECT OK',
    'Error: connect ETIMEDOUT 10.0.2.51:5432',
  ),
  denied(
    "Cilium's monitor dropping a Go client's SYN",
    'cilium',
    'xx drop (Policy denied) flow 0x0 to endpoint 2718, ifindex 9, file bpf_lxc.c:1880, identity 48213->31544: 10.0.1.23:41234 -> 10.0.2.51:5432 tcp SYN',
    'failed to connect to `host=10.0.2.51 user=app database=shop`: dial error (dial tcp 10.0.2.51:5432: i/o timeout)',
  ),
  denied(
    "Hubble's flow for a Java client",
    'hubble',
    'Dec  6 01:00:05.120: shop/api-7d9c4-x2k (ID:48213) <> shop/postgres-0:5432 (ID:31544) Policy denied DROPPED (TCP Flags: SYN)',
    'Caused by: java.net.SocketTimeoutException: Connect timed out',
  ),
  denied(
    "the EKS network policy agent's flow log for a Python client",
    'network-policy-agent',
    'Node: ip-10-0-1-12.ec2.internal;SIP: 10.0.1.23;SPORT: 41234;DIP: 10.0.2.51;DPORT: 6379;PROTOCOL: TCP;PolicyVerdict: DENY',
    'redis.exceptions.TimeoutError: Timeout connecting to server',
  ),
  denied(
    'the Windows Firewall log for a .NET client',
    'pfirewall',
    '2026-12-06 01:00:05 DROP TCP 10.0.1.23 10.0.2.51 41234 1433 52 S 3021784425 0 64240 - - - RECEIVE',
    'Microsoft.Data.SqlClient.SqlException (0x80131904): Connection Timeout Expired.  The timeout period elapsed while attempting to consume the pre-login handshake acknowledgement.',
  ),
  denied(
    "AWS Network Firewall blocking a Ruby client's egress",
    'network-firewall',
    '{"firewall_name":"egress","availability_zone":"us-east-1a","event_timestamp":"1733446805","event":{"timestamp":"2026-12-06T01:00:05.120+0000","flow_id":1234,"event_type":"alert","src_ip":"10.0.1.23","src_port":41234,"dest_ip":"104.18.2.2","dest_port":443,"proto":"TCP","alert":{"action":"blocked","signature_id":2,"signature":"not matching any TLS allowlisted FQDNs"}}}',
    'Net::OpenTimeout: Failed to open TCP connection to api.stripe.com:443 (execution expired)',
  ),
];

const mail = (name: string, ...lines: string[]): PhrasingCase => ({
  name,
  expect: 'network-sg',
  rule: 'smtp-egress-no-answer',
  capture: app(name, 'sending the welcome email', ...lines),
});

/** Outbound mail whose connection gets no answer (egress to the mail port dropped), in each mail client's words. */
const mailEgress: readonly PhrasingCase[] = [
  mail(
    'nodemailer with its frames after the timeout',
    'Error: Connection timeout',
    '    at SMTPConnection._formatError (/app/node_modules/nodemailer/lib/smtp-connection/index.js:798:19)',
    '    at SMTPConnection._onError (/app/node_modules/nodemailer/lib/smtp-connection/index.js:784:20)',
    "  code: 'ETIMEDOUT',",
  ),
  mail(
    'Symfony Mailer under Laravel',
    '[2026-12-06 01:00:05] production.ERROR: Connection could not be established with host "ssl://smtp.gmail.com:465": stream_socket_client(): Unable to connect to ssl://smtp.gmail.com:465 (Connection timed out)',
  ),
  mail(
    ".NET's SmtpClient",
    'Unhandled exception. System.Net.Mail.SmtpException: Failure sending mail.',
    ' ---> System.Net.Sockets.SocketException (110): Connection timed out',
  ),
  mail(
    "Ruby's Net::SMTP under Action Mailer",
    'Net::OpenTimeout: execution expired',
    "/usr/local/lib/ruby/3.3.0/net/smtp.rb:663:in `tcp_socket'",
  ),
  mail(
    "Django's mail through smtplib",
    '  File "/usr/local/lib/python3.12/smtplib.py", line 312, in _get_socket',
    '    return socket.create_connection((host, port), timeout,',
    'TimeoutError: [Errno 110] Connection timed out',
  ),
  mail(
    "Spring's JavaMailSender",
    "org.springframework.mail.MailSendException: Mail server connection failed. Failed messages: org.eclipse.angus.mail.util.MailConnectException: Couldn't connect to host, port: smtp.office365.com, 587; timeout -1;",
    '\tjava.net.ConnectException: Connection timed out',
  ),
];

describe('session 11 part h: an AWS API with no network path from the task', () => itNamesEach(endpoints));
describe('session 11 part h: a managed store whose packets are dropped', () => itNamesEach(managedStores));
describe('session 11 part h: a network policy shown denying the flow', () => itNamesEach(policyDenies));
describe('session 11 part h: an image registry the puller cannot reach', () => itNamesEach(registries));
describe('session 11 part h: outbound mail with its egress dropped', () => itNamesEach(mailEgress));
