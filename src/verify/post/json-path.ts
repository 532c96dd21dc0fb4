import { JSON_PATH } from '../../spec/post-checks.js';

const STEP = /\.([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]/g;

/**
 * The value at a JSON path of the small syntax the stack file allows (`$.items[0].id`), or `undefined` when there is
 * none. Throws on any other syntax: the loader refuses it, so reaching here with one is a bug.
 */
export function valueAtPath(doc: unknown, path: string): unknown {
  if (!JSON_PATH.test(path)) throw new Error(`unknown JSON path syntax: ${path}`);
  let v = doc;
  for (const m of path.slice(1).matchAll(STEP)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = m[1] !== undefined ? (v as Record<string, unknown>)[m[1]] : (v as unknown[])[Number(m[2])];
  }
  return v;
}
