import type { Env } from '../api/env.js';
import type { Subscriber } from '../engine/events.js';
import { FailureReport } from './render/report.js';
import { jsonView, plainView, ttyView } from './render/views.js';

export interface OutputMode {
  json?: boolean;
}

/** Picks the view once: --json, a live terminal, or plain lines for CI; plus the failure report. */
export function deployOutput(opts: OutputMode, env: Env): { subscribers: Subscriber[]; finish(): void } {
  const report = new FailureReport();
  if (opts.json) return { subscribers: [jsonView(process.stdout)], finish: () => undefined };
  const live = process.stdout.isTTY && !env.CI;
  const view = live ? ttyView(process.stdout) : undefined;
  return {
    subscribers: [view ? view.subscriber : plainView(process.stdout), report.subscriber],
    finish: () => {
      view?.stop();
      const text = report.render();
      if (text) process.stderr.write(text + '\n');
    },
  };
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}
