import { relative } from 'node:path';
import type { Check, Problem } from '../types.js';

/**
 * Every private ECR image of every task definition exists for its tag or digest, built for the platform the task
 * runs on. Caught here, a missing tag or an arm64 image built on a laptop fails in seconds before the lock; caught
 * by ECS, it costs a rollout, a circuit breaker and a rollback. Images in other registries (ECR Public, Docker Hub,
 * GHCR…) need other APIs and credentials and are not checked.
 */
const check: Check = {
  id: 'ecr-images',
  passes: 'every ECR image exists, built for the platform its task runs on',
  targets: ['aws'],
  async run({ stack }) {
    const { parseEcrImage, refText } = await import('../aws/ecr-uri.js');
    const uses = stack.services.flatMap((s) => {
      if (!s.aws) return [];
      const containers = (s.aws.taskDefinition.containerDefinitions ?? []) as {
        name?: string;
        image?: string;
      }[];
      return containers.flatMap((c) => {
        const ref = typeof c.image === 'string' ? parseEcrImage(c.image) : undefined;
        return ref ? [{ service: s.name, container: c.name ?? '?', image: c.image!, ref, aws: s.aws! }] : [];
      });
    });
    if (!uses.length) return [];
    // Without working credentials every question fails the same way: aws-credentials says so, once.
    const { requireIdentity } = await import('../aws/identity.js');
    await requireIdentity(stack);
    // Loaded lazily: only aws stacks with ECR images pay for the SDK.
    const { ecrClient } = await import('../aws/clients.js');
    const { lookupImage, offers, platformText, taskPlatform } = await import('../aws/image-platform.js');
    const { accessProblem } = await import('../aws/access.js');
    const clients = new Map<string, ReturnType<typeof ecrClient>>();
    const client = (region: string) => {
      if (!clients.has(region)) clients.set(region, ecrClient(region));
      return clients.get(region)!;
    };
    // One question per image, however many containers use it.
    const lookups = new Map<string, ReturnType<typeof lookupImage>>();
    const lookup = (u: (typeof uses)[number]) => {
      const key = `${u.ref.registryId}/${u.ref.region}/${u.ref.repository}${refText(u.ref)}`;
      if (!lookups.has(key))
        lookups.set(
          key,
          client(u.ref.region).then((h) => lookupImage(h.api, u.ref)),
        );
      return lookups.get(key)!;
    };
    try {
      const settled = await Promise.allSettled(uses.map(lookup));
      const failed = settled.find((r) => r.status === 'rejected');
      if (failed) {
        const access = accessProblem(failed.reason, 'ECR', [
          'ecr:BatchGetImage',
          'ecr:GetDownloadUrlForLayer',
        ]);
        if (!access) throw failed.reason;
        return [
          { ...access, location: stack.locate(['services', uses[0]!.service, 'aws', 'taskDefinition']) },
        ];
      }
      const problems: Problem[] = [];
      uses.forEach((u, i) => {
        const found = (settled[i] as PromiseFulfilledResult<Awaited<ReturnType<typeof lookupImage>>>).value;
        const file = relative(stack.dir, u.aws.taskDefinitionFile);
        const location = stack.locate(['services', u.service, 'aws', 'taskDefinition']);
        const what = `image ${u.image} of container ${u.container} (${file})`;
        if (found.kind === 'missing') {
          problems.push({
            message: `${what} is not in ECR: ${found.detail}`,
            fix: `push it first (docker push ${u.image}), or correct the ${u.ref.digest ? 'digest' : 'tag'} in ${file}`,
            location,
          });
        } else if (found.kind === 'unavailable') {
          problems.push({
            message: `${what} cannot be pulled from ECR: ${found.detail}`,
            fix: `look at the image in the ECR console (repository ${u.ref.repository}, region ${u.ref.region}), or use another tag in ${file}`,
            location,
          });
        } else if (found.platforms) {
          const want = taskPlatform(u.aws.taskDefinition);
          if (offers(found.platforms, want)) return;
          const has = found.platforms.map(platformText).join(', ') || 'no platform';
          const runs = `${platformText(want)} (runtimePlatform.cpuArchitecture ${want.architecture === 'arm64' ? 'ARM64' : 'X86_64'}${want.explicit ? '' : ', the default'})`;
          // Fargate runs Linux on both architectures: switching the task over is a fix when the image has the other one.
          const alt = found.platforms.find(
            (p) => p.os === want.os && ['amd64', 'arm64'].includes(p.architecture),
          );
          const switchTask = alt
            ? `, or set runtimePlatform.cpuArchitecture to ${alt.architecture === 'arm64' ? 'ARM64' : 'X86_64'} in ${file}`
            : '';
          const consequence = found.list
            ? 'ECS would fail to pull it (no match for platform in manifest)'
            : 'its containers would exit at once with "exec format error"';
          problems.push({
            message: `${what} is built for ${has} only, but the task runs on ${runs}: ${consequence}`,
            fix:
              `build for ${platformText(want)} with docker buildx build --platform ${platformText(want)} (or a multi-platform ` +
              `image, --platform linux/amd64,linux/arm64) and push it again${switchTask}`,
            location,
          });
        }
      });
      return problems;
    } finally {
      for (const c of clients.values()) (await c.catch(() => undefined))?.destroy();
    }
  },
};

export default check;
