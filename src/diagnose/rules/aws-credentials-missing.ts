import type { Rule } from '../types.js';

/*
 * The app's AWS SDK found no usable credentials, in each SDK's words: botocore's NoCredentialsError, the JS SDK's
 * CredentialsProviderError, Go's NoCredentialProviders, Java's SdkClientException, the CLI's `Unable to locate
 * credentials`; or credentials AWS rejected as expired or unknown. In a task that means no task role (or a static key
 * baked into the image), so the fix is the task definition's IAM side.
 */
const rule: Rule = {
  id: 'aws-credentials-missing',
  category: 'secrets-iam',
  match: [
    {
      in: ['log', 'stoppedReason', 'containerReason', 'healthOutput', 'localField'],
      re: /(?<what>NoCredentialsError|Unable to locate credentials|CredentialsProviderError|Could not load credentials from any providers|NoCredentialProviders|Unable to load (?:AWS )?credentials from any (?:of the )?providers|ExpiredToken(?:Exception)?|The security token included in the request is (?:invalid|expired)|InvalidClientTokenId|UnrecognizedClientException)/,
    },
  ],
  cause: "{service}'s AWS SDK had no valid credentials ({what}), so its AWS calls failed.",
  fix: 'Give the task a task role (`taskRoleArn`) with the permissions the app needs and let the SDK pick it up from the container credentials endpoint; remove static or expired keys from the image and environment.',
  confidence: 0.75,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', 'botocore.exceptions.NoCredentialsError: Unable to locate credentials']],
      [['log', 'CredentialsProviderError: Could not load credentials from any providers']],
    ],
    noMatch: [[['log', 'Found credentials from IAM Role: app-task-role']]],
  },
};
export default rule;
