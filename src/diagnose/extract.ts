import type { Capture } from './schema.js';
import type { EvidenceKind, EvidenceLine } from './types.js';

type Scalar = string | number | boolean | null | undefined;

/** Env values whose names look secret are never copied into evidence. */
const SECRET_NAME = /SECRET|PASSWORD|PASSWD|TOKEN|PRIVATE|CREDENTIAL|API_?KEY|ACCESS_?KEY/i;

/** Longer lines keep head and tail: the matchers' lazy scans are quadratic on huge single-line dumps. */
const MAX_LINE = 4000;

function str(v: Scalar): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = String(v).trim();
  if (s === '') return undefined;
  return s.length <= MAX_LINE ? s : `${s.slice(0, MAX_LINE / 2)} … ${s.slice(-MAX_LINE / 2)}`;
}

function toLines(v: string | Scalar[] | undefined): string[] {
  if (v === undefined) return [];
  const all = typeof v === 'string' ? [v] : v.map((x) => str(x) ?? '');
  // A multi-line string (stack trace, health output) becomes one line per line so each can be quoted exactly.
  return all.flatMap((s) => s.split(/\r?\n/)).filter((s) => s.trim() !== '');
}

/** Turns a capture into labelled text lines that rules match against. */
export function extractEvidence(c: Capture): EvidenceLine[] {
  const out: EvidenceLine[] = [];
  const add = (kind: EvidenceKind, path: string, v: Scalar) => {
    const text = str(v);
    if (text !== undefined) out.push({ kind, path, text });
  };

  add(
    'origin',
    'origin',
    c.local ? 'local' : c.tasks || c.services || c.stackEvents || c.targetHealth ? 'aws' : undefined,
  );

  c.tasks?.forEach((t, i) => {
    add('stoppedReason', `tasks[${i}].stoppedReason`, t.stoppedReason);
    add('stopCode', `tasks[${i}].stopCode`, t.stopCode);
    // UNKNOWN is what ECS reports for a task without a health check: no evidence either way.
    const health = (v: Scalar) => (typeof v === 'string' && /^unknown$/i.test(v) ? undefined : v);
    add('healthStatus', `tasks[${i}].healthStatus`, health(t.healthStatus));
    t.containers?.forEach((k, j) => {
      add('containerReason', `tasks[${i}].containers[${j}].reason`, k.reason);
      add('exitCode', `tasks[${i}].containers[${j}].exitCode`, k.exitCode);
      add('healthStatus', `tasks[${i}].containers[${j}].healthStatus`, health(k.healthStatus));
    });
  });

  c.services?.forEach((s, i) => {
    s.events?.forEach((e, j) => add('serviceEvent', `services[${i}].events[${j}].message`, e.message));
    s.deployments?.forEach((d, j) => {
      const reason = str(d.rolloutStateReason);
      if (reason) add('deployment', `services[${i}].deployments[${j}].rolloutStateReason`, reason);
    });
  });

  c.stackEvents?.forEach((e, i) => {
    add('stackEvent', `stackEvents[${i}].ResourceStatusReason`, e.ResourceStatusReason);
    const status = [e.ResourceStatus, e.ResourceType, e.LogicalResourceId].map(str).filter(Boolean).join(' ');
    add('stackStatus', `stackEvents[${i}].ResourceStatus`, status);
  });

  c.targetHealth?.forEach((t, i) => {
    const h = t.TargetHealth;
    const text = [h?.State, h?.Reason, h?.Description].map(str).filter(Boolean).join(' ');
    add('targetHealth', `targetHealth[${i}].TargetHealth`, text);
  });

  const td = c.taskDefinition;
  if (td) {
    add('platform', 'taskDefinition.runtimePlatform.cpuArchitecture', td.runtimePlatform?.cpuArchitecture);
    for (const key of ['cpu', 'memory', 'networkMode', 'executionRoleArn', 'taskRoleArn'] as const) {
      const v = td[key];
      if (typeof v === 'string' || typeof v === 'number')
        add('taskDefField', `taskDefinition.${key}`, `${key}=${v}`);
    }
    td.containerDefinitions?.forEach((d, i) => {
      const p = `taskDefinition.containerDefinitions[${i}]`;
      add('image', `${p}.image`, d.image);
      const cmd = d.healthCheck?.command;
      if (cmd !== undefined) {
        add('healthCheck', `${p}.healthCheck.command`, typeof cmd === 'string' ? cmd : JSON.stringify(cmd));
      }
      if (d.environment) {
        add(
          'envNames',
          `${p}.environment`,
          d.environment
            .map((e) => str(e.name))
            .filter(Boolean)
            .join(', ') || '(none)',
        );
        d.environment.forEach((e, j) => {
          const name = str(e.name);
          if (name)
            add(
              'env',
              `${p}.environment[${j}]`,
              `${name}=${SECRET_NAME.test(name) ? '<redacted>' : (str(e.value) ?? '')}`,
            );
        });
      }
      d.secrets?.forEach((s, j) =>
        add('secretRef', `${p}.secrets[${j}]`, `${str(s.name) ?? '?'} <- ${str(s.valueFrom) ?? '?'}`),
      );
      d.portMappings?.forEach((m, j) => {
        const parts = [`containerPort=${str(m.containerPort) ?? '?'}`, `hostPort=${str(m.hostPort) ?? '?'}`];
        add('portMapping', `${p}.portMappings[${j}]`, parts.join(' '));
      });
      for (const key of ['memory', 'memoryReservation', 'cpu'] as const) {
        const v = d[key];
        if (typeof v === 'string' || typeof v === 'number') add('taskDefField', `${p}.${key}`, `${key}=${v}`);
      }
    });
  }

  for (const [container, ls] of Object.entries(c.logs ?? {})) {
    toLines(ls).forEach((l, i) => add('log', `logs.${container}[${i}]`, l));
  }

  const local = c.local;
  if (local) {
    add('exitCode', 'local.exitCode', local.exitCode);
    add('healthExitCode', 'local.healthExitCode', local.healthExitCode);
    add('healthStatus', 'local.health', local.health);
    toLines(typeof local.healthOutput === 'string' ? local.healthOutput : undefined).forEach((l, i) =>
      add('healthOutput', `local.healthOutput[${i}]`, l),
    );
    toLines(local.logs).forEach((l, i) => add('log', `local.logs[${i}]`, l));
    for (const [key, v] of Object.entries(local)) {
      if (['exitCode', 'healthExitCode', 'health', 'healthOutput', 'logs'].includes(key)) continue;
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        add('localField', `local.${key}`, `${key}=${v}`);
    }
  }
  return out;
}

/** A short account of what was looked at, for the fallback finding. */
export function describeExamined(lines: EvidenceLine[]): string[] {
  const groups = new Map<string, number>();
  for (const l of lines) {
    if (l.kind === 'origin') continue;
    const group = l.path.replace(/\[\d+\]/g, '[]');
    groups.set(group, (groups.get(group) ?? 0) + 1);
  }
  if (groups.size === 0) {
    return [
      'examined: nothing — the capture has no tasks, services, stackEvents, targetHealth, taskDefinition, logs or local data',
    ];
  }
  return [...groups].map(
    ([g, n]) => `examined: ${g} (${n} ${n === 1 ? 'line' : 'lines'}) — no known signature matched`,
  );
}
