import type { Rule } from '../types.js';

/*
 * A binary for another CPU: the kernel refuses it (`exec format error`), or, where Docker Desktop or binfmt emulates
 * the other CPU, the program starts and dies inside the emulator, which signs the crash itself (qemu-user's
 * `qemu: uncaught target signal`, its loader's `qemu-x86_64: Could not open '/lib64/ld-linux-x86-64.so.2'`, Apple's
 * `rosetta error:`). Either way the fix is an image built for the host's platform.
 */
const rule: Rule = {
  id: 'exec-format-error',
  category: 'arch-mismatch',
  match: [
    {
      re: /exec format error|qemu: uncaught target signal \d+|qemu-\w+: Could not open '[^']*ld-[^']*'|rosetta error: /,
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
    ],
    noMatch: [
      [['log', 'exec user process caused: no such file or directory']],
      [['log', 'Setting up qemu-user-static (1:7.2+dfsg-7) ...']],
    ],
  },
};
export default rule;
