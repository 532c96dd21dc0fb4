import type { Rule } from '../types.js';

/*
 * The image's programs were built for instructions the host CPU lacks (AVX, AVX2, SSE4.2, x86-64-v2/v3): the CPU
 * family matches, so nothing says `exec format error`, and the program either checks first and says so or dies on
 * the first such instruction with SIGILL (exit 132). Each checker words it its own way: MongoDB 5's entrypoint
 * (`requires a CPU with AVX support`), glibc in EL9 images (`CPU does not support x86-64-v2`), Go built with GOAMD64
 * (`can only be run on AMD64 processors with v3 microarchitecture support`), TensorFlow (`compiled to use AVX
 * instructions, but these aren't available on your machine`), NumPy (`built with baseline optimizations … your
 * machine doesn't support`), ClickHouse (`The CPU does not support SSSE3 instruction set`); without a check, the
 * shell's or the runtime's report of the signal. Like another CPU's image, the fix is a build for this host (a
 * baseline or older image) or a host with the instructions. SIGILL is also how Swift and Rust traps end, so a
 * runtime's own fatal banner keeps the crash for runtime-fatal-banner.
 */
const rule: Rule = {
  id: 'cpu-features-missing',
  category: 'arch-mismatch',
  match: [
    {
      re: /(?<what>requires a CPU with AVX\w* support|CPU does not support x86-64-v\d|can only be run on AMD64 processors with v\d microarchitecture support|compiled to use (?:AVX|SSE)[\w.]* instructions, but these aren't available on your machine|NumPy was built with baseline optimizations|The CPU does not support [\w.]+ instruction set|(?:^|\d\s+|: |\s)Illegal instruction(?:\s|$)|SIGILL: illegal instruction|signal: illegal instruction|exited with code 132\b)/,
      not: /qemu: uncaught target signal/,
    },
  ],
  unless: [{ re: /Fatal error: |panicked at|\bpanic: |ud2/ }],
  cause:
    "{service}'s image was built for CPU instructions this host does not have ({what}), so its program stops at start or dies on the first such instruction.",
  fix: 'Run an image built for the baseline of this CPU (an older tag or the baseline/non-AVX build the project publishes, or rebuild without `-march=native`/GOAMD64=v3), or move the task to a host or instance type whose CPU has the instructions (on a VM, pass the host CPU type through).',
  confidence: 0.8,
  beats: ['essential-exited-nonzero', 'local-exit-nonzero', 'native-abort', 'uncaught-exception'],
  examples: {
    match: [
      [
        [
          'log',
          'WARNING: MongoDB 5.0+ requires a CPU with AVX support, and your current system does not appear to have that!',
        ],
      ],
      [['log', 'Fatal glibc error: CPU does not support x86-64-v2']],
      [['log', 'This program can only be run on AMD64 processors with v3 microarchitecture support.']],
      [['log', 'Instruction check fail. The CPU does not support SSE4.2 instruction set.']],
      [['log', 'Illegal instruction (core dumped)']],
      [['log', '/entrypoint.sh: line 9:     7 Illegal instruction     (core dumped) /app/server']],
      [['log', 'mongo exited with code 132']],
    ],
    noMatch: [
      [['log', 'qemu: uncaught target signal 4 (Illegal instruction) - core dumped']],
      [['log', 'sh: 1: set: Illegal option -o pipefail']],
      [
        ['log', 'Fatal error: Unexpectedly found nil while unwrapping an Optional value'],
        ['log', 'Illegal instruction (core dumped)'],
      ],
      [['log', 'java.lang.IllegalStateException: illegal instruction count']],
      [['log', 'web exited with code 1320']],
    ],
  },
};
export default rule;
