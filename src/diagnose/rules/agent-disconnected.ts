import type { Rule } from '../types.js';

/*
 * The container instance's ECS agent is not connected, so ECS will not place on it: a service event's `encountered
 * error "AGENT"` for the closest matching instance, `agentConnected: false`, the console's `Agent Connected false`.
 * The agent's own log says so too: `Error connecting to TCS` / `ACS` with a refused handshake, `Error getting message from ws
 * backend`; when it cannot reach the endpoints at all (`dial tcp … i/o timeout`), that is the network instead.
 * Other agents say the same of their host: Session Manager's `TargetNotConnected`, Run Command's `Instances [[i-…]] not in a
 * valid state` (the SSM agent is not online), the kubelet's `Kubelet stopped posting node status`.
 * The task asked for nothing the instance lacks; the agent (or the instance under it) has to be restarted or replaced.
 * A generic "no container instance met all of its requirements" reads as capacity; this names why.
 */
const rule: Rule = {
  id: 'agent-disconnected',
  category: 'other',
  match: [
    {
      re: /(?<what>encountered error \\?"AGENT\\?"|\bagentConnected\\?"?\s*[:=]\s*false\b|\bAgent Connected:?\s*false\b|\b(?:ECS |container )?agent (?:is |was )?(?:currently )?disconnected\b|agent is not connected|(?:doesn't|does not) have the agent connected|\\?"Reason\\?":\\?"AGENT\\?"|Error connecting to [AT]CS\b[^\n]{0,120}|Error getting message from ws backend[^\n]{0,80}|\(TargetNotConnected\)[^\n]{0,120}|Kubelet stopped posting node status|Instances \[\[[^\]]*\]\] not in a valid state)/i,
      // An agent that cannot reach its endpoints at all is the network (a route, a resolver), not the agent.
      not: /i\/o timeout|no such host|dial tcp|deadline exceeded|connection timed out/i,
    },
  ],
  cause:
    "The ECS agent on the container instance is disconnected ({what}), so ECS would not place {service}'s tasks there.",
  fix: 'Restart the ECS agent on the instance (or replace the instance) and check the agent log for why it lost its connection; update the agent / ECS-optimized AMI if it recurs.',
  confidence: 0.75,
  beats: ['placement-unexplained'],
  examples: {
    match: [
      [
        [
          'log',
          'An error occurred (TargetNotConnected) when calling the StartSession operation: i-0123456789abcdef0 is not connected.',
        ],
      ],
      [['log', '  Ready   Unknown   NodeStatusUnknown   Kubelet stopped posting node status.']],
      [
        [
          'log',
          'An error occurred (InvalidInstanceId) when calling the SendCommand operation: Instances [[i-0123456789abcdef0]] not in a valid state for account 123456789012',
        ],
      ],
      [
        [
          'serviceEvent',
          'service web was unable to place a task because no container instance met all of its requirements. The closest matching container-instance 3f1c encountered error "AGENT". For more information, see the Troubleshooting section.',
        ],
      ],
      [['log', '"agentConnected": false,']],
      [
        [
          'serviceEvent',
          "service api was unable to place a task because no container instance met all of its requirements. The closest matching container-instance 9b2e doesn't have the agent connected. For more information, see the Troubleshooting section.",
        ],
      ],
      [['log', 'The container instance agent is currently disconnected; tasks are not placed on it.']],
      [
        [
          'log',
          '2016-02-22T10:33:05Z [ERROR] Error connecting to TCS: {"AccessDeniedException":"Forbidden"}, websocket: bad handshake module="tcs handler"',
        ],
      ],
      [
        [
          'log',
          '[ERROR] Error getting message from ws backend: error: [read tcp 10.0.1.5:40112->52.1.2.3:443: use of closed network connection], messageType: [-1]',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'log',
          '2015-12-15T20:20:14Z [ERROR] Error connecting to ACS: dial tcp: i/o timeout module="acs handler"',
        ],
      ],
      [['log', '2017-12-08T10:10:43.523Z - error: [AGENT] Failed to connect to MongoDB instance.']],
      [['log', '"agentConnected": true,']],
    ],
  },
};
export default rule;
