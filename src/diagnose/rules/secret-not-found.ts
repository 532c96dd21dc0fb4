import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'secret-not-found',
  category: 'secrets-iam',
  match: [
    {
      // The second half is the same absence in an SDK's, Terraform's or Kubernetes' words, when the app or the tool
      // reads the secret itself.
      re: /unable to (?:retrieve|pull) secrets?[^\n]*?(?:ResourceNotFoundException|can't find the specified secret|ParameterNotFound|invalid (?:ssm )?parameters?:?\s*\[?(?<param>[^\]\s,]+))|Secrets Manager can'?t find the specified secret|\bParameterNotFound(?:Exception)?\b|\bsecret "(?<param2>[^"\s]+)" not found/i,
    },
  ],
  cause:
    'A secret or parameter the task reads ({param,param2|see the evidence}) does not exist under that name or ARN in this account and region.',
  fix: "Point the container's `secrets[].valueFrom` (or the name the app, Terraform or the pod spec asks for) at the full ARN of an existing secret or parameter in the task's region (Parameter Store names include their full path), or create it there.",
  confidence: 0.88,
  examples: {
    match: [
      [
        [
          'stoppedReason',
          'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid ssm parameters: /app/prod/API_KEY',
        ],
      ],
      [
        [
          'stoppedReason',
          'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): invalid parameters: [/app/prod/DB_PASSWORD]',
        ],
      ],
      [
        [
          'stoppedReason',
          "ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: ResourceNotFoundException: Secrets Manager can't find the specified secret.",
        ],
      ],
      [
        [
          'log',
          "botocore.errorfactory.ResourceNotFoundException: An error occurred (ResourceNotFoundException) when calling the GetSecretValue operation: Secrets Manager can't find the specified secret.",
        ],
      ],
      [['log', 'Error: secret "api-db-credentials" not found']],
    ],
    noMatch: [
      [['stoppedReason', 'unable to retrieve secret from asm: failed to fetch']],
      [['log', 'secret "api-db-credentials" created']],
    ],
  },
};
export default rule;
