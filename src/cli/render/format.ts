export function seconds(ms: number): string {
  return ms < 10_000
    ? `${(ms / 1000).toFixed(1)}s`
    : ms < 120_000
      ? `${Math.round(ms / 1000)}s`
      : `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s`;
}

export function short(rev: string | undefined): string {
  return rev ? rev.slice(0, 8) : '(none)';
}

/** Aligned plain-text table; the first row is the header. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** An estimate as people read it: "2m10s – 3m40s (80%, from history)". */
export function interval(e: { lowMs: number; highMs: number; coverage: number; basis: string }): string {
  const basis =
    e.basis === 'history'
      ? 'from history'
      : e.basis === 'guess'
        ? 'a guess from the stack file'
        : 'partly a guess';
  return `${seconds(e.lowMs)} – ${seconds(e.highMs)} (${Math.round(e.coverage * 100)}%, ${basis})`;
}
