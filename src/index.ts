/**
 * Convoy as a library: the operations of the `convoy` CLI, which is one client of these. Open a stack, then plan,
 * deploy, roll back, take down, read status and history, follow its events, diagnose and verify. Nothing here reads
 * process.env: pass the environment in (`openStack(file, { env: process.env })`).
 */
export { openStack, withStack, type OpenOptions, type Opened } from './api/open.js';
export type { Env } from './api/env.js';
export { plan } from './api/plan.js';
export {
  DiagnoseOutput,
  OUTPUT_SCHEMA_VERSION,
  OUTPUT_SCHEMAS,
  PlanOutput,
  StatusOutput,
  VerifyOutput,
  outputJsonSchema,
  planJson,
} from './api/output-schemas.js';
export { deploy, type DeployOptions } from './api/deploy.js';
export { rollback, planRollback, type RollbackOptions, type RollbackChange } from './api/rollback.js';
export { restart, restartTargets, type RestartOptions } from './api/restart.js';
export { scale, type ScaleOptions } from './api/scale.js';
export { down, type DownOptions } from './api/down.js';
export { decidePause } from './api/pause.js';
export { status, type ServiceStatus } from './api/status.js';
export { diff, type DriftReport } from './api/diff.js';
export { followLogs, type FollowLogsRequest } from './api/logs.js';
export { history, revisionsOf, type HistoryEntry, type RevisionEntry } from './api/history.js';
export { accuracy, type Accuracy, type AccuracyRow } from './api/accuracy.js';
export { follow } from './api/events.js';
export { diagnoseService, readCapture, type LiveDiagnosis } from './api/diagnose.js';
export { preflight } from './api/preflight.js';
export { verifyFile, verifyStack, type CheckResult } from './verify/index.js';
export { verifyPost, postCheckError } from './api/verify-post.js';
export type { PostCheckResult } from './core/check-result.js';
export { diagnose, type Finding } from './diagnose/index.js';
export { loadStack } from './spec/load.js';
export type { Stack, Service, PostCheck } from './spec/types.js';
export type { Plan } from './plan/plan.js';
export type { RunOutcome } from './engine/deploy.js';
export type { DownOutcome } from './engine/down.js';
export {
  ConvoyEventSchema,
  EVENT_SCHEMA_VERSION,
  type ConvoyEvent,
  type EventCode,
  type Subscriber,
} from './engine/events.js';
export type { FollowOptions } from './engine/follow.js';
export type { Clock } from './core/clock.js';
export type { Store, DeploymentRecord, HistoryFilter, StoredPauseDecision } from './store/store.js';
export type { Target, Health, ChangePreview } from './targets/target.js';
export { MissingOutputError } from './plan/outputs.js';
export {
  ConvoyError,
  DeployFailedError,
  DeployRefusedError,
  ExitCode,
  FencedOutError,
  InvalidInputError,
  LockHeldError,
  NotPausedError,
  PostCheckFailedError,
  RollbackFailedError,
  SecretUnavailableError,
  StoreUnavailableError,
  SupersededError,
} from './errors.js';
