import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'secret-not-found',
  category: 'secrets-iam',
  match: [
    {
      re: /unable to (?:retrieve|pull) secrets?[^\n]*?(?:ResourceNotFoundException|can't find the specified secret|ParameterNotFound|invalid (?:ssm )?parameters?:?\s*\[?(?<param>[^\]\s,]+))/i,
    },
  ],
  cause:
    'A secret the task definition references ({param|see the evidence}) does not exist under that name or ARN in this account and region.',
  fix: "Point the container's `secrets[].valueFrom` at the full ARN of an existing secret or parameter in the task's region (Parameter Store names include their full path).",
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
    ],
    noMatch: [[['stoppedReason', 'unable to retrieve secret from asm: failed to fetch']]],
  },
};
export default rule;
