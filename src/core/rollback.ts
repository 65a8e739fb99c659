import type { RunDetail, RunStore } from './run-store.js';
import type { Clients } from './context.js';
import type { EventSink } from './events.js';
import { compensate } from './executor.js';
import { previewOf } from './action.js';
import type { StepRef } from './plan.js';
import type { ActionRegistry } from './registry.js';
import { parseWith } from './validate.js';

export interface RollbackStep {
  stepId: string;
  ref: StepRef;
  command: string;
  /** Why this compensation: the step completed, or it was interrupted or failed mid-way. */
  because: 'completed' | 'interrupted' | 'failed';
}

/**
 * What undoing a recorded run takes: steps that never recorded their end (the process died)
 * are swept by their labels first, then completed steps are undone in reverse completion order.
 * Steps already compensated are left alone, so a rollback can be retried.
 */
export function planRollback(run: RunDetail, registry: ActionRegistry): RollbackStep[] {
  const open = run.steps_.filter((s) => !s.compensation || s.compensation.status === 'compensation_failed');
  const unfinished = open.filter((s) => s.status === 'running' || s.status === 'interrupted' || s.status === 'failed');
  const completed = open
    .filter((s) => s.status === 'succeeded')
    .sort((a, b) => (b.finishedAt ?? '').localeCompare(a.finishedAt ?? ''));
  const work: RollbackStep[] = [];
  for (const step of unfinished) {
    const action = registry.get(step.action);
    const input = parseWith(action.input, step.input, `recorded step "${step.stepId}" input`);
    const ref = action.undoInterrupted?.(input, { runId: run.id, stepId: step.stepId });
    if (ref) work.push({ stepId: step.stepId, ref, command: commandOf(ref, registry), because: step.status === 'failed' ? 'failed' : 'interrupted' });
  }
  for (const step of completed) {
    const action = registry.get(step.action);
    const input = parseWith(action.input, step.input, `recorded step "${step.stepId}" input`);
    const ref = action.undo?.(input, step.output as never);
    if (ref) work.push({ stepId: step.stepId, ref, command: commandOf(ref, registry), because: 'completed' });
  }
  return work;
}

/**
 * Secrets are redacted before anything is stored, so an undo recorded with a secret in it (a
 * file's previous content, a container's environment) cannot be replayed faithfully from the
 * store. Such an undo fails with this message rather than writing placeholders back.
 */
const REDACTED_MARK = '[REDACTED:';

function unrestorable(item: RollbackStep): string | undefined {
  return JSON.stringify(item.ref.input ?? null).includes(REDACTED_MARK)
    ? `the undo of ${item.stepId} needs a secret that was never stored (only redacted); restore it by hand: ${item.command}`
    : undefined;
}

export async function executeRollback(
  run: RunDetail,
  work: RollbackStep[],
  deps: { registry: ActionRegistry; clients: Clients; store: RunStore; actor: string; onEvent?: EventSink },
): Promise<{ status: 'rolled_back' | 'rollback_failed'; errors: { stepId: string; error: string }[] }> {
  const emit: EventSink = (event) => {
    deps.onEvent?.(event);
    void deps.store.appendEvent(event);
  };
  emit({ type: 'rollback.started', runId: run.id, at: new Date().toISOString(), steps: work.length, reason: 'reign rollback' });
  await deps.store.audit.append({ actor: deps.actor, kind: 'rollback.started', subject: run.id, data: { steps: work.map((w) => w.command) } });
  const errors: { stepId: string; error: string }[] = [];
  for (const item of work) {
    const secretMissing = unrestorable(item);
    if (secretMissing) {
      errors.push({ stepId: item.stepId, error: secretMissing });
      await deps.store.stepCompensated(run.id, item.stepId, { ...item.ref, command: item.command, status: 'compensation_failed', error: secretMissing });
      emit({ type: 'step.compensation_failed', runId: run.id, stepId: item.stepId, at: new Date().toISOString(), command: item.command, error: secretMissing });
      continue;
    }
    const outcome = await compensate(item.ref, { runId: run.id, stepId: item.stepId, registry: deps.registry, clients: deps.clients, emit, store: deps.store });
    if (outcome.error) errors.push({ stepId: item.stepId, error: outcome.error });
  }
  const undone = new Set(work.map((w) => w.stepId).filter((id) => !errors.some((e) => e.stepId === id)));
  const resources = await deps.store.listResources({ runId: run.id });
  await deps.store.removeResources(resources.filter((r) => undone.has(r.stepId)));
  const status = errors.length ? 'rollback_failed' : 'rolled_back';
  await deps.store.finishRun(run.id, status, errors.length ? errors.map((e) => `${e.stepId}: ${e.error}`).join('; ') : (run.error ?? undefined));
  await deps.store.audit.append({ actor: deps.actor, kind: 'rollback.finished', subject: run.id, data: { status, errors } });
  return { status, errors };
}

function commandOf(ref: StepRef, registry: ActionRegistry): string {
  const action = registry.get(ref.action);
  return previewOf(action, parseWith(action.input, ref.input, `undo of ${ref.action}`) as never);
}
