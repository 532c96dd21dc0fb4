/**
 * The AWS query protocol's request side (CloudFormation, ELBv2, STS): a form body whose keys flatten structures as
 * `Parameters.member.1.ParameterKey`. Values stay strings; each API decides what is a number or a boolean.
 */

export type QueryValue = string | QueryValue[] | { [k: string]: QueryValue };

export function parseQuery(body: string): {
  action: string;
  version: string;
  params: Record<string, QueryValue>;
} {
  const form = new URLSearchParams(body);
  const params: Record<string, QueryValue> = {};
  let action = '';
  let version = '';
  for (const [key, value] of form) {
    if (key === 'Action') action = value;
    else if (key === 'Version') version = value;
    else assign(params, key.split('.'), value);
  }
  return { action, version, params: compact(params) as Record<string, QueryValue> };
}

function assign(target: Record<string, QueryValue>, path: string[], value: string): void {
  let node: Record<string, QueryValue> = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, QueryValue>;
  }
  node[path.at(-1)!] = value;
}

/** `{member: {1: a, 2: b}}` → `[a, b]`, recursively; `entry.N.key/value` maps become objects. */
function compact(v: QueryValue): QueryValue {
  if (typeof v === 'string' || Array.isArray(v)) return v;
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === 'member' && typeof v.member === 'object' && !Array.isArray(v.member)) {
    const m = v.member as Record<string, QueryValue>;
    return Object.keys(m)
      .sort((a, b) => Number(a) - Number(b))
      .map((k) => compact(m[k]!));
  }
  if (keys.length === 1 && keys[0] === 'entry' && typeof v.entry === 'object' && !Array.isArray(v.entry)) {
    const e = v.entry as Record<string, Record<string, QueryValue>>;
    return Object.fromEntries(Object.values(e).map((x) => [String(x.key), compact(x.value ?? '')]));
  }
  return Object.fromEntries(keys.map((k) => [k, compact(v[k]!)]));
}

/** A list member as the API means it: the SDK sends an empty list as `Name=`. */
export function list<T = QueryValue>(v: unknown): T[] {
  if (Array.isArray(v)) return v as T[];
  if (v === undefined || v === '') return [];
  return [v as T];
}

export function bool(v: unknown): boolean | undefined {
  if (v === undefined) return undefined;
  return v === true || v === 'true';
}
