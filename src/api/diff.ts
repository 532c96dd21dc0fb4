import { recordedRevisions } from '../engine/deploy.js';
import { makeRedactor, redactDeep, secretValues } from '../engine/redact.js';
import { InvalidInputError } from '../errors.js';
import { compareService, type ServiceDrift } from '../plan/drift.js';
import { resolveOutputs } from '../plan/outputs.js';
import { revisionOf } from '../plan/revision.js';
import { unknownNameError } from '../spec/did-you-mean.js';
import type { Service } from '../spec/types.js';
import type { Fields } from '../targets/target.js';
import type { Opened } from './open.js';

/** `convoy diff --json`: per service, what runs against the stack file and the last good revision. */
export interface DriftReport {
  stack: string;
  /** Something runs otherwise than the file or the last good revision says: `convoy diff` exits 1. */
  drift: boolean;
  services: ServiceDrift[];
}

/**
 * Compares what runs with the stack file and the last good revision, field by field (`names`: only those
 * services). Values marked secret are masked before anything is compared or shown.
 */
export async function diff(o: Opened, names: readonly string[] = []): Promise<DriftReport> {
  const all = o.stack.services.map((s) => s.name);
  for (const n of names)
    if (!all.includes(n)) throw unknownNameError('service', n, all, `in stack ${o.stack.name}`);
  const { target } = o;
  if (!target.observe || !target.fieldsOf)
    throw new InvalidInputError(`the ${target.kind} target cannot compare what runs with the stack file`);
  const services = o.stack.services.filter((s) => !names.length || names.includes(s.name));
  const recorded = await recordedRevisions(o, o.stack);
  const observed = new Map((await target.observe(services)).map((x) => [x.name, x]));
  const redact = makeRedactor(secretValues(o.stack.services));
  // `${cfn:unit.Key}` as the phase's last run recorded it, as a deployment would fill it in; unknown stays as written.
  const outputsOf = (u: string) => recorded.get(u)?.spec.cloudformation?.outputs;
  const filled = (s: Service): Service => {
    try {
      return resolveOutputs(s, outputsOf);
    } catch {
      return s;
    }
  };
  const out = services.map(filled).map((s): ServiceDrift => {
    const file = target.fieldsOf!(s);
    const seen = observed.get(s.name);
    if (!Object.keys(file).length) {
      const notes = [
        `not compared: Convoy compares ${s.kind === 'cloudformation' ? 'ECS units and processes, not CloudFormation stacks' : 'what a target block defines'}`,
      ];
      return { name: s.name, drifted: false, differs: false, changes: [], notes, diff: '' };
    }
    const prev = recorded.get(s.name);
    const withRevision = (f: Fields | undefined, rev: string | undefined): Fields | undefined =>
      f && { ...f, revision: rev ?? '(none: not deployed by Convoy)' };
    return compareService(
      s.name,
      seen && { ...seen, fields: withRevision(seen.fields, seen.revision) },
      withRevision(file, revisionOf(s))!,
      prev && withRevision(target.fieldsOf!(prev.spec), prev.revision),
    );
  });
  return redactDeep(
    { stack: o.stack.name, drift: out.some((d) => d.drifted || d.differs), services: out },
    redact,
  );
}
