import type { ConvoyEvent } from '../../engine/events.js';
import { interval, seconds, short } from './format.js';

/** One line of plain words per event: the CI view, and the TTY view's detail column. */
export function describe(e: ConvoyEvent): string {
  switch (e.code) {
    case 'lock.waiting':
      return (
        `waiting for the lock: number ${e.position} of ${e.queueLength} in the queue` +
        (e.holder ? `; held by ${e.holder} since ${e.since} (correlation id ${e.correlationId})` : '') +
        (e.wait ? `; starts in ${interval(e.wait)}` : `; estimated start ${e.estimatedStartAt}`)
      );
    case 'lock.queued':
      return `joined the queue (ticket ${e.ticket}, number ${e.position} in line)`;
    case 'lock.superseded':
      return `replaced older queued deployments: ${e.replaced.join(', ')}`;
    case 'lock.acquired':
      return e.tookOverExpired
        ? `lock acquired (token ${e.token}); took over the expired lease of ${e.tookOverExpired.holder} (correlation id ${e.tookOverExpired.correlationId})`
        : `lock acquired (token ${e.token})`;
    case 'lock.lost':
      return `lock lost (token ${e.token}): another deployment took over; stopping without touching its state`;
    case 'lock.released':
      return `lock released (token ${e.token})`;
    case 'deploy.interrupted-found':
      return `found interrupted deployment ${e.previous} (correlation id ${e.previousCorrelationId}); ${e.action === 'resume' ? 'resuming it: it wanted the same revisions' : 'rolling back what it changed'}`;
    case 'deploy.started': {
      const changed = e.changes.filter((c) => c.changed);
      return `${e.kind} of ${e.stack} started by ${e.actor} (correlation id ${e.correlationId}): ${changed.length} to change, ${e.changes.length - changed.length} unchanged, ${e.waves.length} waves${e.estimate ? `; expected to take ${interval(e.estimate)}` : ''}`;
    }
    case 'service.unchanged':
      return `${e.service}: unchanged (revision ${short(e.revision)})`;
    case 'service.starting':
      return `${e.service}: starting revision ${short(e.revision)}${e.from ? ` (was ${short(e.from)})` : ''}, wave ${e.wave + 1}, waiting until ${e.gate}${e.estimate ? `; usually ${interval(e.estimate)}` : ''}`;
    case 'service.ready':
      return `${e.service}: ${e.gate} after ${seconds(e.elapsedMs)}${e.remaining ? `; ${interval(e.remaining)} left` : ''}`;
    case 'deploy.stalled':
      return `${e.service}: taking longer than usual: ${seconds(e.elapsedMs)} so far, ${(e.elapsedMs / e.medianMs).toFixed(1)}× its usual ${seconds(e.medianMs)}; still waiting for its gate`;
    case 'service.failed':
      return `${e.service}: FAILED after ${seconds(e.elapsedMs)}: ${e.message}${e.check ? ` [check: ${e.check}]` : ''}${e.output ? ` [output: ${oneLine(e.output)}]` : ''}`;
    case 'service.progress':
      return `${e.service}: ${e.warning ? 'WARNING: ' : ''}${e.message}`;
    case 'pause.waiting':
      return `wave ${e.wave + 1} paused at ${e.stage}: ${e.services.join(', ')}; waiting for a decision`;
    case 'pause.decided':
      return `wave ${e.wave + 1} at ${e.stage}: ${e.action} for ${e.services.join(', ')}, decided by ${e.by}`;
    case 'service.skipped':
      return `${e.service}: skipped: ${e.why}`;
    case 'rollback.started':
      return e.services.length
        ? `rolling back (scope ${e.scope}): ${e.services.join(', ')}`
        : `no rollback (scope ${e.scope})`;
    case 'service.rolling-back':
      return `${e.service}: rolling back ${short(e.from)} → ${e.to ? short(e.to) : 'nothing (stopping it)'}`;
    case 'service.rolled-back':
      return `${e.service}: rolled back to ${e.to ? short(e.to) : 'nothing'} in ${seconds(e.elapsedMs)}`;
    case 'service.rollback-failed':
      return `${e.service}: ROLLBACK FAILED: ${e.message}`;
    case 'check.passed':
      return `${e.check}: passed (${e.phase}): ${e.message}`;
    case 'check.failed':
      return `${e.check}: ${e.status === 'cannot-run' ? 'COULD NOT RUN' : 'FAILED'} (${e.phase}): ${e.message}${e.response ? ` [status ${e.response.status}]` : ''}${e.latency ? ` [p50 ${e.latency.p50} ms, p95 ${e.latency.p95} ms, max ${e.latency.max} ms over ${e.latency.requests}]` : ''}`;
    case 'bake.started':
      return `baking for ${seconds(e.forMs)}: ${e.checks.length} checks every ${seconds(e.everyMs)}, at most ${e.maxFailures} failures`;
    case 'bake.passed':
      return `bake passed: ${e.rounds} rounds, ${e.failures} failures`;
    case 'bake.failed':
      return `bake FAILED after ${e.rounds} rounds (${e.failures} failures): ${e.check}: ${e.message}`;
    case 'deploy.succeeded':
      return `deployment succeeded in ${seconds(e.elapsedMs)}: ${e.changed} changed, ${e.unchanged} unchanged`;
    case 'deploy.failed':
      return `deployment failed in ${seconds(e.elapsedMs)}: ${e.service}: ${e.message}; rolled back: ${e.rolledBack.join(', ') || 'nothing'}`;
    case 'deploy.rollback-failed':
      return `ROLLBACK FAILED after ${seconds(e.elapsedMs)}: ${e.message}`;
    case 'preflight.passed':
      return (
        `pre-flight checks passed (${e.checks}${e.skipped ? `, ${e.skipped} could not look` : ''})` +
        (e.warnings ?? [])
          .map((w) => `; warning: ${w.id}: ${w.message}${w.fix ? ` (fix: ${w.fix})` : ''}`)
          .join('')
      );
    case 'preflight.failed':
      return `pre-flight checks failed: ${e.problems.map((p) => p.id).join(', ')}; nothing was deployed`;
    case 'store.degraded':
      return `WARNING: ${e.message}; deploying WITHOUT the shared lock (--no-lock), kept in ${e.file}`;
    case 'history.imported':
      return `recorded ${e.deployments} earlier --no-lock deployment(s) in the shared history`;
    case 'capture.written':
      return `wrote the capture of ${e.service} to ${e.file}; replay it with: convoy diagnose --input ${e.file}`;
    case 'service.scaled':
      return `${e.service} scaled ${e.from ?? '?'} → ${e.to} (revision ${e.revision.slice(0, 8)})`;
    case 'stack.down':
      return e.stopped.length ? `stopped: ${e.stopped.join(', ')}` : 'nothing was running';
    case 'subscriber.failed':
      return `subscriber ${e.subscriber} ${e.failure} on ${e.failedOn.code}: ${e.message}; it gets no further events (the deployment goes on)`;
    case 'notify.failed':
      return `notification channel ${e.channel} ${e.failure === 'expired' ? 'skipped a stale' : 'refused the'} ${e.failedOn.code} (seq ${e.failedOn.seq}): ${e.message}; not retried (the deployment is unaffected)`;
    case 'notify.recovered':
      return `notification channel ${e.channel} answers again after ${Math.round(e.unreachableMs / 1000)} s unreachable`;
    case 'event.lost':
      return `event lost: ${e.reason}`;
  }
}

export function oneLine(s: string, max = 200): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}
