import type { Rule } from '../types.js';

/*
 * The image lacks a native library its program links against, or has one too old: the dynamic loader's `error while
 * loading shared libraries: X: cannot open shared object file`, Python's or Node's `ImportError`/`Error` quoting the
 * same, musl's `Error loading shared library` and `Error relocating … symbol not found` (a glibc binary on Alpine),
 * glibc's `version 'GLIBC_2.34' not found`, Java's `UnsatisfiedLinkError`, Windows' `DLL load failed`, an Erlang
 * release's `Unusable Erlang runtime system! … compiled for another system` (built on another base image than it runs
 * on). The image was built wrong, so the fix is the image (app-crash), not the deployment.
 */
const rule: Rule = {
  id: 'shared-library-missing',
  category: 'app-crash',
  match: [
    {
      in: ['log', 'containerReason', 'stoppedReason', 'localField'],
      re: /error while loading shared libraries: (?<lib>[^\s:]+)|(?<lib2>[\w.+-]+\.so(?:\.[\w.]+)?): cannot open shared object file|Error loading shared library (?<lib3>[^\s:]+)|Error relocating [^\n]*?symbol not found|version [`'‘"](?<lib4>GLIBC(?:XX)?_[\d.]+)['’"] not found|UnsatisfiedLinkError[^\n]*?(?:shared object|java\.library\.path|cannot open)|DLL load failed|Unusable Erlang runtime system/,
    },
  ],
  cause:
    "{service}'s image lacks a native library its program needs ({lib,lib2,lib3,lib4|a shared library}), so the program cannot load.",
  fix: 'Install the library in the image (the distribution package that provides it, in the runtime stage of a multi-stage build), build against the same base image (glibc vs musl) you run on, or go back to the previous image tag.',
  confidence: 0.85,
  beats: [
    'uncaught-exception',
    'python-module-not-found',
    'worker-crashed',
    'essential-exited-nonzero',
    'local-exit-nonzero',
    'entrypoint-not-runnable',
  ],
  examples: {
    match: [
      [
        [
          'log',
          '/usr/local/bin/app: error while loading shared libraries: libssl.so.1.1: cannot open shared object file: No such file or directory',
        ],
      ],
      [
        [
          'log',
          'Unusable Erlang runtime system! This is likely due to being compiled for another system than the host is running',
        ],
      ],
      [['log', 'ImportError: libexpat.so.1: cannot open shared object file: No such file or directory']],
      [
        [
          'log',
          "/app/server: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by /app/server)",
        ],
      ],
      [['log', 'Error relocating /app/bin/server: __memcpy_chk: symbol not found']],
    ],
    noMatch: [[['log', "ModuleNotFoundError: No module named 'requests'"]]],
  },
};
export default rule;
