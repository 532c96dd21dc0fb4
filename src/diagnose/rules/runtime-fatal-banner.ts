import type { Rule } from '../types.js';

/*
 * The line a runtime prints when the program dies of its own error, in the forms uncaught-exception's list lacks:
 * PHP's `PHP Fatal error:` and `PHP Parse error:` (a compile error such as syntax a newer PHP removed, also relayed by
 * nginx as `FastCGI sent in stderr: "PHP message: PHP Fatal error: …"`), .NET
 * Framework's and older .NET Core's capitalised `Unhandled Exception: System.…`, CPython's `Fatal Python error:`, and
 * Ruby's `syntax error, unexpected`. The program's code (or a plugin of it) is where the fix goes. A line that also
 * names a connection failure or a memory limit is left to the rules that read those.
 * Runtimes whose crash line is the bug itself: Rust's panic messages for one (`called \`Option::unwrap()\` on a \`None\`
 * value`, `index out of bounds: the len is …`, `attempt to subtract with overflow`, `attempt to divide by zero`; not
 * `panicked at`, which names only the place, nor `Result::unwrap()` on an `Err`, which wraps any error), Swift's `Fatal
 * error: Unexpectedly found nil while unwrapping an Optional value` / `Fatal error: Index out of range`, Zig's `panic:
 * integer overflow` / `reached unreachable code`, Haskell's `Prelude.head: empty list`, `Maybe.fromJust: Nothing`,
 * `Non-exhaustive patterns`, OCaml's `Fatal error: exception Not_found` (and its other built-in exceptions).
 */
const rule: Rule = {
  id: 'runtime-fatal-banner',
  category: 'app-crash',
  match: [
    {
      in: ['log', 'healthOutput'],
      re: /\bPHP (?:Fatal|Parse) error:|^PHP Fatal error|^\s*Unhandled Exception: (?:System\.|Microsoft\.)|Fatal Python error: |\bsyntax error, unexpected\b|called `Option::unwrap\(\)` on a `None` value|index out of bounds: the len is \d+ but the index is \d+|attempt to (?:add|subtract|multiply|negate|shift left|shift right) with overflow|attempt to divide by zero|Fatal error: Unexpectedly found nil while (?:implicitly )?unwrapping an Optional value|Fatal error: Index out of range|\bpanic: (?:integer overflow|reached unreachable code)|Prelude\.(?:head|tail|last|init|!!): (?:empty list|index too large|negative index)|Maybe\.fromJust: Nothing|Non-exhaustive patterns in|^Fatal error: exception (?:Not_found|Invalid_argument|Failure|Match_failure|Assert_failure|Division_by_zero)\b/,
      not: /Connection refused|timed out|timeout|could not connect|Can't connect|getaddrinfo|Name or service not known|No route to host|Network is unreachable|php_network_getaddresses|Allowed memory size|out of memory|Cannot allocate memory/i,
    },
  ],
  cause:
    "{service}'s runtime stopped it with a fatal error in the program's own code (a parse or compile error, a panic, an unhandled exception); the message on that line is the cause.",
  fix: 'Fix the code path or the plugin/module named in the error (or pin the image or runtime version it was written for, if a runtime upgrade removed what it uses), then rebuild and redeploy {service}.',
  confidence: 0.5,
  beats: ['essential-exited-nonzero', 'local-exit-nonzero'],
  examples: {
    match: [
      [
        [
          'log',
          'PHP Fatal error:  Array and string offset access syntax with curly braces is no longer supported in /var/www/html/lib/Zip.php on line 489',
        ],
      ],
      [['log', 'PHP Parse error:  syntax error, unexpected token "}" in /app/index.php on line 12']],
      [['log', 'Unhandled Exception: System.InvalidOperationException: Sequence contains no elements']],
      [['log', 'Fatal Python error: _PyInterpreterState_Get(): no current thread state']],
      [['log', "app/models/user.rb:14: syntax error, unexpected end-of-input, expecting `end'"]],
      [['log', 'called `Option::unwrap()` on a `None` value']],
      [
        [
          'log',
          'Swift/Optional.swift:46: Fatal error: Unexpectedly found nil while unwrapping an Optional value',
        ],
      ],
      [['log', 'app: Prelude.head: empty list']],
      [['log', 'Fatal error: exception Not_found']],
    ],
    noMatch: [
      // Rust prints the panic's place on this line and its reason after it, which other rules read.
      [['log', "thread 'main' panicked at src/main.rs:42:10:"]],
      [
        [
          'log',
          'PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [2002] Connection refused in /app/db.php:8',
        ],
      ],
      [
        [
          'log',
          'PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes)',
        ],
      ],
      [['log', 'Unhandled exception. System.Net.Http.HttpRequestException: Connection refused (db:5432)']],
    ],
  },
};
export default rule;
