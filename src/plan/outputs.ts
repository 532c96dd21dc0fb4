import { ConvoyError, ExitCode } from '../errors.js';
import { outputRefsIn, replaceOutputRefs, type OutputRef } from '../core/output-ref.js';
import type { Service } from '../spec/types.js';

/** A unit uses an output its CloudFormation phase does not have: the file's mistake, or the template's. */
export class MissingOutputError extends ConvoyError {
  constructor(message: string) {
    super(message, ExitCode.invalidInput, 'missing-output');
  }
}

export type OutputsOf = (unit: string) => Readonly<Record<string, string>> | undefined;

/** What of a service may hold `${cfn:…}`: all but its identity and the template, which CloudFormation reads. */
function resolvable(s: Service): Service {
  if (!s.cloudformation) return s;
  const { templateBody: _t, outputs: _o, ...cf } = s.cloudformation;
  return { ...s, cloudformation: cf };
}

/** The CloudFormation phases whose outputs a service uses, in the order first written. */
export function outputUnits(s: Service): string[] {
  return [...new Set(outputRefsIn(resolvable(s)).map((r) => r.unit))];
}

/** The references a service holds, each once: `${cfn:network.SubnetA}`, … */
export function outputRefTexts(s: Service, units?: readonly string[]): string[] {
  const refs = outputRefsIn(resolvable(s)).filter((r) => !units || units.includes(r.unit));
  return [...new Set(refs.map((r) => r.text))];
}

/**
 * The service with every `${cfn:unit.Key}` replaced by that output's value. A key the unit's stack does not have is
 * a MissingOutputError naming the unit, the key and the outputs that exist.
 */
export function resolveOutputs(s: Service, outputsOf: OutputsOf): Service {
  if (outputUnits(s).length === 0) return s;
  const value = (ref: OutputRef): string => {
    const outputs = outputsOf(ref.unit);
    const v = outputs?.[ref.key];
    if (v !== undefined) return v;
    const have = Object.keys(outputs ?? {}).sort();
    throw new MissingOutputError(
      `${s.name} uses ${ref.text}, but the stack of ${ref.unit} has no output ${ref.key}; ` +
        (have.length ? `its outputs are ${have.join(', ')}` : `it has no outputs`),
    );
  };
  const resolved = replaceOutputRefs(resolvable(s), value);
  return s.cloudformation
    ? {
        ...resolved,
        cloudformation: {
          ...resolved.cloudformation!,
          ...(s.cloudformation.templateBody !== undefined
            ? { templateBody: s.cloudformation.templateBody }
            : {}),
          ...(s.cloudformation.outputs ? { outputs: s.cloudformation.outputs } : {}),
        },
      }
    : resolved;
}

/** The phase's service as recorded once it completed: with the outputs later units resolve against. */
export function withOutputs(s: Service, outputs: Record<string, string>): Service {
  return s.cloudformation ? { ...s, cloudformation: { ...s.cloudformation, outputs } } : s;
}
