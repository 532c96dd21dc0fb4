import type { EcrApi } from './clients.js';
import type { EcrImageRef } from './ecr-uri.js';

/** What an image offers, as ECR and the registry's blobs describe it. */

export interface Platform {
  os: string;
  architecture: string;
}

export const platformText = (p: Platform) => `${p.os}/${p.architecture}`;

/** The platform a task runs on: runtimePlatform, whose defaults (LINUX, X86_64) are what Fargate picks. */
export function taskPlatform(taskDefinition: Record<string, unknown>): Platform & { explicit: boolean } {
  const rp = (taskDefinition.runtimePlatform ?? {}) as {
    cpuArchitecture?: string;
    operatingSystemFamily?: string;
  };
  const arch = String(rp.cpuArchitecture ?? 'X86_64').toUpperCase();
  const os = String(rp.operatingSystemFamily ?? 'LINUX').toUpperCase();
  return {
    os: os.startsWith('WINDOWS') ? 'windows' : 'linux',
    architecture: arch === 'ARM64' ? 'arm64' : 'amd64',
    explicit: rp.cpuArchitecture !== undefined,
  };
}

const LIST_TYPES = [
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
];
const SINGLE_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v1+json',
];

export type ImageLookup =
  | { kind: 'missing'; detail: string }
  | { kind: 'unavailable'; detail: string }
  /** `platforms` undefined: the image exists but what it is built for could not be read. */
  | { kind: 'found'; list: boolean; platforms?: Platform[] };

interface Manifest {
  mediaType?: string;
  schemaVersion?: number;
  architecture?: string;
  manifests?: { platform?: { os?: string; architecture?: string } }[];
  config?: { digest?: string };
}

/**
 * Asks ECR for the image as a puller would (BatchGetImage, accepting lists and indexes too) and reads what it is
 * built for: the platforms of a list/index, or the config blob of a single manifest. SDK errors other than
 * RepositoryNotFoundException propagate, so the caller can tell "no access at all" from "this image".
 */
export async function lookupImage(
  ecr: EcrApi,
  ref: EcrImageRef,
  fetchJson: (url: string) => Promise<unknown> = defaultFetchJson,
): Promise<ImageLookup> {
  const imageId = ref.digest ? { imageDigest: ref.digest } : { imageTag: ref.tag };
  let out;
  try {
    out = await ecr.batchGetImage({
      registryId: ref.registryId,
      repositoryName: ref.repository,
      imageIds: [imageId],
      acceptedMediaTypes: [...LIST_TYPES, ...SINGLE_TYPES],
    });
  } catch (err) {
    if ((err as Error).name === 'RepositoryNotFoundException')
      return { kind: 'missing', detail: `RepositoryNotFoundException: ${(err as Error).message}` };
    throw err;
  }
  const failure = out.failures?.[0];
  const image = out.images?.[0];
  if (!image) {
    const code = failure?.failureCode ?? 'ImageNotFound';
    const detail = `${code}: ${failure?.failureReason ?? 'Requested image not found'}`;
    return code === 'ImageNotFound' ? { kind: 'missing', detail } : { kind: 'unavailable', detail };
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(image.imageManifest ?? '') as Manifest;
  } catch {
    return { kind: 'found', list: false };
  }
  const mediaType = image.imageManifestMediaType ?? manifest.mediaType ?? '';
  if (LIST_TYPES.includes(mediaType) || Array.isArray(manifest.manifests)) {
    const platforms = (manifest.manifests ?? [])
      .map((m) => ({ os: m.platform?.os ?? '', architecture: m.platform?.architecture ?? '' }))
      // buildx adds attestation manifests as unknown/unknown: not something a task can run.
      .filter((p) => p.os && p.architecture && p.os !== 'unknown');
    return { kind: 'found', list: true, platforms };
  }
  if (manifest.schemaVersion === 1 && manifest.architecture)
    return { kind: 'found', list: false, platforms: [{ os: 'linux', architecture: manifest.architecture }] };
  const digest = manifest.config?.digest;
  if (!digest) return { kind: 'found', list: false };
  const { downloadUrl } = await ecr.getDownloadUrlForLayer({
    registryId: ref.registryId,
    repositoryName: ref.repository,
    layerDigest: digest,
  });
  if (!downloadUrl) return { kind: 'found', list: false };
  let config: { os?: string; architecture?: string };
  try {
    config = (await fetchJson(downloadUrl)) as typeof config;
  } catch {
    // The pre-signed blob URL (S3) is not reachable from here: existence is known, the platform is not.
    return { kind: 'found', list: false };
  }
  if (!config?.architecture) return { kind: 'found', list: false };
  return {
    kind: 'found',
    list: false,
    platforms: [{ os: config.os ?? 'linux', architecture: config.architecture }],
  };
}

async function defaultFetchJson(url: string): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`GET blob: HTTP ${res.status}`);
  return (await res.json()) as unknown;
}

export const offers = (platforms: Platform[], want: Platform) =>
  platforms.some((p) => p.os === want.os && p.architecture === want.architecture);
