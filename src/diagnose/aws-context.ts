import { NOT_A_SERVICE_API } from './aws-calls.js';
import { NETWORK_FACTS } from './network-facts.js';
import { NETWORK_NAMED } from './reachability.js';
import type { Matcher } from './types.js';

/*
 * Evidence that a connection ran inside AWS networking, where a connection that got no answer has a security group, a
 * network ACL, a route or a NAT between its two ends (Compose services on one Docker host have none). A timeout alone
 * stays ambiguous (connect-timeout-ambiguous); the same timeout together with this context reads as the network. A
 * private address alone is not this context: a Compose network, a VPN or a laptop use the same ranges.
 */

/**
 * The user's own resource reached by its AWS host name: an RDS or Aurora database, an ElastiCache or MemoryDB cache,
 * an MSK broker, DocumentDB, OpenSearch, Amazon MQ, a load balancer or an EC2 host (NOT_A_SERVICE_API in aws-calls.ts).
 */
export const AWS_RESOURCE_HOST: Matcher = { re: NOT_A_SERVICE_API };

/**
 * What ECS and the load balancer recorded about the failing service: a target the load balancer's check timed out on
 * (`Target.Timeout`, `Request timed out`), or a task definition in `awsvpc` mode (each task has its own network
 * interface and security groups). A service's `assignPublicIp` is left to network-facts.ts: a public IP says nothing
 * about the security group in front of a database.
 */
export const AWS_NETWORK_SHAPE: Matcher = {
  in: ['targetHealth', 'taskDefField', 'serviceField'],
  re: /Target\.Timeout|Request timed out|networkMode=awsvpc/,
};

/** Either kind, for rules that need one sign of AWS networking; each adds support on its own. */
export const AWS_CONTEXT: readonly Matcher[] = [AWS_RESOURCE_HOST, AWS_NETWORK_SHAPE];

/**
 * Any sign that the two ends have AWS networking between them, as one matcher for a rule that needs it beside the
 * failure: the contexts above, the task's network facts (no public IP, isolated subnets) or the network named outright.
 */
export const AWS_NETWORK_BETWEEN: Matcher = {
  re: new RegExp(
    [NOT_A_SERVICE_API, AWS_NETWORK_SHAPE.re, NETWORK_FACTS, NETWORK_NAMED]
      .map((r) => `(?:${r.source})`)
      .join('|'),
    'i',
  ),
};
