import type { z } from 'zod';
import { InvalidInputError } from '../errors.js';
import { didYouMean } from './did-you-mean.js';
import { knownKeys } from './schema-keys.js';
import type { FieldPath, Source } from './source.js';

type Issue = z.core.$ZodIssue;

/** One problem, phrased for a person and tied to a place in the file. */
export interface Problem {
  path: FieldPath;
  message: string;
  hint?: string;
  /** Point at the key of the last path segment rather than at its value. */
  atKey?: boolean;
}

/**
 * Turns validation issues into one error at the earliest problem in the file, so fixing them top to bottom works;
 * the message says how many more there are.
 */
export function issuesToError(
  issues: readonly Issue[],
  data: unknown,
  source: Source,
  schema: z.core.$ZodType,
): InvalidInputError {
  const problems = issues.flatMap((issue) => describe(issue, [], data, schema));
  const placed = problems
    .map((p, i) => ({ p, i, offset: source.offsetOf(p.path, p.atKey) }))
    .sort((a, b) => a.offset - b.offset || a.i - b.i);
  const first = placed[0]?.p ?? { path: [], message: 'invalid stack file' };
  const more = placed.length - 1;
  const hint = [
    first.hint,
    more > 0 ? `${more} more problem${more === 1 ? '' : 's'} in this file` : undefined,
  ]
    .filter(Boolean)
    .join('; ');
  return new InvalidInputError(
    first.message,
    source.locate(first.path, { key: first.atKey }),
    hint || undefined,
  );
}

/** `base` is the path of the union an issue comes from: issues inside a union branch have relative paths. */
function describe(issue: Issue, base: FieldPath, data: unknown, schema: z.core.$ZodType): Problem[] {
  const path = [...base, ...issue.path];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(schema, path);
      return issue.keys.map((key) => {
        const suggestion = didYouMean(key, known);
        const hint = suggestion
          ? `did you mean "${suggestion}"?`
          : known.length
            ? `known fields: ${known.join(', ')}`
            : undefined;
        return { path: [...path, key], message: 'unknown field', hint, atKey: true };
      });
    }
    case 'invalid_type': {
      const value = valueAt(data, path);
      if (value === undefined) return [{ path, message: 'required field is missing' }];
      return [{ path, message: `expected ${kindName(issue.expected)}, got ${describeValue(value)}` }];
    }
    case 'invalid_union': {
      // A branch that got past the type check is what the author meant; its issues are the useful ones.
      const matched = issue.errors.filter((branch) => !branch.every(isTypeMismatch));
      if (matched.length === 1) return (matched[0] ?? []).flatMap((i) => describe(i, path, data, schema));
      const expected = [...new Set(issue.errors.flat().flatMap((i) => expectedKinds(i)))];
      const value = valueAt(data, path);
      if (value === undefined) return [{ path, message: 'required field is missing' }];
      if (expected.length)
        return [{ path, message: `expected ${orList(expected)}, got ${describeValue(value)}` }];
      return [{ path, message: issue.message }];
    }
    case 'invalid_key': {
      const name = String(path[path.length - 1]);
      const why = issue.issues[0]?.message ?? issue.message;
      return [{ path, message: `invalid name "${name}": ${why}`, atKey: true }];
    }
    case 'invalid_value': {
      const value = valueAt(data, path);
      const allowed = issue.values.map((v) => JSON.stringify(v));
      const suggestion = typeof value === 'string' ? didYouMean(value, issue.values.map(String)) : undefined;
      return [
        {
          path,
          message: `expected one of ${allowed.join(', ')}, got ${describeValue(value)}`,
          hint: suggestion ? `did you mean "${suggestion}"?` : undefined,
        },
      ];
    }
    case 'too_small':
    case 'too_big':
      return [{ path, message: sizeMessage(issue) }];
    case 'custom':
      // A refinement may point at the key it is about (an unknown JSON path syntax, say).
      return [{ path, message: issue.message, atKey: issue.params?.atKey === true }];
    default:
      return [{ path, message: issue.message }];
  }
}

function sizeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const exact = issue.inclusive !== false;
  switch (issue.origin) {
    case 'number':
    case 'int':
      return `must be ${small ? (exact ? 'at least' : 'more than') : exact ? 'at most' : 'less than'} ${limit}`;
    case 'string':
      if (small && limit === 1) return 'must not be empty';
      return `must be ${small ? 'at least' : 'at most'} ${limit} character${limit === 1 ? '' : 's'} long`;
    case 'array':
      return `must have ${small ? 'at least' : 'at most'} ${limit} item${limit === 1 ? '' : 's'}`;
    default:
      return issue.message;
  }
}

/** The value is not even of the type a (possibly nested) union branch expects. */
function isTypeMismatch(issue: Issue): boolean {
  if (issue.path.length > 0) return false;
  if (issue.code === 'invalid_type') return true;
  return issue.code === 'invalid_union' && issue.errors.every((branch) => branch.every(isTypeMismatch));
}

function expectedKinds(issue: Issue): string[] {
  if (issue.code === 'invalid_type' && issue.path.length === 0) return [kindName(issue.expected)];
  if (issue.code === 'invalid_union') return issue.errors.flat().flatMap(expectedKinds);
  return [];
}

const KIND_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'a boolean',
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
};

function kindName(expected: string): string {
  return KIND_NAMES[expected] ?? expected;
}

function orList(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value);
  return `${typeof value} ${String(value)}`;
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let v = data;
  for (const segment of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[segment];
  }
  return v;
}
