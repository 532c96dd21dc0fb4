import type { StoredEvent } from '../store/store.js';

/**
 * What Slack shows. The parent message is rebuilt whole from `ParentState` on every edit, so an edit after a restart
 * or an outage says the same as one made live. Every message has top-level `text`: phones show only that.
 */
export interface ParentState {
  ts?: string;
  /** The text Slack shows now: an edit is made only when it would change. */
  shown?: string;
  kind: string;
  actor: string;
  correlationId: string;
  waves: number;
  /** The highest wave started, from 0. */
  wave: number;
  /** Set once the deployment ended: the outcome line. */
  outcome?: string;
}

const secs = (ms: unknown) => `${Math.round(Number(ms) / 100) / 10} s`;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown) => (Array.isArray(v) ? v.map(String).join(', ') : '');

/** `links`: the deployment's links in Slack's syntax (links.ts), shown after the correlation id. */
export function parentText(stack: string, p: ParentState, links = ''): string {
  const what = p.kind === 'rollback' ? 'rollback' : 'deployment';
  const head =
    p.outcome ??
    `:hourglass_flowing_sand: *${stack}* ${what} by ${p.actor}: wave ${Math.min(p.wave + 1, p.waves)} of ${p.waves}`;
  return `${head} · correlation \`${p.correlationId}\`${links ? ` · ${links}` : ''}`;
}

/** The outcome line a deploy.* end event puts on the parent; undefined for other events. */
export function outcomeLine(stack: string, e: StoredEvent): string | undefined {
  const d = e.data;
  switch (e.code) {
    case 'deploy.succeeded':
      return `:white_check_mark: *${stack}* deployed in ${secs(d.elapsedMs)}: ${d.changed} changed, ${d.unchanged} unchanged`;
    case 'deploy.failed':
      return `:x: *${stack}* failed at ${str(d.service)} after ${secs(d.elapsedMs)}; rolled back: ${list(d.rolledBack) || 'nothing'}`;
    case 'deploy.rollback-failed':
      return `:rotating_light: *${stack}* rollback FAILED (${list(d.services)}) after ${secs(d.elapsedMs)}: a person must look`;
    default:
      return undefined;
  }
}

/** A thread reply for a service's milestone; `broadcast`: shown in the channel too. */
export function threadReply(
  e: StoredEvent,
  mention?: string,
): { text: string; broadcast: boolean } | undefined {
  const d = e.data;
  const svc = str(d.service);
  switch (e.code) {
    case 'service.ready':
      return {
        text: `:large_green_circle: ${svc} ${str(d.gate)} in ${secs(d.elapsedMs)} (${str(d.revision)})`,
        broadcast: false,
      };
    case 'service.failed':
      return {
        text: `:red_circle: ${svc} failed (${str(d.reason)}) after ${secs(d.elapsedMs)}: ${str(d.message)}`,
        broadcast: true,
      };
    case 'service.rolled-back':
      return {
        text: `:leftwards_arrow_with_hook: ${svc} rolled back${d.to ? ` to ${str(d.to)}` : ' (stopped)'}`,
        broadcast: false,
      };
    case 'service.rollback-failed':
      return { text: `:rotating_light: ${svc} could not be rolled back: ${str(d.message)}`, broadcast: true };
    case 'deploy.rollback-failed':
      return {
        text: `:rotating_light: ${mention ? `${mention} ` : ''}rollback failed for ${list(d.services)}: ${str(d.message)}`,
        broadcast: true,
      };
    default:
      return undefined;
  }
}

/** The incoming-webhook fallback's one message per milestone; `links` as for the parent. */
export function milestoneText(e: StoredEvent, mention?: string, links = ''): string | undefined {
  const d = e.data;
  const tail = links ? ` · ${links}` : '';
  if (e.code === 'deploy.started')
    return `:hourglass_flowing_sand: *${e.stack}* ${str(d.kind)} by ${str(d.actor)} started · correlation \`${str(d.correlationId)}\`${tail}`;
  if (e.code === 'service.failed') return threadReply(e)?.text;
  const outcome = outcomeLine(e.stack, e);
  if (!outcome) return undefined;
  const page = e.code === 'deploy.rollback-failed' && mention ? `${mention} ` : '';
  return `${page}${outcome} · deployment \`${e.deploymentId ?? ''}\`${tail}`;
}
