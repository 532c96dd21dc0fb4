import { healthPrograms, type HealthCommand } from './shell.js';

/**
 * What a container image is likely to contain, from its name alone (no registry call): enough to catch the
 * classic health check that runs curl in an image that has none. Pure; "unknown" means no opinion.
 */
export type ImageFamily =
  'scratch' | 'distroless' | 'busybox' | 'alpine' | 'debian-slim' | 'debian' | 'full' | 'unknown';

interface Contents {
  shell: boolean;
  /** Tools known to be there or known to be missing; anything else is not judged. */
  has: Partial<Record<string, boolean>>;
  /** For messages: why the image has or lacks them. */
  about: string;
}

const NONE = { curl: false, wget: false, nc: false, bash: false };

const CONTENTS: Record<Exclude<ImageFamily, 'unknown'>, Contents> = {
  scratch: { shell: false, has: NONE, about: 'scratch is empty: no shell and no tools' },
  distroless: { shell: false, has: NONE, about: 'distroless images have no shell and no curl or wget' },
  busybox: {
    shell: true,
    has: { curl: false, wget: true, nc: true, bash: false },
    about: 'busybox provides sh, wget and nc, but no curl or bash',
  },
  alpine: {
    shell: true,
    has: { curl: false, wget: true, nc: true, bash: false },
    about: 'alpine ships busybox (sh, wget, nc) but not curl or bash',
  },
  'debian-slim': {
    shell: true,
    has: { curl: false, wget: false, bash: true },
    about: 'slim Debian images have no curl or wget',
  },
  debian: {
    shell: true,
    has: { curl: false, wget: false, bash: true },
    about: 'the bare debian and ubuntu images have no curl or wget',
  },
  full: {
    shell: true,
    has: { curl: true, wget: true, bash: true },
    about: 'the full language images are built on buildpack-deps, which has curl and wget',
  },
};

/** Official images whose default (non-slim, non-alpine) variants are built on buildpack-deps. */
const BUILDPACK = new Set(['node', 'python', 'ruby', 'golang', 'buildpack-deps', 'perl', 'rust', 'haskell']);

export function parseImage(image: string): { repository: string; name: string; tag: string } {
  const ref = image.trim().split('@')[0]!;
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  const tagged = colon > slash;
  const repository = (tagged ? ref.slice(0, colon) : ref).toLowerCase();
  return {
    repository,
    name: repository.slice(repository.lastIndexOf('/') + 1),
    tag: (tagged ? ref.slice(colon + 1) : 'latest').toLowerCase(),
  };
}

export function imageFamily(image: string): ImageFamily {
  const { repository, name, tag } = parseImage(image);
  if (name === 'scratch') return 'scratch';
  // distroless ":debug" and chainguard "-dev" variants add busybox or a package manager on purpose.
  if (repository.includes('distroless')) return tag.includes('debug') ? 'busybox' : 'distroless';
  if (repository.startsWith('cgr.dev/chainguard/')) return tag.includes('dev') ? 'unknown' : 'distroless';
  if (name === 'busybox') return 'busybox';
  if (name === 'alpine' || /(^|-)alpine/.test(tag)) return 'alpine';
  if (/(^|-)slim(-|$)/.test(tag)) return 'debian-slim';
  if (name === 'debian' || name === 'ubuntu') return 'debian';
  // Docker Hub official images, also through mirrors such as public.ecr.aws/docker/library/node.
  const official = !repository.includes('/') || /(^|\/)library\/[^/]+$/.test(repository);
  if (official && BUILDPACK.has(name)) return 'full';
  return 'unknown';
}

/** Why a health check command cannot run in this image, or undefined when it plausibly can. */
export function imageHealthProblem(image: string, command: HealthCommand): string | undefined {
  const family = imageFamily(image);
  if (family === 'unknown') return undefined;
  const c = CONTENTS[family];
  if (command[0] === 'CMD-SHELL' && !c.shell)
    return `"CMD-SHELL" needs /bin/sh, and ${image} has none (${c.about})`;
  const missing = healthPrograms(command).filter((p) => c.has[p.split('/').pop() ?? p] === false);
  if (missing.length === 0) return undefined;
  return `the health check runs ${missing.join(' and ')}, which ${image} does not have (${c.about})`;
}

/** A replacement that works in the family, for the fix text. */
export function healthFixFor(image: string): string {
  const family = imageFamily(image);
  if (family === 'alpine' || family === 'busybox')
    return 'use busybox wget: ["CMD-SHELL", "wget -q -O /dev/null http://127.0.0.1:PORT/health || exit 1"], or install curl in the image';
  if (family === 'scratch' || family === 'distroless')
    return 'use ["CMD", ...] with a binary the image contains (e.g. the app\'s own health subcommand), or rely on the load balancer\'s health check';
  return 'install curl or wget in the image, or check with a binary it already contains (e.g. the app runtime)';
}
