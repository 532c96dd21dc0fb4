/**
 * Exit codes are part of Convoy's public contract (README "Exit codes"); the CLI maps errors to them in one place.
 */
export const ExitCode = {
  ok: 0,
  deployFailed: 1,
  /** `convoy diff`: what runs differs from the stack file or the last good revision. */
  drift: 1,
  lockHeld: 2,
  invalidInput: 3,
  rollbackFailed: 4,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class ConvoyError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
    readonly code: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Where in a file a problem is; line and column are 1-based. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  /** Dotted path of the field, e.g. `services.api.healthCheck.interval`. */
  field?: string;
}

export class InvalidInputError extends ConvoyError {
  constructor(
    message: string,
    readonly location?: SourceLocation,
    readonly hint?: string,
  ) {
    super(
      (location
        ? `${location.file}:${location.line}:${location.column}: ${location.field ? location.field + ': ' : ''}`
        : '') +
        message +
        (hint ? ` (${hint})` : ''),
      ExitCode.invalidInput,
      'invalid-input',
    );
  }
}

export class LockHeldError extends ConvoyError {
  constructor(message: string) {
    super(message, ExitCode.lockHeld, 'lock-held');
  }
}

/** The lock was taken over by another run while this one still thought it held it. */
export class FencedOutError extends ConvoyError {
  constructor(message: string) {
    super(message, ExitCode.lockHeld, 'fenced-out');
  }
}

export class DeployFailedError extends ConvoyError {
  constructor(message: string) {
    super(message, ExitCode.deployFailed, 'deploy-failed');
  }
}

/** `convoy verify --post`: a post-deploy check failed or could not run against what is deployed now. */
export class PostCheckFailedError extends ConvoyError {
  constructor(message: string) {
    super(message, ExitCode.deployFailed, 'post-check-failed');
  }
}

/** The deployment stopped for a person to decide (a destructive change set, a missing output); rolled back. */
export class DeployRefusedError extends ConvoyError {
  constructor(message: string) {
    super(message, ExitCode.invalidInput, 'deploy-refused');
  }
}

export class RollbackFailedError extends ConvoyError {
  constructor(message: string) {
    super(message, ExitCode.rollbackFailed, 'rollback-failed');
  }
}

/** This queued deployment was replaced by a newer one of the same stack (--cancel-superseded). */
export class SupersededError extends ConvoyError {
  constructor(message: string) {
    super(message, ExitCode.lockHeld, 'superseded');
  }
}

/** The coordination store cannot be reached; deploying without it needs an explicit --no-lock. */
export class StoreUnavailableError extends ConvoyError {
  constructor(message: string, cause?: unknown) {
    super(message, ExitCode.lockHeld, 'store-unavailable');
    this.cause = cause;
  }
}

/**
 * A revision read back from the state store needs a secret whose source is gone: the store keeps where a secret comes
 * from (`${API_TOKEN}`), never its value, and Convoy never starts a service with an empty stand-in.
 */
export class SecretUnavailableError extends ConvoyError {
  constructor(
    readonly service: string,
    readonly missing: { key: string; source?: string; variable?: string }[],
  ) {
    const what = missing.map((m) =>
      m.source === undefined
        ? `${m.key} (written in the stack file, which no longer has it)`
        : `${m.key} from ${m.source}${m.variable ? ` (variable ${m.variable} is not set)` : ''}`,
    );
    const vars = [...new Set(missing.flatMap((m) => (m.variable ? [m.variable] : [])))];
    super(
      `service ${service} needs the secret ${what.join(', ')} to start its earlier revision; the state store keeps ` +
        `where a secret comes from, never its value. ${
          vars.length
            ? `Set ${vars.join(', ')} and run it again`
            : 'Restore it in the stack file and run it again'
        } (e.g. \`convoy rollback ${service}\`).`,
      ExitCode.invalidInput,
      'secret-unavailable',
    );
  }
}

/** `convoy approve`/`reject` (or the dashboard's) found no paused deployment of the stack, or its pause decided. */
export class NotPausedError extends ConvoyError {
  constructor(message: string) {
    super(message, ExitCode.invalidInput, 'not-paused');
  }
}
