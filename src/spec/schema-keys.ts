import type { z } from 'zod';
import type { FieldPath } from './source.js';

type Schema = z.core.$ZodType;

/** The parts of zod's internal definitions needed to walk from a schema to the schema of one of its fields. */
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  in?: Schema;
  valueType?: Schema;
  element?: Schema;
  options?: readonly Schema[];
  getter?: () => Schema;
}

const def = (s: Schema): Def => s._zod.def as unknown as Def;

/**
 * Field names an object at `path` accepts, read from the schema itself so suggestions never drift from it.
 * Where a union allows several object shapes, their keys are merged.
 */
export function knownKeys(root: Schema, path: FieldPath): string[] {
  let current = unwrap(root);
  for (const segment of path) {
    current = current.flatMap((s) => {
      const d = def(s);
      if (d.type === 'object') {
        const field = d.shape?.[String(segment)];
        return field ? unwrap(field) : [];
      }
      if (d.type === 'record' && d.valueType) return unwrap(d.valueType);
      if (d.type === 'array' && d.element && Number.isInteger(Number(segment))) return unwrap(d.element);
      return [];
    });
  }
  return [...new Set(current.flatMap((s) => Object.keys(def(s).shape ?? {})))];
}

/** Looks through wrappers (optional, default, transform pipes, unions) to the schemas that check the input. */
function unwrap(s: Schema): Schema[] {
  const d = def(s);
  if (d.type === 'union') return (d.options ?? []).flatMap(unwrap);
  if (d.type === 'pipe' && d.in) return unwrap(d.in);
  if (d.type === 'lazy' && d.getter) return unwrap(d.getter());
  if (d.innerType) return unwrap(d.innerType);
  return [s];
}
