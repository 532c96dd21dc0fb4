/**
 * ECS keeps a health check's output to itself: DescribeTasks shows only HEALTHY / UNHEALTHY / UNKNOWN, and nothing
 * at all inside the start period. With `deploy.failFast: conclusive`, Convoy registers a container's CMD-SHELL
 * health check wrapped so that a result that cannot change by waiting (exit 126 or 127, the shell's "not found",
 * exec format error) is also written to the container's own stderr — PID 1's, which the awslogs driver ships — as
 * one line starting with HEALTH_REPORT_MARK. The check's exit status and output are otherwise unchanged. The
 * patterns avoid the literal phrases (`?` for the spaces), so the wrapper itself is no evidence to diagnose. The aws
 * target reads that line from CloudWatch Logs while the task starts and fails the service at once, quoting it.
 */

export const HEALTH_REPORT_MARK = 'convoy-health-check:';

/** The wrapped shell command: runs `command` as before, and reports conclusive results on PID 1's stderr. */
export function reportingCommand(command: string, sink = '/proc/1/fd/2'): string {
  return [
    `o=$( { ${command}`,
    `} 2>&1 ); s=$?; [ -n "$o" ] && printf '%s\\n' "$o"; case "$s:$o" in 126:*|127:*|*:?not?found*|*exec?format?error*) printf '${HEALTH_REPORT_MARK} exit %s: %s\\n' "$s" "$o" | head -n 1 > ${sink};; esac; exit $s`,
  ].join('\n');
}

export function isReporting(command: readonly string[] | undefined): boolean {
  return command?.[0] === 'CMD-SHELL' && (command[1] ?? '').includes(HEALTH_REPORT_MARK);
}

/** The command a person wrote, from a wrapped one (for messages); undefined when it is not wrapped. */
export function unwrapped(command: readonly string[] | undefined): string | undefined {
  if (!isReporting(command)) return undefined;
  const m = /^o=\$\( \{ ([\s\S]*)\n\} 2>&1 \);/.exec(command![1]!);
  return m?.[1];
}

/** The report in a container's log lines: `exit 127: /bin/sh: wget: not found`, or undefined. */
export function findReport(lines: readonly string[]): string | undefined {
  const line = lines.find((l) => l.includes(HEALTH_REPORT_MARK));
  return line?.slice(line.indexOf(HEALTH_REPORT_MARK) + HEALTH_REPORT_MARK.length).trim();
}

/** What a task definition's reporting health checks need: container name → check interval (ms). */
export function reportingContainers(td: {
  containerDefinitions?: { name?: string; healthCheck?: { command?: string[]; interval?: number } }[];
}): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of td.containerDefinitions ?? [])
    if (c.name && isReporting(c.healthCheck?.command))
      out.set(c.name, (c.healthCheck?.interval ?? 30) * 1000);
  return out;
}

/**
 * When to read a starting task's logs next: soon after it runs, then less and less often (× 1.5 each time, from
 * the poll interval), never more than half a check interval apart, so a report is read within 1.5 check intervals
 * of the first probe at a few GetLogEvents per task.
 */
export function nextLogCheck(
  last: { at: number; gap: number } | undefined,
  now: number,
  pollMs: number,
  intervalMs: number,
): { at: number; gap: number } {
  const gap = Math.min(intervalMs / 2, last ? last.gap * 1.5 : pollMs);
  return { at: now + gap, gap };
}
