import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import type { HealthCheckSpec } from '../../spec/schema.js';
import { formatDuration } from '../health.js';

/** One health probe run on this machine, the way Docker/ECS would run it inside the container. */

export interface ProbeContext {
  /**
   * The environment command checks run with: the one convoy was given (its caller's, passed down) with the
   * service's env values on top. Without it a check gets the service's values alone.
   */
  env?: Readonly<Record<string, string | undefined>>;
  /** Working folder for command checks. */
  cwd?: string;
  /** Cancels the probe early (e.g. the process exited); the probe then reports a failure. */
  signal?: AbortSignal;
}

export interface ProbeOutcome {
  ok: boolean;
  output: string;
  durationMs: number;
}

const HTTP_BODY_CHARS = 200;
const COMMAND_OUTPUT_BYTES = 1024;

export function describeCheck(hc: HealthCheckSpec): string {
  if (hc.http) return `http GET ${hc.http.url}`;
  if (hc.tcp) return `tcp ${hc.tcp.host}:${hc.tcp.port}`;
  if (hc.command) {
    const [kind, ...rest] = hc.command;
    return kind === 'CMD-SHELL' ? `CMD-SHELL ${rest[0] ?? ''}` : `CMD ${rest.map(quoteArg).join(' ')}`;
  }
  return 'no check';
}

export async function runProbe(hc: HealthCheckSpec, ctx: ProbeContext = {}): Promise<ProbeOutcome> {
  const t0 = performance.now();
  const timeout = Math.max(1, hc.timeout);
  let r: { ok: boolean; output: string };
  if (hc.http) r = await probeHttp(hc.http.url, hc.http.expectStatus, timeout, ctx.signal);
  else if (hc.tcp) r = await probeTcp(hc.tcp.host, hc.tcp.port, timeout, ctx.signal);
  else if (hc.command) r = await probeCommand(hc.command, timeout, ctx);
  else r = { ok: false, output: 'health check has no command, http or tcp' };
  return { ...r, durationMs: Math.round(performance.now() - t0) };
}

async function probeHttp(url: string, expect: number[] | undefined, timeout: number, outer?: AbortSignal) {
  const signal = outer
    ? AbortSignal.any([AbortSignal.timeout(timeout), outer])
    : AbortSignal.timeout(timeout);
  try {
    // Redirects are a verdict (3xx counts as healthy, like `curl -f`), not something to follow.
    const res = await fetch(url, { signal, redirect: 'manual' });
    const body = await readStart(res, signal);
    const ok = expect ? expect.includes(res.status) : res.status >= 200 && res.status <= 399;
    return { ok, output: `HTTP ${res.status}${body ? `: ${body}` : ''}` };
  } catch (err) {
    if (signal.aborted && !outer?.aborted)
      return { ok: false, output: `timed out after ${formatDuration(timeout)}` };
    return { ok: false, output: errorText(err) };
  }
}

/** Reads only the first characters so a streaming or huge body cannot stall the probe. */
async function readStart(res: Response, signal: AbortSignal): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < HTTP_BODY_CHARS && !signal.aborted) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // A body cut short still leaves a status worth reporting.
  } finally {
    reader.cancel().catch(() => {});
  }
  return text.slice(0, HTTP_BODY_CHARS).trim();
}

function probeTcp(host: string, port: number, timeout: number, outer?: AbortSignal) {
  return new Promise<{ ok: boolean; output: string }>((resolve) => {
    const socket = connect({ host, port });
    const finish = (ok: boolean, output: string) => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve({ ok, output });
    };
    const onAbort = () => finish(false, 'probe cancelled');
    const timer = setTimeout(
      () => finish(false, `connect to ${host}:${port} timed out after ${formatDuration(timeout)}`),
      timeout,
    );
    outer?.addEventListener('abort', onAbort, { once: true });
    if (outer?.aborted) onAbort();
    socket.once('connect', () => finish(true, `connected to ${host}:${port}`));
    socket.once('error', (err) => finish(false, errorText(err)));
  });
}

function probeCommand(command: string[], timeout: number, ctx: ProbeContext) {
  const [kind, ...rest] = command;
  const [file, args] =
    kind === 'CMD-SHELL' ? ['/bin/sh', ['-c', rest[0] ?? '']] : [rest[0] ?? '', rest.slice(1)];
  return new Promise<{ ok: boolean; output: string }>((resolve) => {
    let tail = Buffer.alloc(0);
    const keep = (chunk: Buffer) => {
      tail = Buffer.concat([tail, chunk]);
      if (tail.length > COMMAND_OUTPUT_BYTES) tail = tail.subarray(tail.length - COMMAND_OUTPUT_BYTES);
    };
    // Own process group, so a timeout kills the shell and everything it started, not just the shell.
    const child = spawn(file, args, {
      cwd: ctx.cwd,
      env: { ...ctx.env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let settled = false;
    const killGroup = () => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    const finish = (ok: boolean, head: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ctx.signal?.removeEventListener('abort', onAbort);
      killGroup();
      const text = tail.toString('utf8').trim();
      resolve({ ok, output: text ? `${head}: ${text}` : head });
    };
    const onAbort = () => finish(false, 'probe cancelled');
    const timer = setTimeout(() => finish(false, `timed out after ${formatDuration(timeout)}`), timeout);
    ctx.signal?.addEventListener('abort', onAbort, { once: true });
    if (ctx.signal?.aborted) onAbort();
    child.once('error', (err) => finish(false, errorText(err)));
    child.once('exit', (code, sig) => {
      // Let the pipes drain, but do not wait for background processes that keep them open.
      const head = code !== null ? `exit ${code}` : `killed by ${sig}`;
      const done = () => finish(code === 0, head);
      const grace = setTimeout(done, 50);
      child.once('close', () => {
        clearTimeout(grace);
        done();
      });
    });
  });
}

/** fetch wraps the interesting error (`connect ECONNREFUSED 127.0.0.1:8080`) in `cause`. */
function errorText(err: unknown): string {
  let e: unknown = err;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  if (e instanceof AggregateError && e.errors[0] instanceof Error) e = e.errors[0];
  return e instanceof Error ? e.message : String(e);
}

function quoteArg(a: string): string {
  return /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}
