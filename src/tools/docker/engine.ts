import { setTimeout as delay } from 'node:timers/promises';
import type { Context } from '../../core/context.js';
import { CancelledError, ReignError, messageOf } from '../../core/errors.js';
import { LABELS } from '../../core/run.js';

/**
 * What every Docker action shares: Reign's labels, the engine's errors in words a person can act
 * on, and cancellation.
 */

/** Labels for anything a step creates. Reign's own keys come last so a request cannot forge them. */
export function reignLabels(ctx: Context, requested: Record<string, string> = {}): Record<string, string> {
  return {
    ...requested,
    ...ctx.labels,
    [LABELS.managed]: 'true',
    [LABELS.run]: ctx.runId,
    [LABELS.step]: ctx.stepId,
  };
}

/** The `label=k=v` filters that find what one step (or a whole run) created. */
export function reignFilters(at: { runId: string; stepId?: string | undefined }): string[] {
  const filters = [`${LABELS.managed}=true`, `${LABELS.run}=${at.runId}`];
  if (at.stepId) filters.push(`${LABELS.step}=${at.stepId}`);
  return filters;
}

/** What dockerode puts on a failed call: the HTTP status and the engine's JSON body. */
interface EngineError {
  statusCode?: number;
  json?: { message?: string } | null;
}

export function isNotFound(error: unknown): boolean {
  return (error as EngineError | undefined)?.statusCode === 404;
}

/** The engine's own message ("No such container: cache"), without dockerode's HTTP prefix. */
function engineMessage(error: unknown): string {
  const json = (error as EngineError | undefined)?.json;
  return json?.message?.trim() || messageOf(error);
}

/** Wraps an engine failure as `<what we were doing>: <engine message>`; cancellation stays cancellation. */
export function engineFailure(doing: string, error: unknown, hint?: string): ReignError {
  if (error instanceof ReignError) return error;
  if (isAbort(error)) return new CancelledError(`${doing}: cancelled`);
  const code = isNotFound(error) ? 'not_found' : 'failure';
  return new ReignError(code, `${doing}: ${engineMessage(error)}`, hint, { cause: error });
}

/** Runs an engine call, turning its failure into an error that says what was being done. */
export async function engine<T>(doing: string, call: () => Promise<T>, hint?: string): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw engineFailure(doing, error, hint);
  }
}

/** The result of an inspect, or `undefined` when the object does not exist. */
export async function inspectOrUndefined<T>(doing: string, inspect: () => Promise<T>): Promise<T | undefined> {
  try {
    return await inspect();
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw engineFailure(doing, error);
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || (error as { code?: string }).code === 'ABORT_ERR');
}

export function throwIfCancelled(signal: AbortSignal, what: string): void {
  if (signal.aborted) throw new CancelledError(`${what}: cancelled`);
}

/** Waits, but returns at once with a cancellation when the signal aborts. */
export async function sleep(ms: number, signal: AbortSignal, what: string): Promise<void> {
  try {
    await delay(ms, undefined, { signal });
  } catch (error) {
    if (isAbort(error)) throw new CancelledError(`${what}: cancelled`);
    throw error;
  }
}
