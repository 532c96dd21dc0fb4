import type { ConvoyEvent } from '../../engine/events.js';
import { localCapture } from '../../core/capture.js';
import { topFindings } from '../../diagnose/gather.js';
import { seconds, short } from './format.js';

type Failed = Extract<ConvoyEvent, { code: 'service.failed' }>;

const ALSO_POSSIBLE = 0.5;

/**
 * The top finding, in two lines a person acts on. An event without findings (e.g. a service that died after
 * passing its gate) is diagnosed here from what the event itself carries.
 */
function likelyCause(f: Failed): string[] {
  const findings =
    f.findings ??
    topFindings(
      localCapture({
        service: f.service,
        exitCode: f.exitCode,
        healthOutput: f.output,
        check: f.check,
        reason: f.reason,
        message: f.message,
        logs: f.logs,
      }),
    );
  const [top, ...rest] = findings;
  if (!top || top.category === 'other')
    return [
      `  likely cause: not recognised (no known failure signature matched; see convoy diagnose ${f.service})`,
    ];
  const lines = [
    `  likely cause: [${top.category}] ${top.cause}`,
    `${'  fix:'.padEnd('  likely cause: '.length)}${top.fix}`,
  ];
  // Weak runners-up are left to `convoy diagnose`: the report should point one way.
  for (const x of rest)
    if (x.category !== 'other' && x.confidence >= ALSO_POSSIBLE)
      lines.push(`  also possible: [${x.category}] ${x.cause}`);
  return lines;
}

/**
 * Collects what a person needs after a failed deployment — which service, which check, its output, its last log
 * lines, what was rolled back — and renders it as one block at the end.
 */
export class FailureReport {
  private failed?: Failed;
  private readonly rollback: string[] = [];
  private end?: ConvoyEvent;

  readonly subscriber = (e: ConvoyEvent): void => {
    if (e.code === 'service.failed' && !this.failed) this.failed = e;
    if (e.code === 'service.rolled-back')
      this.rollback.push(`${e.service} → ${e.to ? short(e.to) : 'stopped (it had no earlier revision)'}`);
    if (e.code === 'service.rollback-failed') this.rollback.push(`${e.service} → FAILED: ${e.message}`);
    if (e.code === 'deploy.failed' || e.code === 'deploy.rollback-failed' || e.code === 'deploy.succeeded')
      this.end = e;
  };

  render(): string | undefined {
    const f = this.failed;
    if (!f || !this.end || this.end.code === 'deploy.succeeded') return undefined;
    const title =
      this.end.code === 'deploy.rollback-failed'
        ? 'ROLLBACK FAILED — a person needs to look'
        : 'Deployment failed and was rolled back';
    const lines = [
      `✗ ${title}`,
      `  service:  ${f.service} (revision ${short(f.revision)}), failed after ${seconds(f.elapsedMs)}`,
      `  why:      ${f.message}`,
    ];
    if (f.decidedBy)
      lines.push(
        `  decided:  ${f.decidedBy === 'conclusive' ? 'at once, on conclusive evidence (waiting cannot change it; deploy.failFast: verdict waits)' : "on the check's verdict"}`,
      );
    if (f.check) lines.push(`  check:    ${f.check}`);
    if (f.output) lines.push(`  output:   ${f.output.trim().split('\n').join('\n            ')}`);
    if (f.exitCode !== undefined && f.exitCode !== null) lines.push(`  exit code: ${f.exitCode}`);
    lines.push(...likelyCause(f));
    if (f.logs.length)
      lines.push(`  last log lines (convoy logs ${f.service}):`, ...f.logs.map((l) => `    ${l}`));
    lines.push(`  rollback: ${this.rollback.length ? this.rollback.join('; ') : 'nothing to roll back'}`);
    return lines.join('\n');
  }
}
