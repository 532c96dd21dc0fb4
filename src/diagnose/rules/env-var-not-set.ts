import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'env-var-not-set',
  category: 'config-env',
  match: [
    {
      in: ['log', 'healthOutput', 'localField', 'stoppedReason', 'containerReason'],
      re: /\b(?<var>[A-Z][A-Z0-9]*_[A-Z0-9_]+)\b(?: (?:env(?:ironment)? )?var(?:iable)?)? (?:is )?(?:not set|not defined|undefined|is required|must be set|missing(?! (?:a |the )?(?:scheme|protocol|port)\b)|empty)\b|(?:missing|required|undefined) (?:env(?:ironment)? )?var(?:iable)?s?:? ['"`]?(?<var2>[A-Z][A-Z0-9_]{2,})|Environment variable not found: "?(?<var3>\w+)|KeyError: '(?<var4>[A-Z][A-Z0-9]*_[A-Z0-9_]+)'|(?:^|[\s:])(?<var5>[A-Za-z_]\w*): (?:unbound variable|parameter not set|parameter null or not set)|env(?:ironment)? variables? (?:are|is) (?:not set|not defined|missing)\b[^\n]*?\b(?<var6>[A-Z][A-Z0-9]*_[A-Z0-9_]+)|\bMissing (?:env(?:ironment)? var(?:iable)? )?(?<var7>[A-Z][A-Z0-9]*_[A-Z0-9_]+)\b/,
    },
  ],
  cause:
    '{service} cannot start properly because the setting {var,var2,var3,var4,var5,var6,var7} is not provided in its environment.',
  fix: "Add {var,var2,var3,var4,var5,var6,var7} to the service's environment (or secrets) in the spec / task definition and redeploy.",
  confidence: 0.8,
  beats: ['uncaught-exception', 'local-unhealthy', 'local-exit-nonzero', 'essential-exited-nonzero'],
  examples: {
    match: [
      [
        [
          'healthOutput',
          'HTTP 503: {"status":"unhealthy","reason":"rule cache failed to load: RULES_URL not set"}',
        ],
      ],
      [['log', 'error: Environment variable not found: DATABASE_URL.']],
      [['log', '/app/start.sh: line 3: REDIS_URL: unbound variable']],
      [['log', 'sh: 1: API_TOKEN: parameter not set']],
      [['log', 'Error: Required environment variables are not set: please provide REDIS_URL']],
      [
        [
          'log',
          'crashed with reason: no match of right hand value {error,"Missing DATABASE_URL.~n"} in bh_sup:pool_opts/1',
        ],
      ],
      [['log', 'In EnvVarProcessor.php line 171: Environment variable not found: "APP_SECRET".']],
    ],
    noMatch: [
      [['log', 'RULES_URL=https://rules.internal loaded']],
      [['log', './run.sh: line 9: $1: unbound variable']],
      [['log', 'Missing translations for en_US']],
      // The value is there, only malformed: not a setting left out.
      [['log', 'WARNING: REDIS_URL missing scheme']],
    ],
  },
};
export default rule;
