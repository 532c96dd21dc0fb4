/**
 * What a container does when it runs, chosen by its image (and optionally its container name, family or command).
 * Scenarios register rules; the first matching rule wins, laid over the defaults, so an unknown image starts in a
 * few seconds and is healthy.
 */

export type ElbOutcome =
  'healthy' | 'Target.FailedHealthChecks' | 'Target.ResponseCodeMismatch' | 'Target.Timeout';

export interface ImageBehaviour {
  /** Seconds the image pull takes (the task sits in PENDING). */
  pullSeconds: number;
  /**
   * The pull fails. `true`: the image is not in its registry — ECR answers ImageNotFound too, and ECS's message is
   * the "not found" one built from the reference. A string: the pull fails with that detail (network, auth) while
   * the registry has the image, so no pre-flight check can see it.
   */
  pullError?: boolean | string;
  /** The image's repository does not exist: ECR answers RepositoryNotFoundException, ECS's pull says "not found". */
  repositoryMissing?: boolean;
  /** What the image is built for, `os/arch[/variant]`; `linux/amd64` when left out. */
  platforms?: string[];
  /** Pushed as a manifest list (OCI index, as buildx writes it); the default when there is more than one platform. */
  manifestList?: boolean;
  /** Secrets or registry auth cannot be fetched: `true` builds the AccessDenied message from the task definition. */
  secretsError?: boolean | string;
  /** Seconds after the container starts before the application answers health checks. */
  readySeconds: number;
  /** The container health check command's outcome once the application is ready. */
  health: 'pass' | 'fail';
  /** What a failing probe printed, e.g. `/bin/sh: wget: not found`. ECS itself never exposes it; the control API does. */
  healthOutput?: string;
  /** How long each probe takes; longer than the check's timeout counts as a failure, as in Docker. */
  probeSeconds?: number;
  /**
   * A transient failure: the first this many containers started from this image exit with code 1, 4 s after they
   * started (logging `exitLogs`); later ones run as the rest of the rule says.
   */
  transientFailures?: number;
  /** The container exits on its own this many seconds after it started. */
  exitAfterSeconds?: number;
  exitCode: number;
  /** The container is killed for memory this many seconds after it started (exit 137). */
  oomAfterSeconds?: number;
  /** Exit code when ECS stops the container (SIGTERM); well-behaved applications exit 0. */
  stopExitCode: number;
  /** Load balancer health check outcome once the application is ready. */
  elb: ElbOutcome;
  /** Status code the target answered with, for `Target.ResponseCodeMismatch`. */
  elbHttpCode: number;
  /** Lines written to the awslogs stream when the container starts; `{task}`, `{container}`, `{image}` expand. */
  logs: string[];
  /** Lines written just before the container exits on its own (exit or OOM). */
  exitLogs: string[];
}

export interface BehaviourMatch {
  /** Glob on the image (`*` matches anything) or a regular expression written as `/.../`. */
  image?: string;
  container?: string;
  family?: string;
  /** Substring of the container's command (after RunTask overrides), e.g. `migrate`. */
  command?: string;
}

export type BehaviourRule = BehaviourMatch & Partial<ImageBehaviour>;

export const defaultBehaviour: ImageBehaviour = {
  pullSeconds: 3,
  readySeconds: 2,
  health: 'pass',
  exitCode: 0,
  stopExitCode: 0,
  elb: 'healthy',
  elbHttpCode: 200,
  logs: ['{container}: starting ({image})', '{container}: listening'],
  exitLogs: [],
};

export interface MatchSubject {
  image: string;
  container: string;
  family: string;
  command: string;
}

export class BehaviourRegistry {
  private rules: BehaviourRule[] = [];
  private readonly launches = new Map<string, number>();

  constructor(
    rules: BehaviourRule[] = [],
    private defaults: ImageBehaviour = defaultBehaviour,
  ) {
    this.set(rules);
  }

  set(rules: BehaviourRule[]): void {
    this.rules = [...rules];
  }

  /** Rules added later take precedence, so a test can override one image without restating the scenario. */
  add(rule: BehaviourRule): void {
    this.rules.unshift(rule);
  }

  /**
   * What a container started from `image` does, counting it: `transientFailures` makes the first ones crash.
   * The task model calls this once per container it creates.
   */
  launch(subject: MatchSubject): ImageBehaviour {
    const b = this.resolve(subject);
    if (!b.transientFailures) return b;
    const n = (this.launches.get(subject.image) ?? 0) + 1;
    this.launches.set(subject.image, n);
    return n <= b.transientFailures ? { ...b, exitAfterSeconds: 4, exitCode: 1 } : b;
  }

  list(): readonly BehaviourRule[] {
    return this.rules;
  }

  resolve(subject: MatchSubject): ImageBehaviour {
    return this.merge(this.rules.find((r) => matches(r, subject)));
  }

  /**
   * What the registry holds for an image (missing, platforms), for ECR: decided by the first rule on the image
   * alone, since a registry knows nothing of containers, families or commands.
   */
  resolveImage(image: string): ImageBehaviour {
    return this.merge(
      this.rules.find(
        (r) =>
          r.container === undefined &&
          r.family === undefined &&
          r.command === undefined &&
          (r.image === undefined || pattern(r.image).test(image)),
      ),
    );
  }

  private merge(rule: BehaviourRule | undefined): ImageBehaviour {
    if (!rule) return { ...this.defaults };
    const out: ImageBehaviour = { ...this.defaults };
    for (const [k, v] of Object.entries(rule)) {
      if (v !== undefined && !['image', 'container', 'family', 'command'].includes(k)) {
        (out as unknown as Record<string, unknown>)[k] = v;
      }
    }
    return out;
  }
}

function matches(rule: BehaviourRule, s: MatchSubject): boolean {
  if (rule.image !== undefined && !pattern(rule.image).test(s.image)) return false;
  if (rule.container !== undefined && !pattern(rule.container).test(s.container)) return false;
  if (rule.family !== undefined && !pattern(rule.family).test(s.family)) return false;
  if (rule.command !== undefined && !s.command.includes(rule.command)) return false;
  return true;
}

/** A scenario's name pattern: a glob with `*`, or `/regex/`. */
export function pattern(p: string): RegExp {
  if (p.length > 1 && p.startsWith('/') && p.endsWith('/')) return new RegExp(p.slice(1, -1));
  const escaped = p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/** docker.io normalisation, as containerd spells the reference in its errors. */
export function normaliseImageRef(image: string): string {
  const [nameAndTag, digest] = image.split('@');
  let name = nameAndTag!;
  const lastSlash = name.lastIndexOf('/');
  const hasTag = name.slice(lastSlash + 1).includes(':');
  if (!hasTag && digest === undefined) name += ':latest';
  const first = name.split('/')[0]!;
  const hasRegistry =
    name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasRegistry) name = name.includes('/') ? `docker.io/${name}` : `docker.io/library/${name}`;
  return digest === undefined ? name : `${name}@${digest}`;
}
