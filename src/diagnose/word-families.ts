/*
 * Families of words that mean one thing whatever tool printed them, for the learned ranking (tokens.ts): a timeout is
 * `ETIMEDOUT` in Node, `timed out` in Java, `deadline exceeded` in Go and `execution expired` in Ruby. A report in a
 * phrasing the training corpus lacks still shares the family's token with the captures that used another. Chosen by
 * the cross-validation on train (test/fixtures/diagnose/README.md, "Session 9 rules", part j); the rules keep their
 * own, stricter patterns.
 */
export const WORD_FAMILIES: ReadonlyArray<readonly [string, RegExp]> = [
  ['<timeout>', /time[ds]?[ -]?out|timeout|deadline exceeded|ETIMEDOUT|execution expired/i],
  ['<refused>', /refused|ECONNREFUSED/i],
  [
    '<notfound>',
    /not found|no such|ENOENT|does not exist|doesn't exist|unknown|cannot find|could not find|missing/i,
  ],
  ['<denied>', /denied|forbidden|unauthori[sz]ed|not authori[sz]ed|\b403\b|permission/i],
  [
    '<unresolved>',
    /ENOTFOUND|EAI_AGAIN|no such host|Name or service not known|could not resolve|getaddrinfo|nodename nor servname|Unknown host|UnknownHost/i,
  ],
  ['<inuse>', /EADDRINUSE|address already in use|port is already allocated|already in use/i],
  ['<killed>', /\bkilled\b|SIGKILL|\b137\b|OOM/i],
  ['<invalid>', /invalid|malformed|not valid|validation|must be|must match/i],
  ['<localhost>', /localhost|127\.0\.0\.1|::1\b/i],
  ['<unhealthy>', /unhealthy|health ?check/i],
  ['<exit>', /exit(?:ed)? (?:with )?(?:code|status)|exit code/i],
];

/** The family tokens of one line of text. */
export const familiesOf = (text: string): string[] =>
  WORD_FAMILIES.filter(([, re]) => re.test(text)).map(([token]) => token);
