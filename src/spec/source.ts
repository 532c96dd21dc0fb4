import { isAlias, isMap, isNode, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { SourceLocation } from '../errors.js';

export type FieldPath = readonly PropertyKey[];

export function dotted(path: FieldPath): string {
  return path.map(String).join('.');
}

/** A parsed stack file, able to say where any field of it is written. */
export class Source {
  constructor(
    readonly file: string,
    readonly text: string,
    readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  at(offset: number, field?: string): SourceLocation {
    const { line, col } = this.lines.linePos(offset);
    return field === undefined
      ? { file: this.file, line, column: col }
      : { file: this.file, line, column: col, field };
  }

  /**
   * Where `path` is written; `key: true` points at the key of the last segment rather than its value (unknown fields,
   * bad names). A path that does not exist, such as a missing field, falls back to its nearest existing parent.
   */
  locate(path: FieldPath, opts: { key?: boolean } = {}): SourceLocation {
    return this.at(this.offsetOf(path, opts.key ?? false), dotted(path));
  }

  offsetOf(path: FieldPath, key = false): number {
    return this.walk(path, key).offset;
  }

  /** Keys of the mapping at `path` in the order they are written (JS objects put integer-like keys first). */
  keysAt(path: FieldPath): string[] {
    const { node, found } = this.walk(path, false);
    if (!found || !isMap(node)) return [];
    return node.items.flatMap((p) => (isScalar(p.key) ? [String(p.key.value)] : []));
  }

  /** Follows `path` as far as it exists; `offset` is where the last node reached starts. */
  private walk(path: FieldPath, key: boolean): { node: Node | null; offset: number; found: boolean } {
    let node: Node | null = this.doc.contents;
    let offset = node?.range?.[0] ?? 0;
    for (const [i, segment] of path.entries()) {
      if (isAlias(node)) node = node.resolve(this.doc) ?? null;
      if (isMap(node)) {
        // Keys compare as text: a service named `123` is the number 123 in YAML and the string "123" in a path.
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return { node, offset, found: false };
        const keyStart = isNode(pair.key) ? pair.key.range?.[0] : undefined;
        if (keyStart !== undefined) offset = keyStart;
        if (key && i === path.length - 1) return { node: pair.key as Node, offset, found: true };
        node = isNode(pair.value) ? pair.value : null;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (!isNode(item)) return { node, offset, found: false };
        node = item;
      } else {
        return { node, offset, found: false };
      }
      if (!node) return { node, offset, found: i === path.length - 1 };
      offset = node.range?.[0] ?? offset;
    }
    if (isAlias(node)) node = node.resolve(this.doc) ?? null;
    return { node, offset, found: true };
  }
}
