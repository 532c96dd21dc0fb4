import type { ConvoyEvent, Subscriber } from '../../engine/events.js';
import { describe } from './describe.js';
import { interval, seconds } from './format.js';

type Out = { write(s: string): unknown };

/** --json: one JSON object per event, one per line. */
export function jsonView(out: Out): Subscriber {
  return (e) => out.write(JSON.stringify(e) + '\n');
}

/** Not a terminal (CI): one plain line per event. */
export function plainView(out: Out): Subscriber {
  return (e) => out.write(`${e.at} ${e.code.padEnd(24)} ${describe(e)}\n`);
}

interface Row {
  state: string;
  since: number;
  done: boolean;
  /** When the run passes the top of its own interval (a service with an estimate only). */
  lateAt?: number;
}

const ICON: Record<string, string> = {
  healthy: '✓',
  started: '✓',
  completed: '✓',
  waiting: '·',
  starting: '◌',
  ready: '✓',
  unchanged: '=',
  failed: '✗',
  skipped: '-',
  'rolling back': '↺',
  'rolled back': '↺',
  'rollback failed': '✗',
};

/**
 * A terminal: one line per service with its state and elapsed time, redrawn in place; other events are printed
 * above the block as they come.
 */
export function ttyView(
  out: Out & { columns?: number },
  now: () => number = Date.now,
): { subscriber: Subscriber; stop(): void } {
  const rows = new Map<string, Row>();
  let drawn = 0;
  // The latest estimate of the deployment's end, as clock times; gone once it ended or rolls back.
  let expected: { lowAt: number; highAt: number; coverage: number; basis: string } | undefined;
  const expect = (at: string, e: { lowMs: number; highMs: number; coverage: number; basis: string }) =>
    (expected = { ...e, lowAt: Date.parse(at) + e.lowMs, highAt: Date.parse(at) + e.highMs });
  const outlook = (): string[] => {
    if (!expected) return [];
    const t = now();
    if (t > expected.highAt) return [`  taking longer than usual (+${seconds(t - expected.highAt)})`];
    return [
      `  ${interval({ ...expected, lowMs: Math.max(0, expected.lowAt - t), highMs: expected.highAt - t })} left`,
    ];
  };
  const set = (name: string, state: string, done = false) =>
    rows.set(name, { state, since: done ? (rows.get(name)?.since ?? now()) : now(), done });
  const row = (name: string, r: Row, width: number) => {
    const icon = ICON[r.state] ?? ' ';
    const t = r.done ? '' : seconds(now() - r.since);
    const late =
      !r.done && r.lateAt !== undefined && now() >= r.lateAt
        ? `  taking longer than usual (+${seconds(now() - r.lateAt)})`
        : '';
    return `  ${icon} ${name.padEnd(width)}  ${r.state.padEnd(16)} ${t}${late}`;
  };
  const redraw = (above?: string) => {
    let s = drawn ? `\x1b[${drawn}A\x1b[0J` : '';
    if (above) s += above + '\n';
    const width = Math.max(0, ...[...rows.keys()].map((k) => k.length));
    const lines = [...[...rows].map(([n, r]) => row(n, r, width)), ...outlook()];
    s += lines.map((l) => l + '\n').join('');
    drawn = lines.length;
    out.write(s);
  };
  const timer = setInterval(() => rows.size && redraw(), 250);
  timer.unref();
  const subscriber: Subscriber = (e: ConvoyEvent) => {
    switch (e.code) {
      case 'deploy.started':
        e.changes.forEach((c) => set(c.service, 'waiting'));
        if (e.estimate) expect(e.at, e.estimate);
        return redraw(describe(e));
      case 'service.unchanged':
        set(e.service, 'unchanged', true);
        break;
      case 'service.starting':
        set(e.service, 'starting');
        if (e.estimate) rows.get(e.service)!.lateAt = Date.parse(e.at) + e.estimate.highMs;
        break;
      case 'service.ready':
        if (e.remaining) expect(e.at, e.remaining);
        set(e.service, 'ready', true);
        rows.get(e.service)!.state = e.gate;
        break;
      case 'service.failed':
        set(e.service, 'failed', true);
        break;
      case 'service.skipped':
        set(e.service, 'skipped', true);
        break;
      case 'service.rolling-back':
        set(e.service, 'rolling back');
        break;
      case 'service.rolled-back':
        set(e.service, 'rolled back', true);
        break;
      case 'service.rollback-failed':
        set(e.service, 'rollback failed', true);
        break;
      case 'deploy.stalled': {
        // A stalled service is past the top of its interval (the engine waits for both), whatever the event stamps
        // said; the rows are drawn first so it shows late before the line that says it stalled.
        const r = rows.get(e.service);
        if (r) r.lateAt = Math.min(r.lateAt ?? now(), now());
        redraw();
        return redraw(describe(e));
      }
      case 'rollback.started':
      case 'deploy.succeeded':
      case 'deploy.failed':
      case 'deploy.rollback-failed':
        expected = undefined;
        return redraw(describe(e));
      default:
        return redraw(describe(e));
    }
    redraw();
  };
  return { subscriber, stop: () => clearInterval(timer) };
}
