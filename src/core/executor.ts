import { hostname } from 'node:os';
import { riskRank } from './risk.js';
import { judgeAction, previewOf, type Action } from './action.js';
import { validateDag, ReadySet } from './dag.js';
import { CancelledError, ReignError, StepTimeoutError, UnreachableError, messageOf } from './errors.js';
import { fanOut, type EventSink } from './events.js';
import { LABELS, type ResourceRef, type RunResult, type RunStatus, type StepResult } from './run.js';
import type { Clients, Context } from './context.js';
import type { Plan, Step, StepRef } from './plan.js';
import type { Review } from './review.js';
import type { ActionRegistry } from './registry.js';
import type { RunStore } from './run-store.js';
import { parseWith } from './validate.js';

export interface ExecuteOptions {
  runId: string;
  plan: Plan;
  review: Review;
  registry: ActionRegistry;
  clients: Clients;
  /** Steps the user confirmed; a step whose review is `confirm` runs only when listed here. */
  confirmed: ReadonlySet<string>;
  actor: string;
  store?: RunStore;
  onEvent?: EventSink;
  /** How many ready steps run at once. */
  concurrency?: number;
  defaultTimeoutMs?: number;
  /** Aborting it (Ctrl-C) stops running steps and rolls back what completed. */
  signal?: AbortSignal;
}

interface Completed {
  step: Step;
  action: Action;
  input: unknown;
  output: unknown;
}

/**
 * Runs a reviewed plan. Ready steps run concurrently up to a limit; every step is recorded before
 * it starts and after it ends. When a step fails or the run is cancelled, no new step starts, the
 * running ones settle, and every completed step's undo runs in reverse completion order. A failed
 * undo is recorded and reported, never swallowed.
 */
export async function executePlan(options: ExecuteOptions): Promise<RunResult> {
  const { plan, review, registry, store, runId } = options;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const started = Date.now();
  validateDag(plan.steps);
  const prepared = prepareSteps(options);

  const emit = fanOut(options.onEvent, store ? (e) => void pending.push(store.appendEvent(e)) : undefined);
  // Event writes are queued and awaited at each step boundary so the record keeps pace without
  // making every progress line wait for the disk.
  let pending: Promise<void>[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    await Promise.all(batch);
  };

  await store?.createRun({ id: runId, plan, review, actor: options.actor, pid: process.pid, host: hostName() });
  await store?.audit.append({ actor: options.actor, kind: 'run.started', subject: runId, data: { request: plan.request, planId: plan.id, steps: plan.steps.map((s) => s.action) } });
  emit({ type: 'run.started', runId, planId: plan.id, at: now(), steps: plan.steps.length });

  const results = new Map<string, StepResult>(plan.steps.map((s) => [s.id, { stepId: s.id, status: 'pending' }]));
  const completed: Completed[] = [];
  // Failed steps that may have changed something before failing, and so need sweeping.
  const failedSteps: { step: Step; action: Action; input: unknown }[] = [];
  const resources: ResourceRef[] = [];
  const ready = new ReadySet(plan.steps);
  const running = new Map<string, Promise<void>>();
  const runAbort = new AbortController();
  const onCancel = () => runAbort.abort(new CancelledError('cancelled by the user'));
  if (options.signal?.aborted) onCancel();
  options.signal?.addEventListener('abort', onCancel, { once: true });
  let failure: string | undefined;

  const startStep = (stepId: string) => {
    const { step, action, input } = prepared.get(stepId)!;
    const stepStart = Date.now();
    const task = (async () => {
      const command = previewOf(action, input, options.clients.images);
      await store?.stepStarted(runId, { stepId, action: action.id, title: step.title, input, command });
      results.set(stepId, { stepId, status: 'running', startedAt: now() });
      emit({ type: 'step.started', runId, stepId, at: now(), title: step.title, command });
      try {
        const output = await runWithLimits(action, input, step, options, runAbort.signal, emit);
        const created = action.creates?.(input, output) ?? [];
        const removed = action.removes?.(input, output) ?? [];
        await store?.stepFinished(runId, stepId, { status: 'succeeded', output });
        if (created.length) await store?.addResources(runId, stepId, created);
        if (removed.length) await store?.removeResources(removed);
        resources.push(...created);
        completed.push({ step, action, input, output });
        results.set(stepId, { ...results.get(stepId)!, status: 'succeeded', output, finishedAt: now() });
        emit({ type: 'step.succeeded', runId, stepId, at: now(), ms: Date.now() - stepStart, resources: created });
        ready.completed(stepId);
      } catch (error) {
        const message = messageOf(error);
        // What to do next (a config key, a flag) travels with the step's error to the user.
        const hint = error instanceof ReignError && error.hint ? { hint: error.hint } : {};
        failure ??= runAbort.signal.aborted && !(error instanceof StepTimeoutError) ? 'cancelled by the user' : `step ${stepId} failed: ${message}`;
        if (!(error instanceof UnreachableError)) failedSteps.push({ step, action, input });
        await store?.stepFinished(runId, stepId, { status: 'failed', error: message });
        results.set(stepId, { ...results.get(stepId)!, status: 'failed', error: message, ...hint, finishedAt: now() });
        emit({ type: 'step.failed', runId, stepId, at: now(), ms: Date.now() - stepStart, error: message, ...hint });
      }
      await flush();
    })();
    running.set(stepId, task.finally(() => running.delete(stepId)));
  };

  // The scheduling loop: fill free slots with ready steps, wait for one to settle, repeat.
  while (true) {
    if (!failure && !runAbort.signal.aborted) {
      for (const stepId of ready.take(concurrency - running.size)) startStep(stepId);
    }
    if (running.size === 0) break;
    await Promise.race(running.values());
  }
  options.signal?.removeEventListener('abort', onCancel);

  const cancelled = runAbort.signal.aborted;
  for (const stepId of ready.remaining()) {
    const reason = cancelled ? 'the run was cancelled' : failure ? 'an earlier step failed' : 'a dependency did not succeed';
    results.set(stepId, { stepId, status: 'skipped' });
    await store?.stepFinished(runId, stepId, { status: 'skipped', error: reason });
    emit({ type: 'step.skipped', runId, stepId, at: now(), reason });
  }

  let status: RunStatus = 'succeeded';
  const compensationErrors: { stepId: string; error: string }[] = [];
  if (failure) {
    const undoWork = [
      // Failed steps may have created something before failing: sweep by their labels first.
      ...failedSteps.map((f) => ({ stepId: f.step.id, ref: f.action.undoInterrupted?.(f.input as never, { runId, stepId: f.step.id }), created: [] as ResourceRef[], sweep: true })),
      ...[...completed].reverse().map((c) => ({ stepId: c.step.id, ref: c.action.undo?.(c.input as never, c.output as never), created: c.action.creates?.(c.input, c.output) ?? [], sweep: false })),
    ].filter((work): work is typeof work & { ref: StepRef } => work.ref !== undefined);
    if (undoWork.length) emit({ type: 'rollback.started', runId, at: now(), steps: completed.length, reason: failure });
    let undone = 0;
    for (const work of undoWork) {
      const outcome = await compensate(work.ref, { runId, stepId: work.stepId, registry, clients: options.clients, emit, store });
      // A sweep that found nothing of the run's undid nothing (a pull that failed created nothing).
      if (!outcome.error && (!work.sweep || (outcome.removed?.length ?? 1) > 0)) undone++;
      if (outcome.error) compensationErrors.push({ stepId: work.stepId, error: outcome.error });
      else if (work.created.length) await store?.removeResources(work.created);
      const result = results.get(work.stepId)!;
      if (result.status === 'succeeded') results.set(work.stepId, { ...result, status: outcome.error ? 'compensation_failed' : 'compensated' });
    }
    // `rolled_back` says something was undone; a failure that changed nothing (a pull that failed,
    // a sweep that found nothing of the run's) is plainly `failed`.
    status = compensationErrors.length ? 'rollback_failed' : cancelled ? 'cancelled' : undone > 0 ? 'rolled_back' : 'failed';
  }
  await flush();
  await store?.finishRun(runId, status, failure);
  await store?.audit.append({ actor: options.actor, kind: 'run.finished', subject: runId, data: { status, error: failure ?? null, compensationErrors } });
  emit({ type: 'run.finished', runId, at: now(), status, ms: Date.now() - started });
  await flush();

  return {
    runId,
    planId: plan.id,
    status,
    steps: plan.steps.map((s) => results.get(s.id)!),
    resources: status === 'succeeded' ? resources : [],
    compensationErrors,
    error: failure,
  };
}

/** Resolves each step's action and validates its input before anything runs. */
function prepareSteps(options: ExecuteOptions): Map<string, { step: Step; action: Action; input: unknown }> {
  const reviews = new Map(options.review.steps.map((r) => [r.stepId, r]));
  const prepared = new Map<string, { step: Step; action: Action; input: unknown }>();
  for (const step of options.plan.steps) {
    const action = options.registry.get(step.action);
    const input = parseWith(action.input, step.input, `step "${step.id}" input`);
    const review = reviews.get(step.id);
    if (!review) throw new ReignError('refused', `step "${step.id}" was not reviewed`, 'review the plan before executing it');
    // The review must still hold for the input that will run. Policy may have raised the level
    // (a protected target); only a level above what was reviewed means the step changed.
    const level = judgeAction(action, input, { judge: options.clients.judge }).level;
    if (riskRank(level) > riskRank(review.risk)) throw new ReignError('refused', `step "${step.id}" is ${level} but was reviewed as ${review.risk}`, 'plan and review again');
    if (review.decision === 'deny') throw new ReignError('refused', `step "${step.id}" is refused by policy: ${review.reasons.map((r) => r.reason).join('; ')}`);
    if (review.decision === 'confirm' && !options.confirmed.has(step.id)) {
      throw new ReignError('not_confirmed', `step "${step.id}" needs confirmation and was not confirmed`, 'confirm it at the prompt, or pass --yes');
    }
    prepared.set(step.id, { step, action, input });
  }
  return prepared;
}

async function runWithLimits(
  action: Action,
  input: unknown,
  step: Step,
  options: ExecuteOptions,
  runSignal: AbortSignal,
  emit: EventSink,
): Promise<unknown> {
  const timeoutMs = step.timeoutMs ?? options.defaultTimeoutMs ?? 10 * 60_000;
  const controller = new AbortController();
  const abortWithRun = () => controller.abort(runSignal.reason);
  if (runSignal.aborted) abortWithRun();
  runSignal.addEventListener('abort', abortWithRun, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new StepTimeoutError(step.id, timeoutMs);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
    // An action that ignores its signal must still not hold the run hostage.
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  const ctx = stepContext(options.clients, options.runId, step.id, controller.signal, emit);
  try {
    return await Promise.race([action.run(input as never, ctx), limit]);
  } finally {
    clearTimeout(timer);
    runSignal.removeEventListener('abort', abortWithRun);
  }
}

function stepContext(clients: Clients, runId: string, stepId: string, signal: AbortSignal, emit: EventSink): Context {
  return {
    ...clients,
    runId,
    stepId,
    signal,
    labels: { [LABELS.managed]: 'true', [LABELS.run]: runId, [LABELS.step]: stepId },
    emit: (stream, text) => emit({ type: 'step.output', runId, stepId, at: now(), stream, text }),
  };
}

/** Runs one compensation and records it; returns its error instead of throwing. */
export async function compensate(
  ref: StepRef,
  at: { runId: string; stepId: string; registry: ActionRegistry; clients: Clients; emit: EventSink; store?: RunStore },
): Promise<{ error?: string; removed?: ResourceRef[] }> {
  let command = ref.action;
  try {
    const action = at.registry.get(ref.action);
    const input = parseWith(action.input, ref.input, `undo of step "${at.stepId}"`);
    command = previewOf(action, input);
    const controller = new AbortController();
    const output = await action.run(input as never, stepContext(at.clients, at.runId, at.stepId, controller.signal, at.emit));
    await at.store?.stepCompensated(at.runId, at.stepId, { ...ref, command, status: 'compensated' });
    at.emit({ type: 'step.compensated', runId: at.runId, stepId: at.stepId, at: now(), command });
    return { removed: action.removes?.(input as never, output as never) };
  } catch (error) {
    const message = messageOf(error);
    await at.store?.stepCompensated(at.runId, at.stepId, { ...ref, command, status: 'compensation_failed', error: message });
    at.emit({ type: 'step.compensation_failed', runId: at.runId, stepId: at.stepId, at: now(), command, error: message });
    return { error: message };
  }
}

function now(): string {
  return new Date().toISOString();
}

function hostName(): string {
  return hostname();
}

