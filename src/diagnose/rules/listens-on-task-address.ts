import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'listens-on-task-address',
  category: 'port-binding',
  match: [
    {
      in: ['log'],
      re: /(?:Local|Network|Listening on|listening on|started server on|Running on):?\s+(?:https?:\/\/)?(?<host>ip-\d+-\d+-\d+-\d+[\w.-]*|(?:10|172|192)\.\d+\.\d+\.\d+):(?<port>\d+)/,
    },
    { in: ['healthCheck'], re: /localhost|127\.0\.0\.1/ },
  ],
  cause:
    'The app binds only to the task address {host}:{port}, but the container health check calls localhost, where nothing listens.',
  fix: 'Make the app listen on 0.0.0.0 (for a Next.js standalone server set HOSTNAME=0.0.0.0 in the container environment), or point the health check at the address the app binds.',
  confidence: 0.8,
  beats: ['container-health-failed'],
  examples: {
    match: [
      [
        ['log', '- Local: http://ip-10-0-97-61.us-west-2.compute.internal:3000'],
        ['healthCheck', '["CMD-SHELL","curl -f http://localhost:3000/api/health"]'],
      ],
    ],
    noMatch: [[['log', '- Local: http://ip-10-0-97-61.us-west-2.compute.internal:3000']]],
  },
};
export default rule;
