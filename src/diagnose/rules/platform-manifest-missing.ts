import type { Rule } from '../types.js';

const rule: Rule = {
  id: 'platform-manifest-missing',
  category: 'arch-mismatch',
  match: [
    {
      re: /no matching manifest for (?<platform>\S+) in the manifest list|does not contain descriptor matching platform '(?<platform2>[^']+)'|no match for platform in manifest/,
    },
  ],
  cause:
    'The image has no variant for the platform {platform,platform2|the task runs on}, so it cannot be pulled for this task.',
  fix: "Publish the image for that platform (buildx with --platform, or a multi-arch manifest) or change the task's runtimePlatform to an architecture the image provides.",
  confidence: 0.9,
  beats: ['pull-manifest-not-found'],
  examples: {
    match: [
      [
        [
          'serviceEvent',
          "(service w) was unable to place a task. Reason: CannotPullContainerError: pull image manifest has been retried 7 time(s): image Manifest does not contain descriptor matching platform 'linux/amd64'.",
        ],
      ],
    ],
    noMatch: [[['stoppedReason', 'CannotPullContainerError: manifest for nginx:1 not found']]],
  },
};
export default rule;
