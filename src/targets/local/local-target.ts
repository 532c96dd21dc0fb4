import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import type { Clock } from '../../core/clock.js';
import { systemClock } from '../../core/clock.js';
import type { HealthCheckSpec } from '../../spec/schema.js';
import type { Env } from '../../spec/interpolate.js';
import { makeRedactor } from '../../core/redact.js';
import { entryValue, secretsOf } from '../../spec/secrets.js';
import type { Service } from '../../spec/types.js';
import { conclusiveStart, type FailFast } from '../conclusive.js';
import { HealthTracker } from '../health.js';
import type {
  Fields,
  FollowLogsOptions,
  Gate,
  GateOptions,
  Observed,
  RuntimeState,
  Target,
  Unit,
  Verdict,
} from '../target.js';
import { exitVerdict, failed, passed, timeoutVerdict, type ExitInfo } from '../verdicts.js';
import { describeCheck, runProbe, type ProbeContext } from './probe.js';
import { findLaunched, isRunning, procStartTime, stopGroup } from './procs.js';
import { adoptLegacyState } from './legacy.js';
import { SEARCH_LINES, searchLog } from './log-search.js';
import { isReplica, replicaIndex, replicaName, replicaService } from './replicas.js';
import { StateDir, type ServiceRecord } from './state.js';
import { localFields } from './fields.js';
import { followFile } from './follow-logs.js';
import {
  currentCapture,
  currentRun,
  EVIDENCE_LOG_LINES,
  failureSnapshot,
  type CurrentRun,
} from './evidence.js';

/**
 * The `local` target: each service is a process on this machine, leader of its own process group, detached and
 * unref'd so it outlives the convoy process; what runs is recorded in `<dir>/.convoy/stacks/<stack>/` for later
 * convoy processes.
 *
 * Decisions callers rely on:
 * - A command that cannot be launched (ENOENT, EACCES, missing cwd, no `local` block) does not make start() reject:
 *   start() records the error and the following awaitGate() returns `{ ok: false, reason: 'start-failed' }`, so the
 *   engine handles it like any other failed gate.
 * - awaitGate() rejects with the signal's reason when `signal` aborts (like Clock.sleep); every other outcome is a
 *   Verdict. Health probes follow the grid start + k·interval on the injected clock.
 * - Stopping waits on real time (SIGTERM, `stopGraceMs`, then SIGKILL): it is about real processes.
 */

export interface LocalTargetOptions {
  /** Folder of the stack file: relative `cwd`s resolve against it and state lives in `<dir>/.convoy/stacks/<stack>/`. */
  dir: string;
  stack: string;
  clock?: Clock;
  /** How long a stopped service gets between SIGTERM and SIGKILL; default 10 s. */
  stopGraceMs?: number;
  /**
   * What services and command checks inherit, under their own env values (PATH, HOME…): the environment convoy was
   * given, passed down by its caller (the CLI passes its own). Nothing here reads process.env.
   */
  env: Readonly<Record<string, string | undefined>>;
  /** `deploy.failFast`: fail at the first conclusive probe result (default), or only at the check's verdict. */
  failFast?: FailFast;
}

/** A process this convoy process spawned: we can listen for its exit instead of polling. */
interface OwnRun {
  pid: number;
  exit: Promise<ExitInfo>;
  exited?: ExitInfo;
}

const EXIT_POLL_MS = 150;
const UNKNOWN_EXIT: ExitInfo = { code: null, signal: null, known: false };

export function createLocalTarget(opts: LocalTargetOptions): Target {
  return new LocalTarget(opts);
}

class LocalTarget implements Target {
  readonly kind = 'local';
  private readonly state: StateDir;
  private readonly clock: Clock;
  private readonly graceMs: number;
  private readonly own = new Map<string, OwnRun>();
  /** Copies start() started with their service, for its awaitGate() to follow too. */
  private readonly startedCopies = new Map<string, Unit[]>();

  constructor(private readonly opts: LocalTargetOptions) {
    this.state = new StateDir(opts.dir, opts.stack);
    adoptLegacyState(opts.dir, opts.stack, this.state.root);
    this.clock = opts.clock ?? systemClock;
    this.graceMs = opts.stopGraceMs ?? 10_000;
  }

  /** The service's record; one whose pid never got written (its convoy died while spawning) gets it back here. */
  private record(name: string): ServiceRecord | undefined {
    const rec = this.state.read(name);
    return rec && this.adopt(rec);
  }

  private adopt(rec: ServiceRecord): ServiceRecord {
    if (rec.pid !== undefined || rec.startError !== undefined || !rec.launchId) return rec;
    const found = findLaunched(rec.launchId);
    if (!found) return rec;
    const adopted = { ...rec, pid: found.pid, procStart: found.startTime };
    this.state.write(adopted);
    return adopted;
  }

  /** The copy numbers (from 1) recorded for a service, ascending. */
  private copiesOf(name: string): number[] {
    return this.state
      .list()
      .filter((r) => r.stack === this.opts.stack)
      .map((r) => replicaIndex(r.name, name))
      .filter((i): i is number => i !== undefined)
      .sort((a, b) => a - b);
  }

  /** Copies run the revision their service runs: a new revision replaces each of them too, so a scale holds. */
  async start(unit: Unit): Promise<void> {
    const copies = unit.service.kind === 'service' ? this.copiesOf(unit.service.name) : [];
    await this.startOne(unit);
    const units = copies.map((i) => ({ ...unit, service: replicaService(unit.service, i) }));
    for (const u of units) await this.startOne(u);
    this.startedCopies.set(unit.service.name, units);
  }

  async scale(unit: Unit, replicas: number, opts: GateOptions): Promise<Verdict> {
    const name = unit.service.name;
    for (const i of this.copiesOf(name).filter((c) => c >= Math.max(replicas, 1))) {
      await this.stopProcesses(replicaName(name, i));
      this.state.remove(replicaName(name, i));
    }
    const gate: Gate = unit.service.healthCheck ? 'healthy' : 'started';
    if (replicas === 0) {
      await this.stopProcesses(name);
      const rec = this.record(name);
      if (rec) this.state.write({ ...rec, scaledToZero: true });
      return passed('started', this.clock.now());
    }
    const added: Unit[] = [];
    for (let i = 0; i < replicas; i++) {
      const u = { ...unit, service: replicaService(unit.service, i) };
      const rec = this.record(u.service.name);
      const runs =
        rec?.pid !== undefined && isRunning(rec.pid, rec.procStart) && rec.revision === unit.revision;
      if (runs) continue;
      await this.startOne(u);
      added.push(u);
    }
    for (const u of added) {
      const v = await this.awaitOne(u, gate, opts);
      if (!v.ok) return { ...v, message: `${u.service.name}: ${v.message}` };
    }
    return passed(gate, this.clock.now());
  }

  private async startOne(unit: Unit): Promise<void> {
    const { service, revision } = unit;
    await this.stopProcesses(service.name);
    this.state.ensure();
    const base: ServiceRecord = {
      stack: this.opts.stack,
      name: service.name,
      kind: service.kind,
      revision,
      startedAt: this.clock.now(),
      service,
      launchId: randomUUID(),
    };
    // Recorded before the spawn: a convoy killed while spawning leaves a record the next one can find the process by.
    this.state.write(base);
    const launched = await this.launch(service, revision, base.startedAt, base.launchId!);
    if ('error' in launched) {
      this.state.write({ ...base, startError: launched.error });
      return;
    }
    const { child, pid } = launched;
    this.state.write({ ...base, pid, procStart: procStartTime(pid) });
    const run: OwnRun = {
      pid,
      exit: new Promise((res) =>
        child.once('exit', (code, signal) => {
          run.exited = { code, signal, known: true };
          this.recordExit(service.name, pid, run.exited);
          res(run.exited);
        }),
      ),
    };
    this.own.set(service.name, run);
    child.unref();
  }

  private async launch(
    service: Service,
    revision: string,
    startedAt: number,
    launchId: string,
  ): Promise<{ child: ChildProcess; pid: number } | { error: string }> {
    const local = service.local;
    if (!local)
      return { error: `service ${service.name} has no "local" block, so the local target cannot run it` };
    // Started only resolved: a sealed secret (the engine resolves a stored revision's first) never runs empty.
    const sealed = Object.keys(local.env).filter((k) => local.env[k]?.sealed);
    if (sealed.length)
      return { error: `could not start ${local.command}: secret env ${sealed.join(', ')} was not resolved` };
    const cwd = this.cwdOf(service);
    if (!existsSync(cwd))
      return { error: `could not start ${local.command}: working folder ${cwd} does not exist` };
    // 0600: a service's output may quote its secrets.
    const log = openSync(this.state.logPath(service.name), 'a', 0o600);
    try {
      writeSync(
        log,
        `--- convoy: ${service.name} revision ${revision} started ${new Date(startedAt).toISOString()} ---\n`,
      );
      let child: ChildProcess;
      try {
        // spawn forks synchronously, so the log fd may be closed as soon as it returns.
        child = spawn(local.command, local.args, {
          cwd,
          env: {
            ...this.opts.env,
            ...envValues(service, this.opts.env),
            CONVOY_STACK: this.opts.stack,
            CONVOY_SERVICE: service.name,
            CONVOY_REVISION: revision,
            CONVOY_LAUNCH_ID: launchId,
          },
          detached: true,
          stdio: ['ignore', log, log],
        });
      } catch (err) {
        return this.launchError(log, local.command, err);
      }
      if (child.pid === undefined) {
        const [err] = (await once(child, 'error')) as [Error];
        return this.launchError(log, local.command, err);
      }
      return { child, pid: child.pid };
    } finally {
      closeSync(log);
    }
  }

  private launchError(log: number, command: string, err: unknown): { error: string } {
    const error = `could not start ${command}: ${err instanceof Error ? err.message : String(err)}`;
    writeSync(log, `--- convoy: ${error} ---\n`);
    return { error };
  }

  /** The spawning process persists the exit code so status() of later convoy processes can report it for jobs. */
  private recordExit(name: string, pid: number, exit: ExitInfo): void {
    const rec = this.record(name);
    if (rec?.pid === pid) this.state.write({ ...rec, exitCode: exit.code, signal: exit.signal });
  }

  async awaitGate(unit: Unit, gate: Gate, opts: GateOptions): Promise<Verdict> {
    const copies = this.startedCopies.get(unit.service.name) ?? [];
    this.startedCopies.delete(unit.service.name);
    const v = await this.awaitOne(unit, gate, opts);
    if (!v.ok) return v;
    for (const u of copies) {
      const c = await this.awaitOne(u, gate, opts);
      if (!c.ok) return { ...c, message: `${u.service.name}: ${c.message}` };
    }
    return v;
  }

  private async awaitOne(
    unit: Unit,
    gate: Gate,
    opts: { timeoutMs: number; signal?: AbortSignal },
  ): Promise<Verdict> {
    opts.signal?.throwIfAborted();
    const { service } = unit;
    const rec = this.record(service.name);
    if (!rec || rec.stack !== this.opts.stack || rec.revision !== unit.revision) {
      return failed(
        'start-failed',
        this.clock.now(),
        `revision ${unit.revision} of ${service.name} was never started`,
      );
    }
    if (rec.startError !== undefined || rec.pid === undefined) {
      return this.keepFailure(
        rec,
        failed('start-failed', this.clock.now(), rec.startError ?? `${service.name} has no process`),
      );
    }
    const hc = service.healthCheck;
    const cancel = new AbortController();
    const onAbort = () => cancel.abort(opts.signal?.reason);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const aborted = new Promise<never>((_, reject) =>
        cancel.signal.addEventListener('abort', () => reject(cancel.signal.reason), { once: true }),
      );
      const tracker =
        gate === 'healthy' && hc
          ? new HealthTracker(hc, rec.startedAt, this.opts.failFast ?? 'conclusive')
          : undefined;
      const exited = this.watchExit(rec, cancel.signal).then((e) => this.exitVerdict(gate, service, e));
      const timedOut = this.clock.sleep(opts.timeoutMs, cancel.signal).then(() =>
        timeoutVerdict(gate, opts.timeoutMs, this.clock.now(), {
          check: tracker && hc ? describeCheck(hc) : undefined,
          output: tracker?.lastResult?.output,
        }),
      );
      // The completed gate is decided by `exited` alone; a service without a health check is healthy once it runs.
      const work: Promise<Verdict> =
        gate === 'completed'
          ? new Promise<never>(() => {})
          : tracker && hc
            ? this.followHealth(tracker, hc, service, cancel.signal)
            : this.startedVerdict(rec, gate);
      for (const p of [aborted, exited, timedOut, work]) p.catch(() => {});
      return this.keepFailure(rec, await Promise.race([aborted, exited, timedOut, work]), service);
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      cancel.abort();
    }
  }

  /** Records a failed gate before the engine acts on it, so the evidence outlives a rollback's restart. */
  private keepFailure(rec: ServiceRecord, verdict: Verdict, service?: Service): Verdict {
    if (verdict.ok) return verdict;
    try {
      const logs = currentRun(rec.name, this.state.tail(rec.name, EVIDENCE_LOG_LINES));
      // A health check's output may quote the service's secrets: the state folder keeps none.
      const secrets = (service?.local ? secretsOf(service.local.env) : []).sort(
        (a, b) => b.length - a.length,
      );
      this.state.writeFailure(rec.name, failureSnapshot(rec, verdict, logs), makeRedactor(secrets));
    } catch {
      // Evidence is a courtesy: failing to keep it must not change the verdict.
    }
    return verdict;
  }

  async evidence(name: string): Promise<Record<string, unknown>> {
    const found = this.record(name);
    const rec = found?.stack === this.opts.stack ? found : undefined;
    const kept = this.state.readFailure(name);
    const snap = kept?.stack === this.opts.stack ? kept : undefined;
    if (snap && (!rec || (snap.revision === rec.revision && snap.startedAt === rec.startedAt)))
      return snap.capture;
    if (!rec)
      return { service: name, local: { health: 'stopped', message: `convoy has not started ${name}` } };
    const run = await this.currentRunOf(rec);
    return run.failing || !snap ? currentCapture(rec, run) : snap.capture;
  }

  private async currentRunOf(rec: ServiceRecord): Promise<CurrentRun> {
    const logs = currentRun(rec.name, this.state.tail(rec.name, EVIDENCE_LOG_LINES));
    const hc = rec.service.healthCheck;
    const check = hc ? describeCheck(hc) : undefined;
    if (rec.startError !== undefined || rec.pid === undefined)
      return { health: 'stopped', failing: true, message: rec.startError, logs };
    if (!isRunning(rec.pid, rec.procStart)) {
      const run = this.own.get(rec.name);
      const exit = run && run.pid === rec.pid ? await this.exitOf(run) : this.persistedExit(rec.name);
      const v = this.exitVerdict(rec.kind === 'job' ? 'completed' : 'healthy', rec.service, exit);
      const failing = !v.ok;
      return v.ok
        ? { health: 'stopped', failing, exitCode: exit.code, logs }
        : { health: 'stopped', failing, exitCode: v.exitCode, signal: v.signal, message: v.message, logs };
    }
    if (!hc) return { health: 'healthy', failing: false, logs };
    // No convoy process follows it any more, so probe once now, as `convoy status` does.
    const probe = await runProbe(hc, this.probeContext(rec.service));
    const ok = probe.ok && probe.durationMs <= hc.timeout;
    const booting = this.clock.now() - rec.startedAt < hc.startPeriod;
    const health = ok ? 'healthy' : booting ? 'starting' : 'unhealthy';
    return { health, failing: health === 'unhealthy', healthOutput: probe.output, check, logs };
  }

  /**
   * Ours and already dead: its 'exit' event (with the code) is at most a tick away. The timer is ref'd on purpose:
   * the child is unref'd, so nothing else may keep the event loop waiting for that event.
   */
  private async exitOf(run: OwnRun): Promise<ExitInfo> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<ExitInfo>(
      (r) => (timer = setTimeout(() => r(run.exited ?? UNKNOWN_EXIT), 1000)),
    );
    try {
      return await Promise.race([run.exit, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async startedVerdict(rec: ServiceRecord, gate: Gate): Promise<Verdict> {
    if (isRunning(rec.pid!, rec.procStart)) return passed(gate, this.clock.now());
    // Ours and already dead: its 'exit' event (with the code) is at most a tick away.
    const run = this.own.get(rec.name);
    const exit = run && run.pid === rec.pid ? await run.exit : this.persistedExit(rec.name);
    return this.exitVerdict(gate, rec.service, exit);
  }

  private async followHealth(
    tracker: HealthTracker,
    hc: HealthCheckSpec,
    service: Service,
    signal: AbortSignal,
  ): Promise<Verdict> {
    const ctx = this.probeContext(service, signal);
    for (;;) {
      const due = tracker.nextProbeAt(this.clock.now());
      // Loop because a timer may fire a hair early; a probe must not land before its slot.
      while (this.clock.now() < due) await this.clock.sleep(due - this.clock.now(), signal);
      const at = this.clock.now();
      const result = await runProbe(hc, ctx);
      signal.throwIfAborted();
      const status = tracker.record({ at, ...result });
      if (status === 'healthy') return passed('healthy', this.clock.now());
      if (status === 'unhealthy') {
        return failed('unhealthy', this.clock.now(), tracker.describeFailure(), {
          check: describeCheck(hc),
          output: tracker.lastResult?.output,
          decidedBy: tracker.decidedBy,
        });
      }
    }
  }

  /** Resolves when the service's main process exits: from the 'exit' event if we spawned it, else by polling the pid. */
  private async watchExit(rec: ServiceRecord, signal: AbortSignal): Promise<ExitInfo> {
    const run = this.own.get(rec.name);
    if (run && run.pid === rec.pid) return run.exit;
    while (isRunning(rec.pid!, rec.procStart)) await this.clock.sleep(EXIT_POLL_MS, signal);
    return this.persistedExit(rec.name);
  }

  /** An exit decides at once; it is conclusive when the program cannot run as built (127, exec format, missing env). */
  private exitVerdict(gate: Gate, service: Service, exit: ExitInfo): Verdict {
    const v = exitVerdict(gate, service.kind, exit, this.clock.now());
    if (v.ok) return v;
    const logs = this.logTail(service.name);
    const conclusive = conclusiveStart(logs, exit.code);
    return conclusive
      ? { ...v, message: `${v.message}: conclusive evidence, ${conclusive.meaning}`, decidedBy: 'conclusive' }
      : { ...v, decidedBy: 'verdict' };
  }

  private logTail(name: string): string[] {
    try {
      return currentRun(name, this.state.tail(name, EVIDENCE_LOG_LINES));
    } catch {
      return [];
    }
  }

  private persistedExit(name: string): ExitInfo {
    const rec = this.record(name);
    return rec?.exitCode !== undefined
      ? { code: rec.exitCode, signal: rec.signal ?? null, known: true }
      : { code: null, signal: null, known: false };
  }

  async stop(name: string): Promise<void> {
    await this.stopProcesses(name);
    for (const i of this.copiesOf(name)) {
      await this.stopProcesses(replicaName(name, i));
      this.state.remove(replicaName(name, i));
    }
  }

  /** Stops the recorded process group (and one we spawned, if different); true when something was running. */
  private async stopProcesses(name: string): Promise<boolean> {
    const rec = this.record(name);
    const run = this.own.get(name);
    let stopped = false;
    if (rec?.pid !== undefined && rec.stack === this.opts.stack) {
      stopped = await stopGroup(rec.pid, rec.procStart, this.graceMs);
    }
    if (run && run.pid !== rec?.pid) stopped = (await stopGroup(run.pid, undefined, this.graceMs)) || stopped;
    if (run) {
      // Let our 'exit' listener record the exit code before anyone reads the state; it fires within a tick or two.
      // The timer stays ref'd on purpose: the child is unref'd, so nothing else would keep the event loop waiting.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([run.exit, new Promise((r) => (timer = setTimeout(r, 1000)))]);
      clearTimeout(timer);
      this.own.delete(name);
    }
    return stopped;
  }

  async down(): Promise<string[]> {
    const mine = this.state
      .list()
      .map((r) => this.adopt(r))
      .filter((r) => r.stack === this.opts.stack);
    const stopped = await Promise.all(
      mine.map(async (r) => {
        const was = await this.stopProcesses(r.name);
        this.state.remove(r.name);
        return was ? r.name : undefined;
      }),
    );
    return stopped.filter((n): n is string => n !== undefined && !isReplica(n)).sort();
  }

  async status(names?: string[]): Promise<RuntimeState[]> {
    const list =
      names ??
      this.state
        .list()
        .filter((r) => r.stack === this.opts.stack && !isReplica(r.name))
        .map((r) => r.name)
        .sort();
    return Promise.all(
      list.map(async (n) => {
        const s = await this.statusOf(n);
        const rec = this.record(n);
        if (rec?.kind !== 'service' || rec.stack !== this.opts.stack) return s;
        if (rec.scaledToZero) return { ...s, replicas: 0, scaledToZero: true };
        const copies = this.copiesOf(n).map((i) => this.record(replicaName(n, i)));
        const running = copies.filter((c) => c?.pid !== undefined && isRunning(c.pid, c.procStart)).length;
        return { ...s, replicas: (s.health === 'stopped' ? 0 : 1) + running };
      }),
    );
  }

  private async statusOf(name: string): Promise<RuntimeState> {
    const rec = this.record(name);
    if (!rec || rec.stack !== this.opts.stack) return { name, health: 'stopped' };
    const base = { name, revision: rec.revision, startedAt: rec.startedAt };
    if (rec.pid === undefined || !isRunning(rec.pid, rec.procStart)) {
      const exit = this.own.get(name)?.exited ?? this.persistedExit(name);
      return rec.kind === 'job' && exit.known
        ? { ...base, health: 'stopped', exitCode: exit.code }
        : { ...base, health: 'stopped' };
    }
    const hc = rec.service.healthCheck;
    if (!hc) return { ...base, pid: rec.pid, health: 'healthy' };
    const passes = async () => {
      const probe = await runProbe(hc, this.probeContext(rec.service));
      return probe.ok && probe.durationMs <= hc.timeout;
    };
    // One failed probe is not "unhealthy" (ECS needs `retries` in a row); a second look costs little here.
    const ok = (await passes()) || (await passes());
    const health = ok
      ? 'healthy'
      : this.clock.now() - rec.startedAt < hc.startPeriod
        ? 'starting'
        : 'unhealthy';
    return { ...base, pid: rec.pid, health };
  }

  async logs(name: string, lines: number, opts: { currentRun?: boolean } = {}): Promise<string[]> {
    const tail = this.state.tail(name, lines);
    if (!opts.currentRun) return tail;
    // Each start writes a "--- convoy: NAME revision R started …" header; a failure report wants only the newest run.
    const header = tail.findLastIndex((l) => l.startsWith(`--- convoy: ${name} revision `));
    return header >= 0 ? tail.slice(header) : tail;
  }

  async searchLogs(
    name: string,
    opts: { sinceMs: number; literal?: string },
  ): Promise<{ at: number; line: string }[]> {
    return searchLog(this.state.tail(name, SEARCH_LINES), opts);
  }

  followLogs(name: string, opts: FollowLogsOptions): AsyncIterable<string> {
    return followFile(this.state.logPath(name), name, opts);
  }

  fieldsOf(service: Service): Fields {
    return localFields(service);
  }

  /** Drift: the service as its record says it was started, and whether that process still runs. */
  async observe(services: readonly Service[]): Promise<Observed[]> {
    return services.map((s) => {
      const rec = this.record(s.name);
      if (!rec || rec.stack !== this.opts.stack) return { name: s.name, notes: [] };
      const fields = localFields(rec.service);
      const seen = { name: s.name, revision: rec.revision, notes: [] };
      if (rec.kind !== 'service' || (rec.pid !== undefined && isRunning(rec.pid, rec.procStart)))
        return { ...seen, fields };
      const exit = this.own.get(s.name)?.exited ?? this.persistedExit(s.name);
      const how = !exit.known
        ? ''
        : exit.signal
          ? ` (killed by ${exit.signal})`
          : ` (exit code ${exit.code})`;
      const what =
        rec.pid === undefined
          ? `${s.name} never started: ${rec.startError ?? 'no process was recorded'}`
          : `process ${rec.pid} started ${new Date(rec.startedAt).toISOString()} is gone${how}`;
      return { ...seen, fields: { ...fields, process: 'gone' }, notes: [what] };
    });
  }

  private cwdOf(service: Service): string {
    return resolve(this.opts.dir, service.local?.cwd ?? '.');
  }

  private probeContext(service: Service, signal?: AbortSignal): ProbeContext {
    return {
      env: { ...this.opts.env, ...envValues(service, this.opts.env) },
      cwd: this.cwdOf(service),
      signal,
    };
  }
}

/**
 * The service's env for its process or a probe. A record read back from the state folder holds its secrets sealed
 * (spec/secrets.ts): a probe gets those it can resolve from convoy's environment now, and leaves out the rest.
 */
function envValues(service: Service, env: Env): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service.local?.env ?? {}).flatMap(([k, e]) => {
      const value = entryValue(e, env);
      return value === undefined ? [] : [[k, value]];
    }),
  );
}
