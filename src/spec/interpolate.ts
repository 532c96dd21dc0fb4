/**
 * Compose-style variable substitution in stack file values: `${VAR}`, `${VAR:-default}` (also when empty),
 * `${VAR-default}` (only when unset) and `$$` for a literal `$`. A `$` not followed by `{` or `$` is kept as is,
 * so shell snippets such as `echo $HOME` in health check commands survive. `${cfn:unit.Key}` is a CloudFormation
 * output (spec/output-ref.ts): kept as written, for the deployment to fill in.
 */
import { isOutputRefBody, parseOutputRef, type OutputRef } from '../core/output-ref.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** Told of each `${cfn:unit.Key}` met, with the offset of its `${`; the reference itself is kept as written. */
export type OnOutputRef = (ref: OutputRef, index: number) => void;

/** `index` is the offset of the offending `${` in the input string, so the loader can point at it. */
export class InterpolationError extends Error {
  constructor(
    message: string,
    readonly index: number,
    readonly variable?: string,
  ) {
    super(message);
    this.name = 'InterpolationError';
  }
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

export function interpolate(input: string, env: Env, onOutputRef?: OnOutputRef): string {
  return expand(input, env, 0, onOutputRef);
}

/** `base` is where `input` starts inside the outermost string: defaults are expanded recursively. */
function expand(input: string, env: Env, base: number, onRef?: OnOutputRef): string {
  let out = '';
  let i = 0;
  while (i < input.length) {
    const dollar = input.indexOf('$', i);
    if (dollar < 0) break;
    out += input.slice(i, dollar);
    const next = input[dollar + 1];
    if (next === '$') {
      out += '$';
      i = dollar + 2;
    } else if (next === '{') {
      const close = matchingBrace(input, dollar + 2);
      if (close < 0) throw new InterpolationError('unterminated "${": expected a closing "}"', base + dollar);
      const body = input.slice(dollar + 2, close);
      out += isOutputRefBody(body)
        ? outputRef(body, base + dollar, onRef)
        : substitute(body, env, base + dollar, base + dollar + 2, onRef);
      i = close + 1;
    } else {
      out += '$';
      i = dollar + 1;
    }
  }
  return out + input.slice(i);
}

function matchingBrace(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    if (s[i] === '$' && s[i + 1] === '$') i++;
    else if (s[i] === '$' && s[i + 1] === '{') {
      depth++;
      i++;
    } else if (s[i] === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** A CloudFormation output is not known yet: checked, reported, and kept as written. */
function outputRef(body: string, at: number, onRef?: OnOutputRef): string {
  const ref = parseOutputRef(body);
  if (!ref) {
    throw new InterpolationError(
      `"\${${body}}" is not a valid output reference: write \${cfn:<unit>.<OutputKey>}, e.g. \${cfn:network.SubnetA}`,
      at,
    );
  }
  onRef?.(ref, at);
  return ref.text;
}

/** `body` is what is between `${` and `}`; `at` is the offset of the `${`, `bodyAt` of the body. */
function substitute(body: string, env: Env, at: number, bodyAt: number, onRef?: OnOutputRef): string {
  const name = NAME.exec(body)?.[0];
  if (!name) throw new InterpolationError(`"\${${body}}" is not a valid variable reference`, at);
  const rest = body.slice(name.length);
  const value = env[name];
  if (rest === '') {
    if (value === undefined) {
      throw new InterpolationError(
        `variable ${name} is not set (use "\${${name}:-default}" to give a default)`,
        at,
        name,
      );
    }
    return value;
  }
  const emptyCounts = rest.startsWith(':-');
  if (!emptyCounts && !rest.startsWith('-')) {
    throw new InterpolationError(
      `"\${${body}}" is not supported: use \${${name}}, \${${name}:-default} or \${${name}-default}`,
      at,
      name,
    );
  }
  const useDefault = value === undefined || (emptyCounts && value === '');
  if (!useDefault) return value;
  const opLength = emptyCounts ? 2 : 1;
  return expand(rest.slice(opLength), env, bodyAt + name.length + opLength, onRef);
}
