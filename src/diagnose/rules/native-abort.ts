import type { Rule } from '../types.js';

/*
 * Native code aborted the process (SIGABRT, exit 134) rather than faulting: glibc's `double free or corruption` and
 * `corrupted size vs. prev_size`, C++'s `terminate called after throwing an instance of`, an assertion `failed.
 * Aborted (core dumped)`, Go's `fatal error: unexpected signal` and `SIGABRT: abort`, and the exit code 134 as Compose,
 * kubectl, `docker ps` and Go's os/exec report it (.NET on Linux also ends an unhandled exception with it). The program or one of its
 * native libraries crashed; an allocation failure (`std::bad_alloc`) is memory and left to that rule.
 */
const rule: Rule = {
  id: 'native-abort',
  category: 'app-crash',
  match: [
    {
      in: ['log', 'exitCode', 'containerReason', 'stoppedReason', 'localField'],
      re: /^134$|exited with code 134\b|exit (?:code|status):? ?134\b|Exit Code:?\s+134\b|ExitCode"?:\s*134\b|Exited \(134\)|(?<what>double free or corruption|corrupted (?:size vs\. prev_size|double-linked list)|free\(\): invalid pointer|terminate called after throwing an instance of|Assertion [`'‘][^\n]*failed|Aborted \(core dumped\)|SIGABRT: abort|fatal error: unexpected signal during runtime execution|stack smashing detected)/,
      not: /bad_alloc|out of memory/i,
    },
  ],
  unless: [{ in: ['log'], re: /std::bad_alloc|Cannot allocate memory/ }],
  cause:
    '{service} was aborted by native code ({what|exit code 134, SIGABRT}): the program or one of its native libraries crashed.',
  fix: 'Reproduce with the same image locally and read the lines before the abort; if a new image version started it, go back to the previous tag and report it; check native dependencies match the base image.',
  confidence: 0.7,
  beats: ['essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [
        ['log', 'double free or corruption (out)'],
        ['log', 'Aborted (core dumped)'],
      ],
      [['log', "terminate called after throwing an instance of 'std::runtime_error'"]],
      [['exitCode', '134']],
      [['log', 'api-1 exited with code 134']],
      [['log', '      Exit Code:    134']],
    ],
    noMatch: [
      [['log', "terminate called after throwing an instance of 'std::bad_alloc'"]],
      [['exitCode', '137']],
    ],
  },
};
export default rule;
