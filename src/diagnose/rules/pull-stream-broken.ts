import type { Rule } from '../types.js';

/*
 * The registry's answer to a pull was cut off (`Error response from daemon: unexpected EOF`, `error pulling image
 * configuration: … EOF`, `failed to copy: … unexpected EOF`): the image name, tag and credentials were accepted, and
 * the registry (or a proxy in front of it) broke the stream. That is the registry's side and passes by retrying, not
 * the image reference, so `other`; a reference that is wrong is refused with a status instead.
 */
const rule: Rule = {
  id: 'pull-stream-broken',
  category: 'other',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'serviceEvent', 'localField'],
      re: /Error response from daemon: (?:unexpected )?EOF\s*$|error pulling image configuration:[^\n]{0,120}\bEOF\b|failed to (?:copy|do request)[^\n]{0,160}unexpected EOF|CannotPullContainerError:[^\n]{0,200}unexpected EOF/,
      not: /not found|manifest unknown|denied|unauthori[sz]ed|toomanyrequests|i\/o timeout|no such host/i,
    },
  ],
  cause:
    "The registry broke off its answer while {service}'s image was being pulled (unexpected EOF): the registry's or a proxy's side, not the image name.",
  fix: "Retry the deployment; if it repeats, check the registry's status page and any proxy or mirror between the hosts and the registry, or pull from a mirror (ECR pull-through cache).",
  confidence: 0.6,
  examples: {
    match: [
      [['log', 'Error response from daemon: unexpected EOF']],
      [['log', 'error pulling image configuration: download failed after attempts=6: unexpected EOF']],
    ],
    noMatch: [[['log', 'Error response from daemon: manifest for acme/app:v9 not found: manifest unknown']]],
  },
};
export default rule;
