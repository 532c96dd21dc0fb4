import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'kms-access-denied',
  category: 'secrets-iam',
  match: [
    {
      re: /Access to KMS is not allowed|not authorized to perform:?\s*kms:Decrypt|KMS\.AccessDeniedException/i,
    },
  ],
  cause:
    'The task execution role may read the secret but not decrypt it: the KMS key that encrypts the secret does not allow that role.',
  fix: "Grant the task execution role kms:Decrypt on the secret's KMS key (in the role policy and, for a customer-managed key, the key policy), or encrypt the secret with a key the role can use.",
  confidence: 0.92,
  beats: ['secret-access-denied', 'iam-not-authorized'],
  examples: {
    match: [
      [
        [
          'stoppedReason',
          'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:eu-central-1:1:secret:x from secrets manager: AccessDeniedException: Access to KMS is not allowed status code: 400',
        ],
      ],
    ],
    noMatch: [
      [['stoppedReason', 'AccessDeniedException: User: x is not authorized to perform: ssm:GetParameters']],
    ],
  },
};
export default rule;
