import { createHash } from 'node:crypto';

/**
 * Image manifests and config blobs as a registry stores them, made up deterministically from the image reference
 * and its platforms: a single platform is a Docker v2 manifest (a plain `docker build && docker push`), several are
 * an OCI index with buildx's attestation manifest beside them (unknown/unknown, which no task can run).
 */

export const MEDIA = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
};

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

export function parsePlatform(p: string): Platform {
  const [os = 'linux', architecture = 'amd64', variant] = p.split('/');
  return variant ? { os, architecture, variant } : { os, architecture };
}

export interface Blob {
  digest: string;
  body: string;
  mediaType: string;
}

export interface BuiltImage {
  manifest: Blob;
  /** Every blob the manifest reaches (child manifests, configs, layers), for GetDownloadUrlForLayer. */
  blobs: Blob[];
}

export const sha256 = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;

const blob = (body: unknown, mediaType: string): Blob => {
  const text = JSON.stringify(body);
  return { digest: sha256(text), body: text, mediaType };
};

function single(image: string, p: Platform, oci: boolean): BuiltImage {
  const layerDigest = sha256(`${image} ${p.os}/${p.architecture} layer`);
  const config = blob(
    {
      architecture: p.architecture,
      os: p.os,
      ...(p.variant ? { variant: p.variant } : {}),
      config: { Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'] },
      created: '2026-01-01T00:00:00Z',
      rootfs: { type: 'layers', diff_ids: [sha256(`${layerDigest} uncompressed`)] },
    },
    oci ? MEDIA.ociConfig : MEDIA.dockerConfig,
  );
  const layer: Blob = {
    digest: layerDigest,
    body: '',
    mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  };
  const manifest = blob(
    {
      schemaVersion: 2,
      mediaType: oci ? MEDIA.ociManifest : MEDIA.dockerManifest,
      config: { mediaType: config.mediaType, size: config.body.length, digest: config.digest },
      layers: [{ mediaType: layer.mediaType, size: 31_457_280, digest: layer.digest }],
    },
    oci ? MEDIA.ociManifest : MEDIA.dockerManifest,
  );
  return { manifest, blobs: [config, layer] };
}

export function buildImage(image: string, platforms: Platform[], list: boolean): BuiltImage {
  if (!list) return single(image, platforms[0] ?? { os: 'linux', architecture: 'amd64' }, false);
  const children = platforms.map((p) => ({ p, built: single(image, p, true) }));
  const attestation = blob(
    { schemaVersion: 2, mediaType: MEDIA.ociManifest, config: {}, layers: [] },
    MEDIA.ociManifest,
  );
  const index = blob(
    {
      schemaVersion: 2,
      mediaType: MEDIA.ociIndex,
      manifests: [
        ...children.map(({ p, built }) => ({
          mediaType: MEDIA.ociManifest,
          digest: built.manifest.digest,
          size: built.manifest.body.length,
          platform: p,
        })),
        ...children.map(({ built }) => ({
          mediaType: MEDIA.ociManifest,
          digest: attestation.digest,
          size: attestation.body.length,
          annotations: {
            'vnd.docker.reference.digest': built.manifest.digest,
            'vnd.docker.reference.type': 'attestation-manifest',
          },
          platform: { architecture: 'unknown', os: 'unknown' },
        })),
      ],
    },
    MEDIA.ociIndex,
  );
  return {
    manifest: index,
    blobs: [attestation, ...children.flatMap(({ built }) => [built.manifest, ...built.blobs])],
  };
}
