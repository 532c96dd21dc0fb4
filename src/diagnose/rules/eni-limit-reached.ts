import type { Rule } from '../types.js';

/*
 * awsvpc tasks each need a network interface, and the account or instance had none left: the regional quota on
 * network interfaces (`NetworkInterfaceLimitExceeded`, `You have reached the maximum number of network interfaces`,
 * `The maximum number of network interfaces has been reached`), or an instance type's attachment slots (`maximum
 * number of ENIs`, `exceeded the number of network interfaces` that can be attached). Room, not a route: not the
 * network category even though the word is "network".
 */
const rule: Rule = {
  id: 'eni-limit-reached',
  category: 'placement-capacity',
  match: [
    {
      re: /NetworkInterfaceLimitExceeded|(?:reached|exceeded) the (?:maximum|max|limit on the)? ?number of (?:elastic )?network interfaces|maximum number of (?:elastic )?network interfaces (?:has been|was) reached|maximum number of ENIs|ENI (?:limit|quota) (?:reached|exceeded)/i,
    },
  ],
  cause:
    'No network interface was left for {service}: the account or the instance reached its limit of ENIs, and every awsvpc task needs one.',
  fix: "Raise the account's network-interface quota (Service Quotas → EC2 → Network interfaces per Region), turn on ENI trunking (awsvpcTrunking) for EC2 container instances or use larger instance types, and delete ENIs left behind by deleted resources.",
  confidence: 0.86,
  beats: ['resource-init-network', 'platform-fault'],
  examples: {
    match: [
      [
        [
          'stoppedReason',
          'ResourceInitializationError: failed to configure ENI: You have reached the maximum number of network interfaces (ENIs) for this account',
        ],
      ],
      [
        [
          'log',
          'An error occurred (NetworkInterfaceLimitExceeded) when calling the CreateNetworkInterface operation',
        ],
      ],
    ],
    noMatch: [[['log', 'attached network interface eni-0abc to the task']]],
  },
};
export default rule;
