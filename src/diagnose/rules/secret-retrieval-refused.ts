import type { Rule } from '../types.js';
import { SINGLE_ATTEMPT } from './single-attempt.js';

/*
 * ECS could not fetch a secret or the registry credentials, and gave up after one attempt with no transport error:
 * the service refused the call (the reason is often cut off by the console or the CLI). That is the execution role's
 * permissions, a secret or parameter that does not exist under that name, or one in another account or region; a
 * network fault would have been retried.
 */
const rule: Rule = {
  id: 'secret-retrieval-refused',
  category: 'secrets-iam',
  match: [
    {
      in: ['stoppedReason', 'containerReason', 'serviceEvent', 'log', 'stackEvent', 'deployment'],
      re: /unable to (?:retrieve|pull|get) (?:secrets?|(?:ecr )?registry auth)/i,
    },
    {
      in: ['stoppedReason', 'containerReason', 'serviceEvent', 'log', 'stackEvent', 'deployment'],
      re: SINGLE_ATTEMPT,
    },
  ],
  cause:
    'ECS gave up fetching a secret or the registry credentials for {service} after a single attempt: the service refused the call, so the secret is missing, named wrongly, or not readable by the execution role.',
  fix: "Check that each `valueFrom` names an existing secret or parameter in the task's account and region (full ARN for another account), and that the task execution role may read it (ssm:GetParameters, secretsmanager:GetSecretValue, and kms:Decrypt for a customer key).",
  confidence: 0.55,
  examples: {
    match: [
      [
        [
          'stoppedReason',
          'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s)...',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'stoppedReason',
          'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 1 time(s): RequestError: send request failed caused by: Post https://api.ecr.us-east-1.amazonaws.com/',
        ],
      ],
      [
        [
          'stoppedReason',
          'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 5 time(s): RequestCanceled: request context canceled',
        ],
      ],
    ],
  },
};
export default rule;
