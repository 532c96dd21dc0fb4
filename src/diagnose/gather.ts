import type { Clock } from '../core/clock.js';
import type { Target, Verdict } from '../targets/target.js';
import { diagnose } from './diagnose.js';
import { localCapture } from '../core/capture.js';
import type { Finding } from './types.js';
import { serviceConnectNames } from '../spec/service-connect.js';
import type { Stack } from '../spec/types.js';

/** What the engine knows about a failed service even when the target has no evidence to give. */
export interface FailedService {
  service: string;
  verdict: Pick<
    Extract<Verdict, { ok: false }>,
    'reason' | 'message' | 'check' | 'output' | 'exitCode' | 'signal'
  >;
  logs: string[];
}

/** A remote target may be slow or unreachable; a failure report must not wait on it for long. */
export const EVIDENCE_TIMEOUT_MS = 15_000;

/**
 * The capture of a failed service: the target's own evidence when it has some, else one built from the verdict
 * and log lines. Never throws: the verdict is always there to fall back on.
 */
export async function gatherCapture(
  target: Pick<Target, 'evidence'>,
  failed: FailedService,
  opts: { clock: Clock; timeoutMs?: number; stack?: Pick<Stack, 'name' | 'services'> },
): Promise<Record<string, unknown>> {
  const capture = await serviceCapture(target, failed, opts);
  // Which services the stack has and what waits for what tells a dependency not up from an address set wrong.
  if (opts.stack) capture.stack = stackContext(opts.stack);
  const v = failed.verdict;
  // A post-deploy check's failing answer is evidence too; the target's own evidence knows nothing of it.
  if (v.reason === 'check-failed')
    capture.postCheck = { check: v.check, message: v.message, response: v.output };
  return capture;
}

async function serviceCapture(
  target: Pick<Target, 'evidence'>,
  failed: FailedService,
  opts: { clock: Clock; timeoutMs?: number },
): Promise<Record<string, unknown>> {
  if (target.evidence) {
    const stop = new AbortController();
    try {
      const evidence = await Promise.race([
        target.evidence(failed.service),
        opts.clock.sleep(opts.timeoutMs ?? EVIDENCE_TIMEOUT_MS, stop.signal).then(() => undefined),
      ]);
      if (evidence && typeof evidence === 'object' && Object.keys(evidence).length > 0) {
        // The service name goes first so a saved capture reads well.
        return { service: failed.service, ...evidence };
      }
    } catch {
      // Fall through to what the verdict says.
    } finally {
      stop.abort();
    }
  }
  const v = failed.verdict;
  return localCapture({
    service: failed.service,
    exitCode: v.exitCode,
    signal: v.signal,
    healthOutput: v.output,
    check: v.check,
    reason: v.reason,
    message: v.message,
    logs: failed.logs,
  }) as Record<string, unknown>;
}

/**
 * The capture's `stack`: each service's name, local port, Service Connect names and dependsOn, from the stack file;
 * never a value of its environment.
 */
export function stackContext(stack: Pick<Stack, 'name' | 'services'>): Record<string, unknown> {
  return {
    name: stack.name,
    services: stack.services.map((s) => {
      const hosts = serviceConnectNames(s.aws?.serviceDefinition);
      return {
        name: s.name,
        ...(s.local?.port !== undefined ? { port: s.local.port } : {}),
        ...(hosts.length ? { hosts } : {}),
        dependsOn: s.dependsOn.map((d) => ({ name: d.name, condition: d.condition })),
      };
    }),
  };
}

/** A finding with exactly the five public keys, in their documented order. */
export function publicFinding(
  f: Finding,
): Pick<Finding, 'category' | 'cause' | 'fix' | 'evidence' | 'confidence'> {
  return { category: f.category, cause: f.cause, fix: f.fix, evidence: f.evidence, confidence: f.confidence };
}

/** The best findings for a capture; a capture diagnose cannot read yields none rather than an error. */
export function topFindings(capture: unknown, max = 3): ReturnType<typeof publicFinding>[] {
  try {
    return diagnose(capture).slice(0, max).map(publicFinding);
  } catch {
    return [];
  }
}

/** Capture keys starting with `_` are annotations (`_expect`, `_source` in the shared examples), not evidence. */
export function stripAnnotations(capture: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(capture).filter(([k]) => !k.startsWith('_')));
}
