import type { BehaviourRegistry, ImageBehaviour } from '../ecs/behaviour.js';
import { parsePlatform } from './manifests.js';

/**
 * How ECS's pull of an image turns out, from what the registry holds (the same rules ECR answers from): not there
 * is ECS's "not found"; built for another platform is either a failed pull (a manifest list without an entry for
 * the task's platform) or, for a single manifest, a container that starts and dies with "exec format error".
 */
export function pullOutcome(
  behaviour: ImageBehaviour,
  registry: BehaviourRegistry,
  image: string,
  runtimePlatform: { cpuArchitecture?: string; operatingSystemFamily?: string } | undefined,
): ImageBehaviour {
  if (behaviour.pullError) return behaviour;
  const held = registry.resolveImage(image);
  if (held.repositoryMissing || held.pullError === true || behaviour.repositoryMissing)
    return { ...behaviour, pullError: true };
  const platforms = (held.platforms ?? ['linux/amd64']).map(parsePlatform);
  const arch = runtimePlatform?.cpuArchitecture === 'ARM64' ? 'arm64' : 'amd64';
  const os = (runtimePlatform?.operatingSystemFamily ?? 'LINUX').startsWith('WINDOWS') ? 'windows' : 'linux';
  if (platforms.some((p) => p.os === os && p.architecture === arch)) return behaviour;
  if (held.manifestList ?? platforms.length > 1) {
    // containerd's words for an index without the platform; the retry prefix as in ECS's other pull errors. Unverified.
    return {
      ...behaviour,
      pullError: `pull image manifest has been retried 5 time(s): no match for platform in manifest: not found`,
    };
  }
  // re:Post "ecs-task-exec-format-error": the essential container exits with code 1.
  return {
    ...behaviour,
    readySeconds: Math.max(behaviour.readySeconds, 60),
    exitAfterSeconds: 0.1,
    exitCode: 1,
    oomAfterSeconds: undefined,
    logs: [],
    exitLogs: ['exec /usr/local/bin/docker-entrypoint.sh: exec format error'],
  };
}
