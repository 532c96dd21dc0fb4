import type { Rule } from '../types.js';

/*
 * The container instance's ECS agent is not connected, so ECS will not place on it: a service event's `encountered
 * error "AGENT"` for the closest matching instance, `agentConnected: false`, the console's `Agent Connected false`.
 * The task asked for nothing the instance lacks; the agent (or the instance under it) has to be restarted or replaced.
 * A generic "no container instance met all of its requirements" reads as capacity; this names why.
 */
const rule: Rule = {
  id: 'agent-disconnected',
  category: 'other',
  match: [
    {
      re: /(?<what>encountered error \\?"AGENT\\?"|\bagentConnected\\?"?\s*[:=]\s*false\b|\bAgent Connected:?\s*false\b|\b(?:ECS |container )?agent (?:is |was )?(?:currently )?disconnected\b|agent is not connected|(?:doesn't|does not) have the agent connected|\\?"Reason\\?":\\?"AGENT\\?")/i,
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
    ],
    noMatch: [
      [['log', '2017-12-08T10:10:43.523Z - error: [AGENT] Failed to connect to MongoDB instance.']],
      [['log', '"agentConnected": true,']],
    ],
  },
};
export default rule;
