import { quote } from './match.js';
import { hintedLines } from './nearest.js';
import { isRoutine } from './tokens.js';
import type { EvidenceLine, Finding } from './types.js';

/**
 * Where no signature matched, the fix went into the app's or task's settings more often than anywhere else: in the
 * time-ordered check (scripts/diagnose-temporal.mjs, `noRuleCategories`) 114 of the 436 train captures of rounds 10 to
 * 22 that no signature of their time read were config-env and 96 `other`, the next category 31 (96, 88 and 27 of 396 over
 * rounds 10 to 21, when this was decided). So config-env takes the third place when neither first place holds it,
 * before the learned model's second guess.
 */
export function commonestInTopThree(
  found: readonly Finding[],
  lines: readonly EvidenceLine[],
  service: string,
): Finding[] {
  const read = lines.filter((l) => l.kind !== 'origin');
  if (!read.length || found.slice(0, 3).some((f) => f.category === 'config-env')) return [...found];
  // Routine lines (tokens.ts) are kept, as a setting's warning is often logged at WARN, but quoted last.
  const quotable = [...read.filter((l) => !isRoutine(l.text)), ...read.filter((l) => isRoutine(l.text))];
  const hinted = hintedLines('config-env', quotable);
  const settings: Finding = {
    category: 'config-env',
    cause: `Weak, from how often: no signature matched for ${service}, and where none matches the fix most often goes into the service's own settings (environment, command, hostnames, file permissions).`,
    fix: "Compare the service's environment, command and mounted files with what its image documents, starting from the quoted lines.",
    evidence: (hinted.length ? hinted : quotable).slice(0, 2).map(quote),
    confidence: found[2]?.confidence ?? Math.min(0.035, found.at(-1)!.confidence),
  };
  const rest = found.filter((f) => f.category !== 'config-env');
  return [...rest.slice(0, 2), settings, ...rest.slice(2)];
}
