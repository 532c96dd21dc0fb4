import type { AwsContext } from '../core/context.js';
import { AwsError } from '../core/errors.js';
import type { BehaviourRegistry, ImageBehaviour } from '../ecs/behaviour.js';
import { buildImage, parsePlatform, type Blob, type BuiltImage } from './manifests.js';

/**
 * ECR as a view of the same image registry ECS pulls from (the `images` behaviour rules): every repository and tag
 * exists, built for linux/amd64, unless a rule on the image says `repositoryMissing`, `pullError: true` (not in the
 * registry) or other `platforms`. Nothing is pushed; what an image reference resolves to is made up on demand and
 * the same each time. Messages are ECR's own (checked against moto and public reports).
 */

export interface ImageId {
  imageTag?: string;
  imageDigest?: string;
}

export interface RepoQuery {
  registryId?: string;
  repositoryName?: string;
}

export type Lookup =
  | { kind: 'found'; image: BuiltImage; id: ImageId; behaviour: ImageBehaviour }
  | { kind: 'no-image'; id: ImageId };

export class EcrModel {
  /** Every blob handed out so far, by digest: GetDownloadUrlForLayer and the blob URL serve from here. */
  private readonly blobs = new Map<string, Blob>();

  constructor(
    private readonly ctx: AwsContext,
    private readonly behaviours: BehaviourRegistry,
  ) {}

  /** The image URI rules are matched against: `<account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>`. */
  uri(q: RepoQuery, region: string, id: ImageId = {}): string {
    const base = `${q.registryId ?? this.ctx.accountId}.dkr.ecr.${region}.amazonaws.com/${q.repositoryName}`;
    return id.imageDigest ? `${base}@${id.imageDigest}` : id.imageTag ? `${base}:${id.imageTag}` : base;
  }

  /**
   * Throws RepositoryNotFoundException when the rule for the image (or, without one, for the repository's
   * `latest`) says the repository is missing.
   */
  repository(q: RepoQuery, region: string, id: ImageId = { imageTag: 'latest' }): void {
    if (!q.repositoryName)
      throw new AwsError(
        'InvalidParameterException',
        "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must not be null'",
      );
    if (this.behaviours.resolveImage(this.uri(q, region, id)).repositoryMissing) {
      throw new AwsError(
        'RepositoryNotFoundException',
        `The repository with name '${q.repositoryName}' does not exist in the registry with id '${q.registryId ?? this.ctx.accountId}'`,
      );
    }
  }

  find(q: RepoQuery, region: string, id: ImageId): Lookup {
    this.repository(q, region, id);
    const uri = this.uri(q, region, id);
    const behaviour = this.behaviours.resolveImage(uri);
    if (behaviour.pullError === true) return { kind: 'no-image', id };
    const platforms = (behaviour.platforms ?? ['linux/amd64']).map(parsePlatform);
    const image = buildImage(
      uri.replace(/@.*$/, ''),
      platforms,
      behaviour.manifestList ?? platforms.length > 1,
    );
    for (const b of [image.manifest, ...image.blobs]) this.blobs.set(b.digest, b);
    // Pulled by digest: the registry holds the manifest under the digest asked for.
    const digest = id.imageDigest ?? image.manifest.digest;
    if (id.imageDigest) this.blobs.set(id.imageDigest, image.manifest);
    return { kind: 'found', image, id: { ...id, imageDigest: digest }, behaviour };
  }

  notFoundMessage(q: RepoQuery, id: ImageId): string {
    return (
      `The image with imageId {imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'} ` +
      `does not exist within the repository with name '${q.repositoryName}' in the registry with id '${q.registryId ?? this.ctx.accountId}'`
    );
  }

  blob(digest: string): Blob | undefined {
    return this.blobs.get(digest);
  }
}
