import type { Catalogue } from './types.js';

/** The Linux kernel's errno names, as libc, libuv (Node), Go and the JVM print them. */
const linux: Catalogue = {
  id: 'errno',
  tool: 'the Linux kernel',
  reference: 'https://man7.org/linux/man-pages/man3/errno.3.html',
  entries: [
    {
      code: 'ENOSPC',
      category: 'resources-oom',
      meaning: 'no space left on the device being written to',
      fix: 'Free or enlarge the volume the service writes to (ephemeral storage, the mounted volume, /tmp), or write less to it.',
      example: "Error: ENOSPC: no space left on device, write '/app/cache/build.json'",
    },
  ],
};
const catalogues: readonly Catalogue[] = [linux];
export default catalogues;
