import type { Rule } from '../types.js';

/*
 * A settings schema validated the environment at boot and rejected it: pydantic's `2 validation errors for Settings`,
 * zod / t3-env issues whose path is an UPPER_SNAKE variable (`path: [ 'DATABASE_URL' ]`, `expected string, received
 * undefined`), envalid's `Invalid environment variables`. Missing and malformed values read alike here: the fix is in
 * the environment either way.
 */
const rule: Rule = {
  id: 'env-schema-rejected',
  category: 'config-env',
  match: [
    {
      in: ['log', 'healthOutput', 'localField', 'stoppedReason', 'containerReason'],
      re: /(?<what>\d+ validation errors? for \w*(?:Settings|Config|Env)\b|path: \[ ?['"][A-Z][A-Z0-9]*_[A-Z0-9_]+['"] ?\]|Invalid input: expected \w+, received undefined)/,
    },
  ],
  cause: "{service}'s settings schema rejected its environment at start-up ({what}).",
  fix: "Set the variables the validation names in the service's environment (or secrets), in the form the schema expects, and redeploy; an empty `X=` line counts as a value.",
  confidence: 0.75,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [['log', 'pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings']],
      [['log', "    path: [ 'NEXTAUTH_SECRET' ],"]],
      [['log', "message: 'Invalid input: expected string, received undefined'"]],
    ],
    noMatch: [[['log', '1 validation error for CreateUserRequest']]],
  },
};
export default rule;
