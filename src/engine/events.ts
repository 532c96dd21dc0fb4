import type { Gate, Verdict } from '../targets/target.js';

/**
 * The engine's one output port. Every event has a stable `code` (documented in README "Events"); the TTY view, CI
 * lines, --json, history and (later) the dashboard and notifications are subscribers. Events never carry secret
 * values: the engine redacts before emitting.
 */
interface Base {
  /** ISO 8601. */
  at: string;
  stack: string;
  deploymentId?: string;
}

export type ServiceChange = {
  service: string;
  from?: string;
  to: string;
  changed: boolean;
  reasons: string[];
};

/** A diagnosis finding as events carry it (README "Diagnose and verify"). */
export type EventFinding = {
  category: string;
  cause: string;
  fix: string;
  evidence: string[];
  confidence: number;
};

export type ConvoyEvent = Base &
  (
    | {
        code: 'lock.waiting';
        /** Current holder; absent when the lock is free but others are ahead in the queue. */
        holder?: string;
        correlationId?: string;
        since?: string;
        /** 1 = next in line. */
        position: number;
        queueLength: number;
        /** When our turn will likely come: the holder's expected remainder plus those ahead, from history. */
        estimatedStartAt: string;
      }
    | { code: 'lock.queued'; ticket: number; position: number }
    | { code: 'lock.superseded'; replaced: string[] }
    | { code: 'lock.acquired'; token: number; tookOverExpired?: { holder: string; correlationId: string } }
    | { code: 'lock.lost'; token: number }
    | { code: 'lock.released'; token: number }
    | {
        code: 'deploy.interrupted-found';
        previous: string;
        previousCorrelationId: string;
        action: 'resume' | 'rollback';
      }
    | {
        code: 'deploy.started';
        kind: 'deploy' | 'rollback';
        correlationId: string;
        actor: string;
        waves: string[][];
        changes: ServiceChange[];
      }
    | { code: 'service.unchanged'; service: string; revision: string }
    | { code: 'service.starting'; service: string; revision: string; from?: string; gate: Gate; wave: number }
    | { code: 'service.ready'; service: string; revision: string; gate: Gate; elapsedMs: number }
    | {
        code: 'service.failed';
        service: string;
        revision: string;
        elapsedMs: number;
        reason: Extract<Verdict, { ok: false }>['reason'];
        message: string;
        check?: string;
        output?: string;
        exitCode?: number | null;
        logs: string[];
        /** Likely causes from `convoy diagnose`, best first (at most 3). */
        findings?: EventFinding[];
      }
    | { code: 'service.progress'; service: string; message: string; warning?: boolean }
    | { code: 'service.skipped'; service: string; why: string }
    | { code: 'rollback.started'; services: string[]; scope: string }
    | { code: 'service.rolling-back'; service: string; from: string; to?: string }
    | { code: 'service.rolled-back'; service: string; to?: string; elapsedMs: number }
    | { code: 'service.rollback-failed'; service: string; to?: string; message: string }
    | { code: 'deploy.succeeded'; elapsedMs: number; changed: number; unchanged: number }
    | { code: 'deploy.failed'; elapsedMs: number; service: string; message: string; rolledBack: string[] }
    | { code: 'deploy.rollback-failed'; elapsedMs: number; services: string[]; message: string }
  );

export type EventCode = ConvoyEvent['code'];

/** Distributes an event to its subscriber without letting a union member lose its fields. */
export type Emit = (e: DistributiveOmit<ConvoyEvent, 'at' | 'stack' | 'deploymentId'>) => void;
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type Subscriber = (e: ConvoyEvent) => void;
