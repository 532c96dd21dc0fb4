import { AwsError } from '../core/errors.js';

/** Ref, Fn::Sub, Fn::GetAtt, Fn::Join, Fn::Select, Fn::Split and AWS::NoValue — what real templates mostly use. */

export interface Scope {
  param(name: string): string | string[] | undefined;
  pseudo(name: string): string | undefined;
  /** Ref of a resource: its physical ID (or ARN, per type); undefined when the resource does not exist yet. */
  ref(logicalId: string): string | undefined;
  getAtt(logicalId: string, attr: string): string | undefined;
  isResource(logicalId: string): boolean;
}

export const NO_VALUE = Symbol('AWS::NoValue');

export function resolve(value: unknown, scope: Scope): unknown {
  if (Array.isArray(value)) return value.map((v) => resolve(v, scope)).filter((v) => v !== NO_VALUE);
  if (!value || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1) {
    const [k] = keys as [string];
    const arg = obj[k];
    switch (k) {
      case 'Ref':
        return ref(String(arg), scope);
      case 'Fn::GetAtt': {
        const [id, attr] = Array.isArray(arg) ? (arg as string[]) : String(arg).split(/\.(.*)/);
        return scope.getAtt(String(id), String(attr)) ?? `${id}.${attr}`;
      }
      case 'Fn::Sub':
        return sub(arg, scope);
      case 'Fn::Join': {
        const [sep, list] = arg as [string, unknown[]];
        return (resolve(list, scope) as unknown[]).join(sep);
      }
      case 'Fn::Select': {
        const [i, list] = arg as [unknown, unknown];
        return (resolve(list, scope) as unknown[])[Number(resolve(i, scope))];
      }
      case 'Fn::Split': {
        const [sep, s] = arg as [string, unknown];
        return String(resolve(s, scope)).split(sep);
      }
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    const r = resolve(v, scope);
    if (r !== NO_VALUE) out[k] = r;
  }
  return out;
}

function ref(name: string, scope: Scope): unknown {
  if (name === 'AWS::NoValue') return NO_VALUE;
  const pseudo = scope.pseudo(name);
  if (pseudo !== undefined) return pseudo;
  const param = scope.param(name);
  if (param !== undefined) return param;
  return scope.ref(name) ?? name;
}

function sub(arg: unknown, scope: Scope): string {
  const [text, vars] = Array.isArray(arg) ? (arg as [string, Record<string, unknown>]) : [String(arg), {}];
  const local = Object.fromEntries(Object.entries(vars ?? {}).map(([k, v]) => [k, resolve(v, scope)]));
  return text.replace(/\$\{([^}!][^}]*)\}/g, (_, expr: string) => {
    if (expr in local) return String(local[expr]);
    const dot = expr.indexOf('.');
    if (dot > 0 && scope.isResource(expr.slice(0, dot))) {
      return scope.getAtt(expr.slice(0, dot), expr.slice(dot + 1)) ?? expr;
    }
    return String(ref(expr, scope));
  });
}

/** Logical IDs a value refers to, for ordering resources the way CloudFormation does. */
export function references(
  value: unknown,
  isResource: (id: string) => boolean,
  out = new Set<string>(),
): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => references(v, isResource, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === 'Ref' && typeof v === 'string' && isResource(v)) out.add(v);
      else if (k === 'Fn::GetAtt') {
        const id = Array.isArray(v) ? String(v[0]) : String(v).split('.')[0]!;
        if (isResource(id)) out.add(id);
      } else if (k === 'Fn::Sub') {
        const text = Array.isArray(v) ? String(v[0]) : String(v);
        for (const m of text.matchAll(/\$\{([^}!.][^}.]*)[^}]*\}/g)) if (isResource(m[1]!)) out.add(m[1]!);
        if (Array.isArray(v)) references(v[1], isResource, out);
      } else references(v, isResource, out);
    }
  }
  return out;
}

/** Dependency check at submission, with CloudFormation's message. */
export function checkReferences(
  resources: Record<string, { Properties?: unknown; DependsOn?: string | string[] }>,
  params: Set<string>,
): void {
  const known = (id: string) => id in resources;
  const missing = new Set<string>();
  const pseudo = /^AWS::/;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (k === 'Ref' && typeof x === 'string' && !known(x) && !params.has(x) && !pseudo.test(x))
          missing.add(x);
        else if (k === 'Fn::GetAtt') {
          const id = Array.isArray(x) ? String(x[0]) : String(x).split('.')[0]!;
          if (!known(id)) missing.add(id);
        } else walk(x);
      }
    }
  };
  for (const r of Object.values(resources)) {
    walk(r.Properties);
    for (const d of [r.DependsOn ?? []].flat()) if (!known(d)) missing.add(d);
  }
  if (missing.size) {
    throw new AwsError(
      'ValidationError',
      `Template format error: Unresolved resource dependencies [${[...missing].join(', ')}] in the Resources block of the template`,
    );
  }
}
