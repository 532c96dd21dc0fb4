import type { Rule } from '../types.js';

/*
 * The app decrypts data it stored earlier (credentials, connection secrets, cookies, tokens) with a key from its
 * settings, and the key is not the one the data was encrypted with: a key generated anew at each start, a different
 * key per task, a key rotated or left out of the new environment. Rails' credentials with the wrong master key
 * (`ActiveSupport::MessageEncryptor::InvalidMessage`), Laravel's APP_KEY (`DecryptException: The MAC is invalid` /
 * `The payload is invalid`), ASP.NET Core Data Protection with no shared key ring (`The key {…} was not found in the key
 * ring`), n8n's `Mismatching encryption keys`, Airflow's FERNET_KEY (`cryptography.fernet.InvalidToken`), and the AEAD
 * ciphers' own words as Go (`cipher: message authentication failed`), Node (`Unsupported state or unable to
 * authenticate data`) and the JVM (`AEADBadTagException: Tag mismatch`) print them. KMS refusing `kms:Decrypt` is the
 * role's (secrets-iam), not this.
 */
const rule: Rule = {
  id: 'encryption-key-mismatch',
  category: 'config-env',
  match: [
    {
      in: ['log', 'healthOutput', 'localField', 'stoppedReason', 'containerReason'],
      re: /(?<what>ActiveSupport::MessageEncryptor::InvalidMessage|DecryptException(?:\(code: \d+\))?: The (?:MAC|payload) is invalid|The key \{?[\w-]+\}? was not found in the key ring|Mismatching encryption keys[^\n]{0,120}|cryptography\.fernet\.InvalidToken|cipher: message authentication failed|Unsupported state or unable to authenticate data|AEADBadTagException: Tag mismatch)/,
    },
  ],
  cause:
    '{service} could not decrypt data it stored earlier because the key in its settings is not the one the data was encrypted with: {what}.',
  fix: 'Give every task the same, persistent key the data was encrypted with (from a secret, not generated at start; for ASP.NET Core, a shared key ring), or re-create the encrypted data with the new key, and redeploy.',
  confidence: 0.65,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero', 'local-unhealthy'],
  examples: {
    match: [
      [
        [
          'log',
          'ActiveSupport::MessageEncryptor::InvalidMessage (ActiveSupport::MessageEncryptor::InvalidMessage)',
        ],
      ],
      [
        [
          'log',
          'production.ERROR: The MAC is invalid. {"exception":"[object] (Illuminate\\\\Contracts\\\\Encryption\\\\DecryptException(code: 0): The MAC is invalid.',
        ],
      ],
      [
        [
          'log',
          'System.Security.Cryptography.CryptographicException: The key {2b1f6a3c-0d4e-4c1b-9a55-7d2f1e0b9c11} was not found in the key ring.',
        ],
      ],
      [
        [
          'log',
          'Error: Mismatching encryption keys. The encryption key in the settings file /home/node/.n8n/config does not match the N8N_ENCRYPTION_KEY env var.',
        ],
      ],
      [['log', 'cryptography.fernet.InvalidToken']],
    ],
    noMatch: [
      [['log', 'AccessDeniedException: User is not authorized to perform: kms:Decrypt on resource']],
      [['log', 'Data Protection keys persisted to /keys']],
    ],
  },
};
export default rule;
