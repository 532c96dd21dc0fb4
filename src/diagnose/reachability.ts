import type { EvidenceKind, Matcher } from './types.js';

/*
 * Words for "could not reach it", shared by the rules that tell where the fix goes. What the connection attempt got
 * back says where it failed: a refusal is an answer (the host is there, nothing listens: the dependency is down or not
 * ready), a timeout is no answer at all (the packets were dropped: a security group, a network ACL, a route, a client
 * outside the VPC), and no route means the network itself has no path. Each family is one meaning in many tools' words.
 */

/**
 * A connection attempt that got no answer, in each runtime's and client's words: Node (`connect ETIMEDOUT`), Java
 * (`connect timed out`, `ConnectTimeoutException`), Python (`[Errno 110]`, redis-py's `Timeout connecting to server`,
 * psycopg2's `timeout expired`, pymongo's `host:27017: timed out`, urllib3's and elasticsearch-py's `ConnectTimeoutError`),
 * undici (`Connect Timeout Error`), Spring Cloud Config (`Connect Timeout Exception on Url`), KafkaJS (`Connection timeout`), SQL Server clients (`Connection Timeout Expired`, `The
 * wait operation timed out`), Go (`dial tcp …: i/o timeout`, `connect: connection timed out`), .NET and Windows
 * (`did not properly respond after a period of time`, 10060), libpq and PHP (`Connection timed out`), MySQL clients
 * (`(110)`, `(10060)`), curl (`Connection timed out after`, `(28) Failed to connect`), nginx (`upstream timed out (110`),
 * Elixir (`tcp connect (db:5432): timeout`), Ruby (`Net::OpenTimeout`, `Errno::ETIMEDOUT`), librdkafka (`Connection setup
 * timed out`), Kafka's admin client (`Timed out waiting for a node assignment`: no broker answered), ssh and MongoDB (`MongoNetworkTimeoutError`, `connection timed out`).
 * Also redis-rb's `Timed out connecting to Redis on …`, and proxies' connects to their upstream: Envoy's `reset reason:
 * connection timeout`, Apache's (APR's) `The timeout specified has expired`, beside nginx's `upstream timed out (110`.
 */
export const CONNECT_TIMEOUT =
  /\bETIMEDOUT\b|\bconnect timed out|\[(?:Errno|WinError) (?:110|10060)\]|Timeout connecting to server|\btimeout expired\b|dial tcp(?: [^\s]+)?: i\/o timeout|Connect(?:ion)?Timeout(?:Error|Exception)\b|Connect Timeout (?:Error|Exception)|KafkaJSConnectionError: Connection timeout|:\d{2,5}: timed out\b|The wait operation timed out|Connection Timeout Expired|[Cc]onnection timed out|did not properly respond after a period of time|Can't connect to (?:MySQL|MariaDB) server on '[^']+' \((?:110|10060)\)|\(28\) Failed to connect|Connection timed out after \d+|upstream timed out \(110|tcp connect \([^)]+\): timeout|Net::OpenTimeout|Connection setup timed out|MongoNetworkTimeoutError|Operation timed out|Timed out waiting for a node assignment|Timed out connecting to\b|reset reason: connection timeout|The timeout specified has expired/;

/**
 * A MongoDB driver gave up selecting a server: none answered within the selection timeout (the server is down or not
 * up yet, or its packets are dropped). Node's `MongoServerSelectionError` / `Server selection timed out after N ms`,
 * PyMongo's `ServerSelectionTimeoutError`, the Java driver's `MongoTimeoutException: Timed out after N ms while waiting
 * to connect` (or `for a server that matches`), the .NET driver's `A timeout occurred after Nms selecting a server`, the
 * Go driver's `server selection error: server selection timeout` (or `context deadline exceeded`), Ruby's
 * `Mongo::Error::NoServerAvailable`, PHP's `No suitable servers found`.
 */
export const MONGO_SELECTION_TIMEOUT =
  /MongoServerSelectionError|Server selection timed out after \d+ ?ms|ServerSelectionTimeoutError|MongoTimeoutException: Timed out after \d+ ?ms while waiting|A timeout occurred after \d+ ?ms selecting a server|server selection error: (?:server selection timeout|context deadline exceeded)|Mongo::Error::NoServerAvailable|No suitable servers found/;

/**
 * No host at that address: the connection got `EHOSTUNREACH` (`No route to host`, `Host is unreachable`, Java's
 * `NoRouteToHostException`, errno 113, Windows' 10065). Inside a subnet that is what a neighbour that does not answer
 * ARP gives: the container or task that had the address is stopped, restarting or replaced (a client kept its old
 * address), or a host firewall rejects with host-unreachable. Security groups and network ACLs drop silently instead.
 */
export const HOST_UNREACHABLE =
  /\bEHOSTUNREACH\b|[Nn]o route to host|[Hh]ost is unreachable|NoRouteToHostException|\[(?:Errno|WinError) (?:113|10065)\]|\(113[:)]/;

/**
 * No route to the network at all (`ENETUNREACH`, `Network is unreachable`, errno 101, Windows' 10051): the sender's own
 * routing has nothing for that address, e.g. a subnet with no default route, an IPv6 address from a network without
 * IPv6. musl (Alpine and BusyBox images) and Rust on musl say `Network unreachable`.
 */
export const NETWORK_UNREACHABLE =
  /\bENETUNREACH\b|[Nn]etwork is unreachable|\bNetwork unreachable\b|\[(?:Errno|WinError) (?:101|10051)\]/;

/** Either: the connection found no path to the address. */
export const NO_ROUTE = new RegExp(`${HOST_UNREACHABLE.source}|${NETWORK_UNREACHABLE.source}`);

/** The address is this machine or container itself: reaching it is a question of the setting, not of the network. */
export const LOOPBACK_TARGET =
  /\b(?:localhost|127\.0\.0\.\d+|0\.0\.0\.0)\b|::1\b|\[::1\]|host\.docker\.internal/;

/**
 * A Compose log: each line prefixed with its service's name (`worker_1    |`, `db-1  |`), or Compose's own words. There
 * is no security group between Compose services on one network, so a timeout there is the dependency's state.
 */
export const COMPOSE_LOG =
  /^[\w.-]+[_-]\d+\s+\|\s|^[\w.-]+\s{2,}\|\s|\bdocker[- ]compose\b|\bcompose\.ya?ml\b/;

/**
 * An address on a Docker bridge network (172.17–172.30, first /24: what Docker and Compose hand out), where a container
 * that is not running has no address to answer from: silence or no route there is the container's state, not a
 * firewall's. (172.31.0.0/16 is left out: it is AWS's default VPC.)
 */
export const DOCKER_BRIDGE_ADDR = /\b172\.(?:1[7-9]|2\d|30)\.0\.\d{1,3}\b/;

/** Either sign that the connection was between containers on one Docker host. */
export const BETWEEN_CONTAINERS = new RegExp(`${COMPOSE_LOG.source}|${DOCKER_BRIDGE_ADDR.source}`);

/** A log line or local field showing the connection was between containers on one Docker host. */
export const ON_ONE_HOST: Matcher = { in: ['log', 'localField'], re: BETWEEN_CONTAINERS };

/** Where a connection failure is read: log lines, stop reasons and a local process's fields. */
export const FAILURE_KINDS: readonly EvidenceKind[] = [
  'log',
  'stoppedReason',
  'containerReason',
  'localField',
];

/**
 * A connection failure to an address that is not this machine: the matcher for the failing line (which must not name
 * loopback), and an `unless` for a loopback address printed after the failure within the same message (libpq names
 * the host on the next line).
 */
export function awayFromLoopback(
  failure: RegExp,
  kinds: readonly EvidenceKind[] = FAILURE_KINDS,
): { match: Matcher; loopbackAfter: Matcher } {
  return {
    match: { in: kinds, re: failure, not: LOOPBACK_TARGET },
    loopbackAfter: { span: 3, re: new RegExp(`(?:${failure.source})[^]*?(?:${LOOPBACK_TARGET.source})`) },
  };
}

/**
 * The capture names the network between the two ends: a security group, network ACL, VPC, subnet, route table, NAT or
 * internet gateway, peering, a firewall rule, or ECS's own `check your task network configuration`.
 */
export const NETWORK_NAMED =
  /[Ss]ecurity [Gg]roups?\b|\bsg-[0-9a-f]{6,}|[Nn]etwork ACL|\bNACLs?\b|\bVPC\b|\b(?:private|public) subnet|\bsubnet-[0-9a-f]{6,}|[Rr]oute table|NAT [Gg]ateway|[Ii]nternet [Gg]ateway|VPC [Pp]eering|[Ff]irewall rules?|task network configuration/;
