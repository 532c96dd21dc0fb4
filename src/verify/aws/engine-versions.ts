/**
 * Ordering and grouping of database engine versions for suggestions: "16.3" < "16.10"; PostgreSQL 10+ has a
 * one-part major version, MySQL and MariaDB a two-part one (8.0, 8.4, 10.11).
 */

export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = Number(x);
    const ny = Number(y);
    const d = Number.isNaN(nx) || Number.isNaN(ny) ? x.localeCompare(y) : nx - ny;
    if (d !== 0) return d;
  }
  return 0;
}

export function majorVersion(engine: string, version: string): string {
  const parts = version.split('.');
  const first = Number(parts[0]);
  return engine.includes('postgres') && first >= 10 ? parts[0]! : parts.slice(0, 2).join('.');
}

/** The offered versions closest to `wanted`: the same major version if any, else the newest of each major. */
export function nearestVersions(engine: string, wanted: string, offered: string[], max = 5): string[] {
  const sorted = [...new Set(offered)].sort(compareVersions);
  const major = majorVersion(engine, wanted);
  const same = sorted.filter((v) => majorVersion(engine, v) === major);
  if (same.length) {
    // Alternately the next one above and the next one below the wanted version.
    const below = same.filter((v) => compareVersions(v, wanted) < 0);
    const above = same.filter((v) => compareVersions(v, wanted) > 0);
    const out: string[] = [];
    for (let a = 0, b = below.length - 1; out.length < max && (a < above.length || b >= 0);) {
      if (a < above.length) out.push(above[a++]!);
      if (out.length < max && b >= 0) out.push(below[b--]!);
    }
    return out.sort(compareVersions);
  }
  const newestPerMajor = new Map<string, string>();
  for (const v of sorted) newestPerMajor.set(majorVersion(engine, v), v);
  return [...newestPerMajor.values()].slice(-max);
}
