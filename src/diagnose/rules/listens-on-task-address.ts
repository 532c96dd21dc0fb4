import type { Rule } from '../types.js';

/*
 * The server binds one specific address instead of all of them: the task's or container's own IP, the EC2 host name
 * (`ip-10-0-97-61…`) or the container ID that Docker sets as HOSTNAME (`http://b11e77089501:3000`). A Next.js
 * standalone server does this whenever HOSTNAME is set, and says so in its `- Local:` line or `started server on`.
 * Loopback then finds nothing (a health check calling localhost fails, which makes it more likely), and on platforms
 * that route to another interface nothing answers either. A server that also reports listening on 0.0.0.0 or on all
 * addresses is bound everywhere, and its per-interface lines mean nothing.
 */
const rule: Rule = {
  id: 'listens-on-task-address',
  category: 'port-binding',
  match: [
    {
      in: ['log'],
      re: /(?:Local|Listening on|listening on|started server on|Running on):?\s+(?:https?:\/\/)?(?<host>ip-\d+-\d+-\d+-\d+[\w.-]*|(?:10|172|192)\.\d+\.\d+\.\d+|[0-9a-f]{12}):(?<port>\d+)/,
    },
  ],
  unless: [
    {
      in: ['log'],
      re: /Running on all addresses|(?:[Ll]istening|[Rr]unning|started server) on:?\s+(?:https?:\/\/)?(?:0\.0\.0\.0|\[::\]):/,
    },
  ],
  cause:
    'The app binds only to the address {host}:{port}, not to all interfaces, so connections to any other address (localhost for the container health check, the address the platform routes to) find nothing listening.',
  fix: 'Make the app listen on 0.0.0.0 (for a Next.js standalone server set HOSTNAME=0.0.0.0 in the container environment, since Docker sets HOSTNAME to the container ID), or point the health check at the address the app binds.',
  confidence: 0.7,
  support: [{ in: ['healthCheck'], re: /localhost|127\.0\.0\.1/ }],
  beats: ['container-health-failed'],
  examples: {
    match: [
      [
        ['log', '- Local: http://ip-10-0-97-61.us-west-2.compute.internal:3000'],
        ['healthCheck', '["CMD-SHELL","curl -f http://localhost:3000/api/health"]'],
      ],
      [['log', '   - Local:        http://146ce5541833:3000']],
      [['log', '- ready started server on 172.17.0.2:3000, url: http://172.17.0.2:3000']],
    ],
    noMatch: [
      [['log', '- Local: http://localhost:3000']],
      [
        ['log', ' * Running on all addresses (0.0.0.0)'],
        ['log', ' * Running on http://172.17.0.2:5000'],
      ],
      [['log', '- Network: http://192.168.1.20:3000']],
    ],
  },
};
export default rule;
