/** A private ECR image reference, split the way the ECR API wants it. */
export interface EcrImageRef {
  registryId: string;
  region: string;
  repository: string;
  /** Exactly one of tag and digest; a reference with both is pulled by digest, as containerd does. */
  tag?: string;
  digest?: string;
}

// <account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]/<repo>[:<tag>][@sha256:<hex>]
const ECR =
  /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)(?::([\w][\w.-]{0,127}))?(?:@(sha256:[a-f0-9]{64}))?$/;

/**
 * Only private ECR URIs: ECR Public (public.ecr.aws), Docker Hub and other registries are answered by other APIs
 * with other credentials, and are not checked (undefined).
 */
export function parseEcrImage(image: string): EcrImageRef | undefined {
  const m = ECR.exec(image.trim());
  if (!m) return undefined;
  const [, registryId, region, repository, tag, digest] = m;
  return digest
    ? { registryId: registryId!, region: region!, repository: repository!, digest }
    : { registryId: registryId!, region: region!, repository: repository!, tag: tag ?? 'latest' };
}

export const refText = (r: EcrImageRef) => (r.digest ? `@${r.digest}` : `:${r.tag}`);
