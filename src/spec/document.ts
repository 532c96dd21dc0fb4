import { readFileSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Scalar } from 'yaml';
import { InvalidInputError, type SourceLocation } from '../errors.js';
import { interpolate, InterpolationError, type Env } from './interpolate.js';
import type { OutputRef } from '../core/output-ref.js';
import { dotted, Source, type FieldPath } from './source.js';

const READ_FAILURES: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a folder, not a file',
};

/** Reads and parses a stack file; YAML errors are reported where they are. */
export function readSource(file: string): Source {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new InvalidInputError(
      `cannot read stack file ${file}: ${READ_FAILURES[code] ?? (err as Error).message}`,
    );
  }
  const lines = new LineCounter();
  // prettyErrors would append a code frame to the message; the location is reported on its own instead.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const source = new Source(file, text, doc, lines);
  const error = doc.errors[0];
  if (error) throw new InvalidInputError(`invalid YAML: ${error.message}`, source.at(error.pos[0]));
  return source;
}

/**
 * Substitutes variables in every string value (never in keys), in place, before validation. Returns each value that
 * held a `${` as written, by its dotted path: where a secret comes from (spec/secrets.ts). Each CloudFormation output
 * reference met is reported with where it is written.
 */
export function interpolateDocument(
  source: Source,
  env: Env,
  onOutputRef?: (ref: OutputRef, at: SourceLocation, path: FieldPath) => void,
): Map<string, string> {
  const written = new Map<string, string>();
  const visit = (node: Node | null, path: FieldPath): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        visit(pair.value as Node | null, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item as Node | null, [...path, i]));
    } else if (isScalar(node) && typeof node.value === 'string') {
      try {
        if (node.value.includes('${')) written.set(dotted(path), node.value);
        node.value = interpolate(
          node.value,
          env,
          onOutputRef &&
            ((ref, index) =>
              onOutputRef(ref, source.at(offsetOfReference(source, node, index), dotted(path)), path)),
        );
      } catch (err) {
        if (!(err instanceof InterpolationError)) throw err;
        throw new InvalidInputError(
          err.message,
          source.at(offsetOfReference(source, node, err.index), dotted(path)),
        );
      }
    }
  };
  visit(source.doc.contents, []);
  return written;
}

/**
 * Where the failing `${` is written. Quotes and escapes make value and source differ, so this finds the same
 * occurrence of `${` in the source text of the scalar; if that fails, the start of the scalar will do.
 */
function offsetOfReference(source: Source, node: Scalar, index: number): number {
  const [start, end] = node.range ?? [0, 0];
  const value = String(node.value);
  let nth = 0;
  for (let i = value.indexOf('${'); i >= 0 && i < index; i = value.indexOf('${', i + 1)) nth++;
  const raw = source.text.slice(start, end);
  let at = raw.indexOf('${');
  for (let k = 0; k < nth && at >= 0; k++) at = raw.indexOf('${', at + 1);
  return at >= 0 ? start + at : start;
}
