import type { Rule } from '../types.js';

/*
 * The program starts and cannot load part of itself or a library it depends on, in each runtime's words: the JVM's
 * `Could not find or load main class` and `NoClassDefFoundError`, .NET's `Could not load file or assembly`, Ruby's
 * `cannot load such file -- x (LoadError)` and Bundler's `GemNotFound`, PHP's `Failed opening required`, Perl's
 * `Can't locate X in @INC`, Python's `cannot import name`, Node's ESM `Cannot find package`. The image was built
 * without it (a COPY or dependency left out, a stale lock file), so the fix is the image (app-crash).
 * A native part the build left behind reads the same way: Prisma's query engine not copied next to a bundle or not
 * built for the image's platform, node-bindings' `Could not locate the bindings file`, a native addon compiled for
 * another Node (`NODE_MODULE_VERSION`): the build must install or rebuild it inside the image.
 * The program's own entry file missing is the same family: the JVM's `Unable to access jarfile`, PHP's `Could not open
 * input file`, Ruby's `ruby: No such file or directory -- x (LoadError)`, .NET's `The application to execute does not
 * exist`, Deno's and Bun's `error: Module not found "…"`, Dart's `Error when reading 'bin/server.dart': No such file or
 * directory` (Node's is node-module-not-found's). Python's `can't open file` is left out: in this corpus it is as often
 * a volume mounted over the app's directory (config-env).
 */
const rule: Rule = {
  id: 'runtime-dependency-missing',
  category: 'app-crash',
  match: [
    {
      in: ['log', 'containerReason', 'stoppedReason', 'localField'],
      re: /Could not find or load main class (?<what>[\w.$]+)|NoClassDefFoundError: (?<what2>[\w/.$]+)|Could not load file or assembly '(?<what3>[^',]+)|cannot load such file -- (?<what4>\S+)|Bundler::GemNotFound|Could not find (?<what5>[\w.-]+) in (?:any of the sources|locally installed gems)|Failed opening required '(?<what6>[^']+)'|Can't locate (?<what7>\S+) in @INC|ImportError: cannot import name '(?<what8>\w+)'|Cannot find package '(?<what9>[^']+)' imported from|could not locate the (?<what10>Query Engine for runtime "[^"]+")|(?<what11>Query engine (?:library|binary) for current platform "[^"]+") could not be found|Could not locate the (?<what12>bindings file)|(?<what13>[\w./@-]+\.node)' was compiled against a different Node\.js version|Unable to access jarfile (?<what14>\S+)|Could not open input file: (?<what15>\S+)|\bruby: No such file or directory -- (?<what16>\S+) \(LoadError\)|The application to execute does not exist: '(?<what17>[^'\n]+)'|error: Module not found "(?<what18>[^"\n]+)"|Error when reading '(?<what19>[^'\n]+)': No such file or directory/,
    },
  ],
  cause:
    "{service}'s program could not load {what,what2,what3,what4,what5,what6,what7,what8,what9,what10,what11,what12,what13,what14,what15,what16,what17,what18,what19|a part of itself or a library it needs}: the image was built without it.",
  fix: "Rebuild the image with everything the program loads: check the Dockerfile's COPY and build output paths, install the dependency in the runtime stage (and pin it in the lock file), or go back to the previous image tag.",
  confidence: 0.8,
  beats: ['uncaught-exception', 'essential-exited-nonzero', 'local-exit-nonzero', 'worker-crashed'],
  examples: {
    match: [
      [['log', 'Error: Could not find or load main class com.example.Main']],
      [
        [
          'log',
          "Unhandled exception. System.IO.FileNotFoundException: Could not load file or assembly 'SampleApp, Culture=neutral, PublicKeyToken=null'.",
        ],
      ],
      [['log', "/app/config/boot.rb:3:in `require': cannot load such file -- bootsnap/setup (LoadError)"]],
      [
        [
          'log',
          "ImportError: cannot import name 'url_quote' from 'werkzeug.urls' (/usr/local/lib/python3.11/site-packages/werkzeug/urls.py)",
        ],
      ],
      [['log', "PHP Fatal error:  Uncaught Error: Failed opening required '/var/www/vendor/autoload.php'"]],
      [['log', 'Prisma Client could not locate the Query Engine for runtime "linux-musl-openssl-3.0.x".']],
      [
        [
          'log',
          'PrismaClientInitializationError: Query engine library for current platform "debian-openssl-1.1.x" could not be found.',
        ],
      ],
      [['log', 'Error: Could not locate the bindings file. Tried:']],
      [['log', 'Error: Unable to access jarfile /app/app.jar']],
      [['log', "Error: Error when reading 'bin/server.dart': No such file or directory"]],
      [
        [
          'log',
          "Error: The module '/app/node_modules/bcrypt/lib/binding/napi-v3/bcrypt_lib.node' was compiled against a different Node.js version using",
        ],
      ],
    ],
    noMatch: [
      [['log', 'Could not find the requested resource']],
      [['log', 'ImportError: No module named yaml']],
      [['log', 'prisma:engine Search for Query Engine in /app/node_modules/.prisma/client']],
    ],
  },
};
export default rule;
