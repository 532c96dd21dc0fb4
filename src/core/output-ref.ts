/**
 * `${cfn:<unit>.<OutputKey>}`: an output of a CloudFormation phase, known only once that phase has completed. The
 * loader keeps it as written (it is not a variable); the deployment fills it in just before the unit that uses it
 * starts, from the phase's DescribeStacks Outputs (plan/outputs.ts).
 */
export interface OutputRef {
  unit: string;
  key: string;
  /** As written, `${cfn:network.SubnetA}`. */
  text: string;
}

const BODY = /^cfn:([a-z0-9][a-z0-9_-]*)\.([A-Za-z0-9]+)$/;
const ANY = /\$\{cfn:([a-z0-9][a-z0-9_-]*)\.([A-Za-z0-9]+)\}/g;

/** What is between `${` and `}` when it starts with `cfn:`; undefined when it is not a well-formed reference. */
export function parseOutputRef(body: string): OutputRef | undefined {
  const m = BODY.exec(body);
  return m ? { unit: m[1]!, key: m[2]!, text: `\${${body}}` } : undefined;
}

export function isOutputRefBody(body: string): boolean {
  return body.startsWith('cfn:');
}

/** Every reference in a value (strings inside objects and arrays too), in the order written, repeats included. */
export function outputRefsIn(value: unknown): OutputRef[] {
  const out: OutputRef[] = [];
  walk(value, (s) => {
    for (const m of s.matchAll(ANY)) out.push({ unit: m[1]!, key: m[2]!, text: m[0] });
    return s;
  });
  return out;
}

/** A copy of `value` with every reference replaced by `valueOf(ref)`; everything else as it is. */
export function replaceOutputRefs<T>(value: T, valueOf: (ref: OutputRef) => string): T {
  return walk(value, (s) =>
    s.includes('${cfn:')
      ? s.replace(ANY, (text, unit: string, key: string) => valueOf({ unit, key, text }))
      : s,
  ) as T;
}

function walk(value: unknown, onString: (s: string) => string): unknown {
  if (typeof value === 'string') return onString(value);
  if (Array.isArray(value)) return value.map((v) => walk(v, onString));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, walk(v, onString)]),
    );
  }
  return value;
}
