/**
 * Errors a person can act on. `code` is stable for scripts and maps to an exit code;
 * `hint` says what to do next. Stack traces are shown only with --debug.
 */
export type ErrorCode =
  | 'usage' // bad arguments, bad input, invalid config
  | 'failure' // a step or command failed
  | 'refused' // refused by policy
  | 'not_confirmed' // the user declined
  | 'rolled_back' // a run failed and what it did was undone
  | 'not_found'
  | 'cancelled';

export class ReignError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options);
    this.name = 'ReignError';
    this.details = options?.details;
  }

  /** Data a script can act on (`--json` shows it beside the message): the words left unused, … */
  readonly details?: Record<string, unknown>;
}

export class UsageError extends ReignError {
  constructor(message: string, hint?: string, details?: Record<string, unknown>) {
    super('usage', message, hint, { details });
  }
}

export class StepTimeoutError extends ReignError {
  constructor(stepId: string, ms: number) {
    super('failure', `step ${stepId} timed out after ${ms} ms`, 'raise the step timeout with --step-timeout');
  }
}

/**
 * A client could not reach the service it drives (an engine that is not running, a socket that is
 * missing): the call never arrived, so the step changed nothing and there is nothing to undo.
 */
export class UnreachableError extends ReignError {
  constructor(message: string, hint?: string, options?: { cause?: unknown }) {
    super('failure', message, hint, options);
  }
}

export class CancelledError extends ReignError {
  constructor(message = 'cancelled') {
    super('cancelled', message);
  }
}

/** The message of anything thrown, without a stack. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
