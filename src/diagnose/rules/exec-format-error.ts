import type { Rule } from '../types.js';

/*
 * A binary for another CPU: the kernel refuses it (`exec format error`), or, where Docker Desktop or binfmt emulates
 * the other CPU, the program starts and dies inside the emulator, which signs the crash itself (qemu-user's
 * `qemu: uncaught target signal`, its loader's `qemu-x86_64: Could not open '/lib64/ld-linux-x86-64.so.2'`, Apple's
 * `rosetta error:`). Either way the fix is an image built for the host's platform.
 * A native library or package built for another CPU is the same mismatch one level down, in the words of whatever
 * loads it: bash's capitalised `cannot execute binary file: Exec format error`, the JVM's `can't load AMD 64 .so on
 * a AARCH64 platform`, the dynamic loader's `wrong ELF class: ELFCLASS32` (Python's and Node's imports relay it),
 * .NET's `BadImageFormatException` (`load a program with an incorrect format`). An `invalid ELF header` is left out
 * (also a truncated or non-ELF file), and so is esbuild's `installed esbuild for another platform`: like Prisma's
 * missing engine it is a package the build left out for this platform (runtime-dependency-missing's reading).
 * Under emulation some programs die in their own words before the emulator says anything: Go's runtime cannot start
 * a thread under QEMU (`failed to create new OS thread (have 2 already; errno=22)`: EINVAL from clone; a thread limit
 * is errno=11, EAGAIN, left out) or cannot pack the emulated address space (`lfstack.push invalid packing`), and
 * Rosetta's translator asserts (`BasicBlock requested for unrecognized address`).
 */
const rule: Rule = {
  id: 'exec-format-error',
  category: 'arch-mismatch',
  match: [
    {
      re: /[Ee]xec format error|qemu: uncaught target signal \d+|qemu-\w+: Could not open '[^']*ld-[^']*'|rosetta error: |[Cc]an't load [\w -]{2,20} \.(?:so|dll) on an? [\w -]{2,20} platform|wrong ELF class: ELFCLASS(?:32|64)|load a program with an incorrect format|failed to create new OS thread \(have \d+ already; errno=22\)|lfstack\.push invalid packing|BasicBlock requested for unrecognized address/,
    },
  ],
  cause:
    'The image was built for a different CPU architecture than the one it runs on, so its programs cannot execute (or crash under emulation).',
  fix: 'Build for the platform the task runs on (`docker buildx build --platform linux/amd64` or `linux/arm64`, or the platform option of your CDK/compose build), or set the task runtimePlatform.cpuArchitecture to match the image; a multi-arch image avoids the mismatch.',
  confidence: 0.9,
  beats: ['essential-exited-nonzero', 'local-exit-nonzero', 'uncaught-exception'],
  examples: {
    match: [
      [['log', 'standard_init_linux.go:228: exec user process caused: exec format error']],
      [['log', 'exec /usr/local/bin/streamlit: exec format error']],
      [['log', 'qemu: uncaught target signal 11 (Segmentation fault) - core dumped']],
      [['log', "qemu-x86_64: Could not open '/lib64/ld-linux-x86-64.so.2': No such file or directory"]],
      [['log', 'rosetta error: failed to open elf at /lib64/ld-linux-x86-64.so.2']],
      [['log', 'bash: ./server: cannot execute binary file: Exec format error']],
      [
        [
          'log',
          "java.lang.UnsatisfiedLinkError: /tmp/libzstd.so: /tmp/libzstd.so: cannot open shared object file (Possible cause: can't load AMD 64 .so on a AARCH64 platform)",
        ],
      ],
      [['log', 'ImportError: /app/lib/_native.so: wrong ELF class: ELFCLASS32']],
      [['log', 'runtime: failed to create new OS thread (have 2 already; errno=22). fatal error: newosproc']],
      [
        [
          'log',
          'runtime: lfstack.push invalid packing: node=0xffffa45142c0 cnt=0x1 packed=0xffffa45142c00001',
        ],
      ],
      [['log', 'assertion failed [block != nullptr]: BasicBlock requested for unrecognized address']],
      [
        [
          'log',
          'System.BadImageFormatException: An attempt was made to load a program with an incorrect format. (0x8007000B)',
        ],
      ],
    ],
    noMatch: [
      [['log', 'exec user process caused: no such file or directory']],
      [['log', 'Setting up qemu-user-static (1:7.2+dfsg-7) ...']],
      [['log', 'runtime: failed to create new OS thread (have 1283 already; errno=11)']],
      [['log', 'Error: /app/node_modules/bcrypt/lib/binding/bcrypt_lib.node: invalid ELF header']],
    ],
  },
};
export default rule;
