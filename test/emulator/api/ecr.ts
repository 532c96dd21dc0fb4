import { AwsError } from '../core/errors.js';
import type { ImageId, RepoQuery } from '../ecr/model.js';
import type { ApiContext, ServiceApi } from './types.js';

/**
 * ECR over AWS JSON 1.1: the reads an image pull (and the ecr-images pre-flight) makes. Images are answered from the
 * shared registry view (ecr/model.ts); config blobs are served at `/_emulator/ecr-blobs/<digest>`, the stand-in for
 * the pre-signed S3 URL real ECR hands out.
 */

const region = (ctx: ApiContext) => ctx.region ?? ctx.world.ctx.region;

interface RepoInput extends RepoQuery {
  imageIds?: ImageId[];
}

export const ecrApi: ServiceApi = {
  name: 'ecr',
  protocol: 'json',
  target: 'AmazonEC2ContainerRegistry_V20150921',
  operations: {
    BatchGetImage: (i: RepoInput & { acceptedMediaTypes?: string[] }, ctx) => {
      const { ecr } = ctx.world;
      // The repository is checked first, as ECR does: a missing one is an error, a missing tag only a failure.
      ecr.repository(i, region(ctx), i.imageIds?.[0]);
      const images: unknown[] = [];
      const failures: unknown[] = [];
      for (const id of i.imageIds ?? []) {
        if (!id.imageTag && !id.imageDigest) {
          failures.push({
            imageId: id,
            failureCode: 'MissingDigestAndTag',
            failureReason: 'Invalid request parameters: both tag and digest cannot be null',
          });
          continue;
        }
        const found = ecr.find(i, region(ctx), id);
        if (found.kind === 'no-image') {
          failures.push({
            imageId: id,
            failureCode: 'ImageNotFound',
            failureReason: 'Requested image not found',
          });
          continue;
        }
        images.push({
          registryId: i.registryId ?? ctx.world.ctx.accountId,
          repositoryName: i.repositoryName,
          imageId: found.id,
          imageManifest: found.image.manifest.body,
          imageManifestMediaType: found.image.manifest.mediaType,
        });
      }
      return { images, failures };
    },
    DescribeImages: (i: RepoInput, ctx) => {
      const { ecr } = ctx.world;
      ecr.repository(i, region(ctx), i.imageIds?.[0]);
      // Without imageIds real ECR lists the repository; this registry is made up on demand and has no list.
      const imageDetails = (i.imageIds ?? []).map((id) => {
        const found = ecr.find(i, region(ctx), id);
        if (found.kind === 'no-image')
          throw new AwsError('ImageNotFoundException', ecr.notFoundMessage(i, id));
        return {
          registryId: i.registryId ?? ctx.world.ctx.accountId,
          repositoryName: i.repositoryName,
          imageDigest: found.id.imageDigest,
          imageTags: id.imageTag ? [id.imageTag] : [],
          imageSizeInBytes: 31_457_280,
          imagePushedAt: new Date(ctx.world.queue.now - 86_400_000),
          imageManifestMediaType: found.image.manifest.mediaType,
          ...(found.image.manifest.mediaType.includes('index')
            ? {}
            : { artifactMediaType: 'application/vnd.docker.container.image.v1+json' }),
        };
      });
      return { imageDetails };
    },
    GetDownloadUrlForLayer: (i: RepoQuery & { layerDigest?: string }, ctx) => {
      const { ecr } = ctx.world;
      ecr.repository(i, region(ctx));
      const blob = i.layerDigest ? ecr.blob(i.layerDigest) : undefined;
      if (!blob) {
        // Wording from a public report of the AWS CLI's output.
        throw new AwsError(
          'LayersNotFoundException',
          `The layer with digest '${i.layerDigest}' does not exist within the repository with name '${i.repositoryName}' in the registry with id '${i.registryId ?? ctx.world.ctx.accountId}'`,
        );
      }
      const base = ctx.baseUrl ?? 'http://127.0.0.1';
      return {
        downloadUrl: `${base}/_emulator/ecr-blobs/${blob.digest}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=3600`,
        layerDigest: blob.digest,
      };
    },
    DescribeRepositories: (i: { registryId?: string; repositoryNames?: string[] }, ctx) => {
      const { ecr } = ctx.world;
      const registryId = i.registryId ?? ctx.world.ctx.accountId;
      return {
        repositories: (i.repositoryNames ?? []).map((name) => {
          ecr.repository({ registryId, repositoryName: name }, region(ctx));
          return {
            repositoryArn: `arn:aws:ecr:${region(ctx)}:${registryId}:repository/${name}`,
            registryId,
            repositoryName: name,
            repositoryUri: ecr.uri({ registryId, repositoryName: name }, region(ctx)),
            createdAt: new Date(ctx.world.queue.now - 30 * 86_400_000),
            imageTagMutability: 'MUTABLE',
            imageScanningConfiguration: { scanOnPush: false },
            encryptionConfiguration: { encryptionType: 'AES256' },
          };
        }),
      };
    },
  },
};
