import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'exec-format-error',
  category: 'arch-mismatch',
  match: [{ re: /exec format error/ }],
  cause:
    'The image was built for a different CPU architecture than the one it runs on, so its programs cannot execute.',
  fix: 'Build for the platform the task runs on (`docker buildx build --platform linux/amd64` or `linux/arm64`, or the platform option of your CDK/compose build), or set the task runtimePlatform.cpuArchitecture to match the image; a multi-arch image avoids the mismatch.',
  confidence: 0.9,
  beats: ['essential-exited-nonzero', 'local-exit-nonzero', 'uncaught-exception'],
  examples: {
    match: [
      [['log', 'standard_init_linux.go:228: exec user process caused: exec format error']],
      [['log', 'exec /usr/local/bin/streamlit: exec format error']],
    ],
    noMatch: [[['log', 'exec user process caused: no such file or directory']]],
  },
};
export default rule;
