import type { Rule } from '../types.js';

/*
 * A bare connect timeout is filed under `other` on purpose: the same line comes from a blocking security group,
 * a stopped host and client bugs (one public report was fixed by upgrading the DB driver), so naming one would mislead.
 */
const rule: Rule = {
  id: 'connect-timeout-ambiguous',
  category: 'other',
  match: [{ re: /connect ETIMEDOUT (?<addr>[\w.:-]+:\d+)|\bETIMEDOUT\b|connect timed out/ }],
  cause:
    'Connections from {service} to {addr|a dependency} time out; a timeout alone does not show whether a security group drops the traffic, the host is down, or the client misbehaves.',
  fix: "Check, in order: that the dependency's security group allows {service}'s security group on that port, that the dependency is running at that address, and the client library's version and known issues.",
  confidence: 0.4,
  examples: {
    match: [[['log', 'Error: connect ETIMEDOUT 10.0.0.109:5432']]],
    noMatch: [[['log', 'Error: connect ECONNREFUSED 10.0.0.109:5432']]],
  },
};
export default rule;
