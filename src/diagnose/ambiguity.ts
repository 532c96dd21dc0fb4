import type { Category } from './types.js';

/**
 * Evidence that reads two or three ways by its nature, whatever tool printed it. When the first finding comes from
 * one of these families, the other categories of its set are the neighbours a user should check next, so they go
 * before the learned ranking's leftovers (below every signature that matched: they add no evidence of their own).
 */
export interface AmbiguitySet {
  family: string;
  /** Rules whose evidence is of this family. */
  rules: readonly string[];
  /** Every reading of the family, the first finding's own among them. */
  categories: readonly Category[];
  /** Why the same lines read as these too; completes "The same evidence ...". */
  why: string;
}

export const AMBIGUITY_SETS: readonly AmbiguitySet[] = [
  {
    family: 'a connection that timed out',
    rules: [
      'connect-timeout-ambiguous',
      'connect-timeout-dropped',
      'managed-endpoint-timeout',
      'dependency-timeout-aws-network',
      'compose-dependency-timeout',
    ],
    categories: ['network-sg', 'dependency-unreachable', 'other'],
    why: 'a timeout is a path that drops packets (security group, route, endpoint) as often as a dependency that is not up',
  },
  {
    family: 'a refused connection',
    rules: ['connection-refused', 'refused-at-default-host', 'refused-at-unusual-port'],
    categories: ['dependency-unreachable', 'config-env', 'port-binding'],
    why: 'a refusal is a dependency not up, a host or port setting that points elsewhere, or a server listening on another address',
  },
  {
    // Inside a container the loopback address is the container itself, so what is left besides the setting and the
    // dependency is a tool that put the wrong address there (rounds 14 and 16 in train); no train capture of these
    // rules is a server bound to the wrong address.
    family: 'a refused connection to the loopback address',
    rules: [
      'refused-with-loopback-setting',
      'loopback-dependency-refused',
      'loopback-refused-no-db-host',
      'loopback-refused-no-cache-host',
      'loopback-refused-no-broker-host',
      'loopback-dependency-down-on-host',
    ],
    categories: ['config-env', 'dependency-unreachable', 'other'],
    why: "a refusal at the container's own address is a host setting left at its local default, a dependency that is not up, or a tool's fault that put that address there (a compose release that does not interpolate a variable, a client library resolving `localhost` to an address the server does not listen on)",
  },
  {
    // A client library's own word that its database or broker did not take the connection: some of these are
    // refusals, some are timeouts, so they read the way both of those families do.
    family: 'a dependency that did not take the connection',
    rules: ['dependency-not-ready'],
    categories: ['dependency-unreachable', 'config-env', 'network-sg'],
    why: 'a client gives up on its database or broker when the dependency is not up yet, when the host or port setting points elsewhere, or when the path to it drops the packets (a security group, a route, a host firewall)',
  },
  {
    family: 'a name that does not resolve',
    rules: ['name-not-resolved', 'host-setting-not-resolved'],
    categories: ['dependency-unreachable', 'config-env', 'network-sg'],
    why: 'a name fails to resolve when its service is not up, when the setting has a typo, or when DNS in the network does not answer',
  },
  {
    family: 'a pull that failed',
    rules: ['pull-failed-no-cause', 'registry-network-timeout'],
    categories: ['image-pull', 'network-sg', 'secrets-iam'],
    why: 'a pull fails on the image reference, on the path to the registry, or on the credentials for it',
  },
  {
    // The registry answered, so the path to it is not the cause; what is left besides the reference and the
    // credentials is the registry's or the puller's own fault (rounds 6 and 16 in train).
    family: 'a pull the registry refused',
    rules: ['pull-access-denied', 'pull-manifest-not-found'],
    categories: ['image-pull', 'secrets-iam', 'other'],
    why: "a registry refuses a pull for a wrong image reference, for missing or wrong credentials, or for its own or the pulling agent's fault (an image or tag withdrawn upstream, an outage, an agent release bug)",
  },
  {
    family: 'an unhealthy target',
    rules: ['elb-health-failed', 'elb-health-code-mismatch'],
    categories: ['health-check-command', 'port-binding', 'app-crash'],
    why: 'a target fails its check when the check is wrong, when it probes a port nothing listens on, or when the app is not answering',
  },
  {
    family: 'a file the kernel will not execute',
    rules: ['exec-format-error'],
    categories: ['arch-mismatch', 'app-crash'],
    why: '`exec format error` is a binary built for another CPU, or a script whose first line is not a usable `#!` (missing, or ending in a Windows carriage return)',
  },
  {
    family: 'a port already in use',
    rules: ['port-in-use'],
    categories: ['port-binding', 'app-crash', 'other'],
    why: 'a port is taken by another program or mapping, by the app binding it twice itself, or by a tool that still holds it (a stale proxy, a desktop release bug)',
  },
  {
    family: 'a role a service could not use',
    rules: ['role-not-usable'],
    categories: ['secrets-iam', 'cfn-template', 'other'],
    why: 'a role is refused for its trust or policy, for a template that passes the wrong one or orders it after its user, or because IAM had not yet propagated a role made in the same deploy',
  },
  {
    family: 'a template a transform rejected',
    rules: ['transform-rejected'],
    categories: ['cfn-template', 'other'],
    why: "a transform's rejection is the template's fault as a rule, and a transform release or an old packaging CLI's otherwise",
  },
];

const BY_RULE = new Map(AMBIGUITY_SETS.flatMap((s) => s.rules.map((r) => [r, s] as const)));

/** The ambiguity set the first finding's rule belongs to, if any. */
export function ambiguitySet(rule: string | undefined): AmbiguitySet | undefined {
  return rule === undefined ? undefined : BY_RULE.get(rule);
}
