import type { Capture } from '../core/capture.js';
import { str, type AddEvidence } from '../core/evidence.js';
import { TARGET_MODULES } from '../targets/registry.js';
import type { EvidenceLine } from './types.js';

/** Turns a capture into labelled text lines that rules match against: each target module reads its own part. */
export function extractEvidence(c: Capture): EvidenceLine[] {
  const out: EvidenceLine[] = [];
  const add: AddEvidence = (kind, path, v) => {
    const text = str(v);
    if (text !== undefined) out.push({ kind, path, text });
  };
  add('origin', 'origin', TARGET_MODULES.find((t) => t.recognises(c))?.kind);
  for (const t of TARGET_MODULES) t.extractEvidence(c, add);
  return out;
}

/** A short account of what was looked at, for the fallback finding. */
export function describeExamined(lines: EvidenceLine[]): string[] {
  const groups = new Map<string, number>();
  for (const l of lines) {
    if (l.kind === 'origin') continue;
    const group = l.path.replace(/\[\d+\]/g, '[]');
    groups.set(group, (groups.get(group) ?? 0) + 1);
  }
  if (groups.size === 0) {
    return [
      'examined: nothing — the capture has no tasks, services, stackEvents, targetHealth, taskDefinition, logs or local data',
    ];
  }
  return [...groups].map(
    ([g, n]) => `examined: ${g} (${n} ${n === 1 ? 'line' : 'lines'}) — no known signature matched`,
  );
}
