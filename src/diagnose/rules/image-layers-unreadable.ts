import type { Rule } from '../types.js';

/*
 * The image was found and downloaded but its layers could not be unpacked: layer and diff-ID counts that disagree
 * (an image mixing zstd and gzip layers, which the ECS agent's containerd cannot read), a layer whose checksum or tar
 * stream is broken, a media type the runtime does not support. Rebuilding and pushing the image fixes it, so
 * image-pull. A layer that does not fit on the disk is resources-oom (disk-full), not this.
 */
const rule: Rule = {
  id: 'image-layers-unreadable',
  category: 'image-pull',
  match: [
    {
      re: /(?<what>number of layers and diffIDs don't match[^\n]{0,20}|mismatched image rootfs and manifest layers|layers from manifest don't match image configuration|filesystem layer verification failed for digest \S+|archive\/tar: invalid tar header|(?:unsupported|unknown) (?:layer )?media ?type[^\n]{0,80}|failed to register layer[^\n]{0,80}|zstd[^\n]{0,40}not supported)/i,
      not: /no space left on device|ENOSPC/i,
    },
  ],
  cause:
    "{service}'s image could be fetched but not unpacked ({what}): its layers are in a form this runtime cannot read, or corrupt.",
  fix: 'Rebuild and push the image with one compression for every layer (gzip unless every host supports zstd: `docker buildx build --output type=image,compression=gzip,force-compression=true`), from a base image the runtime supports, and deploy the new digest.',
  confidence: 0.8,
  examples: {
    match: [
      [
        [
          'stoppedReason',
          "CannotPullContainerError: ref pull has been retried 1 time(s): number of layers and diffIDs don't match: 3 != 15",
        ],
      ],
      [
        [
          'log',
          'failed to register layer: ApplyLayer exit status 1 stdout:  stderr: archive/tar: invalid tar header',
        ],
      ],
    ],
    noMatch: [
      [
        [
          'stoppedReason',
          'CannotPullContainerError: failed to register layer: Error processing tar file(exit status 1): write /usr/lib/x.so: no space left on device',
        ],
      ],
    ],
  },
};
export default rule;
