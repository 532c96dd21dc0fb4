import type { Command } from 'commander';
import { diagnoseService, readCapture } from '../../api/diagnose.js';
import { diagnose, publicFinding, type Finding } from '../../diagnose/index.js';
import { InvalidInputError } from '../../errors.js';
import type { Target } from '../../targets/target.js';
import { printJson } from '../output.js';
import { short } from '../render/format.js';
import { withOpened } from '../setup.js';

export function register(program: Command): void {
  program
    .command('diagnose')
    .description(
      'say why a service failed: live from the target (SERVICE), or offline from a capture (--input FILE)',
    )
    .argument('[service]', 'a service of the stack: diagnose its latest failure (or its current run)')
    .option('--input <file>', 'a capture JSON file, e.g. written by `convoy deploy --capture FILE`')
    .option('--json', 'print {"findings":[{category, cause, fix, evidence, confidence}]}, best first')
    .action(async (service: string | undefined, opts: { input?: string; json?: boolean }) => {
      if (opts.input !== undefined && service !== undefined)
        throw new InvalidInputError('give either a SERVICE (live) or --input FILE (offline), not both');
      if (opts.input === undefined && service === undefined)
        throw new InvalidInputError('name a SERVICE to diagnose live, or give a capture with --input FILE');
      const { capture, about, healthy } =
        opts.input !== undefined
          ? { capture: readCapture(opts.input), about: `capture ${opts.input}`, healthy: false }
          : await withOpened(program.opts().file, { readOnly: true }, async (o) => {
              const d = await diagnoseService(o, service!);
              return { ...d, about: await describeSource(o.target, service!, d.capture) };
            });
      let findings: Finding[];
      try {
        findings = diagnose(capture);
      } catch (err) {
        if (err instanceof InvalidInputError && opts.input !== undefined)
          throw new InvalidInputError(`${opts.input}: ${err.message}`);
        throw err;
      }
      if (opts.json) return printJson({ findings: findings.map(publicFinding) });
      process.stdout.write(render(findings, about, healthy));
    });
}

async function describeSource(
  target: Target,
  service: string,
  capture: Record<string, unknown>,
): Promise<string> {
  const rev = typeof capture.revision === 'string' ? capture.revision : undefined;
  if (typeof capture.failedAt !== 'string')
    return `${service}, its current run${rev ? ` (revision ${short(rev)})` : ''}`;
  const [now] = await target.status([service]).catch(() => []);
  const since =
    now?.revision && now.revision !== rev
      ? `; it now runs revision ${short(now.revision)} (${now.health})`
      : '';
  return `${service}, its failed run of revision ${short(rev)} at ${capture.failedAt}${since}`;
}

export function render(findings: Finding[], about: string, healthy = false): string {
  const lines = [`Diagnosis of ${about}:`, ''];
  if (healthy) lines.push('It is running and healthy, and no failure of it is recorded: nothing to explain.');
  else if (findings.length === 1 && findings[0]!.category === 'other')
    lines.push('No known failure signature matched. What was examined:');
  findings.forEach((f, i) => {
    if (f.category !== 'other' || findings.length > 1) {
      lines.push(`${i + 1}. [${f.category}] ${f.cause} (confidence ${f.confidence.toFixed(2)})`);
      lines.push(`   fix: ${f.fix}`);
      lines.push('   evidence:');
    }
    lines.push(...f.evidence.map((e) => `     ${e}`), '');
  });
  return lines.join('\n');
}
