import type { Rule } from '../types.js';

/*
 * An app that signs sessions or tokens refuses to start without its secret, or with the placeholder one it ships:
 * authentik (`Secret key missing`), NextAuth / Auth.js (`NO_SECRET`, `MissingSecret`, `Please define a \`secret\` in
 * production`), Superset (`Refusing to start due to insecure SECRET_KEY`). Phoenix's `environment variable SECRET_KEY_BASE is
 * missing` is env-var-not-set's; Rails', Django's, Flask's and Laravel's wordings stay in required-setting-missing.
 * The fix is the same: set the secret in the service's environment or secrets.
 */
const rule: Rule = {
  id: 'secret-key-missing',
  category: 'config-env',
  match: [
    {
      in: ['log', 'localField', 'stoppedReason', 'containerReason'],
      re: /(?<what>\bSecret key missing\b|\[next-auth\]\[error\]\[NO_SECRET\]|\bMissingSecret\b[^\n]{0,80}|Please define a `secret` in production|Refusing to start due to insecure SECRET_KEY)/,
    },
  ],
  cause: '{service} will not start without the secret it signs sessions or tokens with ({what}).',
  fix: 'Generate a random secret and set it in the service’s environment or secrets (the variable the app’s documentation names), then redeploy.',
  confidence: 0.75,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [
        [
          'log',
          '{"event": "Secret key missing, check https://goauthentik.io/docs/installation/.", "level": "info"}',
        ],
      ],
      [
        [
          'log',
          '[next-auth][error][NO_SECRET] https://next-auth.js.org/errors#no_secret Please define a `secret` in production.',
        ],
      ],
      [
        [
          'log',
          '[auth][error] MissingSecret: Please define a `secret`. Read more at https://errors.authjs.dev#missingsecret',
        ],
      ],
      [['log', 'Refusing to start due to insecure SECRET_KEY']],
    ],
    noMatch: [[['log', 'Loaded secret key from /run/secrets/app_key']]],
  },
};
export default rule;
