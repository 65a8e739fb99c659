import { resolve } from 'node:path';
import type { Approver } from '../core/approval.js';
import type { Brain } from '../core/brain.js';
import type { Clients, Judge, PlanningContext } from '../core/context.js';
import { inventoryOf, type AnyToolDomain } from '../core/domain.js';
import { ReignError, UsageError } from '../core/errors.js';
import type { EventSink } from '../core/events.js';
import { executePlan } from '../core/executor.js';
import { newId } from '../core/ids.js';
import { recordedInterpretation, type Interpretation } from '../core/interpretation.js';
import { Plan } from '../core/plan.js';
import type { Recipe } from '../core/recipe.js';
import type { ActionRegistry } from '../core/registry.js';
import type { Review } from '../core/review.js';
import type { RunResult } from '../core/run.js';
import { parseWith } from '../core/validate.js';
import { createRulesBrain } from '../brains/rules/index.js';
import type { Config, Role } from '../config/schema.js';
import type { SecretScanner } from '../safety/secrets/index.js';
import type { Store } from '../store/store.js';
import { ASK_BELOW, type SessionDefaults } from '../understand/index.js';
import { stopOnSignals } from './interrupt.js';
import { planAndReview, reviewPlanned, type PipelineDeps } from './plan.js';
import { understandInSession, type Clarifier, type SessionOptions, type Understanding } from './session.js';

/**
 * What the request flow needs, built once by the composition root. Every surface (the CLI, the
 * HTTP API, MCP) calls the flow with these and its own approver, clarifier and event sink.
 */
export interface FlowDeps {
  cwd: string;
  config: Pick<Config, 'policy' | 'execution'>;
  actor: { name: string; role: Role };
  domains: readonly AnyToolDomain[];
  registry: ActionRegistry;
  recipes: readonly Recipe[];
  secrets: SecretScanner;
  store(): Promise<Store>;
  judge(): Promise<Judge>;
  clients(): Promise<Clients>;
  planning(): Promise<PlanningContext>;
}

export interface PlanOptions extends SessionOptions {
  /** Narrows the plan before review (e.g. `reign generate` keeps only file writes). */
  transformPlan?: (plan: Plan) => Plan;
  /** Said when the (transformed) plan has no steps. */
  emptyMessage?: string;
  /** Where generated files go, relative to the working directory. */
  dir?: string;
  /** Asks a clarifying question; without it a vague request ends `unclear`. */
  ask?: Clarifier;
  onNoted?(defaults: SessionDefaults): void;
  onProgress?(text: string): void;
}

export type PlanOutcome =
  | Exclude<Understanding, { kind: 'understood' }>
  /** `unsure`: the reading is below the confidence Reign acts on and the plan changes something: confirm the reading first. */
  | { kind: 'planned'; interpretations: Interpretation[]; plan: Plan; review: Review; unsure: boolean }
  /** Understood, but the plan has no steps: the brain's message says why. */
  | { kind: 'empty'; interpretations: Interpretation[]; plan: Plan; review: Review; message: string };

/** Understand (with the conversation's memory), plan and review a request. Nothing is changed. */
export async function planRequest(deps: FlowDeps, text: string, opts: PlanOptions = {}): Promise<PlanOutcome> {
  if (!text.trim()) throw new UsageError('no request given', 'try: reign "list running containers"');
  const store = await deps.store();
  const understood = await understandInSession(store, text, opts);
  if (understood.kind === 'stated') return understood;
  if (understood.kind === 'unclear') return { ...understood, interpretations: understood.interpretations.map(recordedInterpretation) };
  const interpretations = understood.interpretations.map(recordedInterpretation);
  // A password the request states is a secret from here on: in the store, the audit log and output.
  deps.secrets.addSecrets(interpretations.flatMap((i) => i.stated.filter((s) => s.kind === 'secret').map((s) => s.value)));
  const pipeline = await pipelineDeps(deps, opts);
  const { plan, review } = await planAndReview(text, understood.interpretations, { ...pipeline, brain: narrowed(pipeline.brain, opts.transformPlan) });
  if (plan.steps.length === 0) return { kind: 'empty', interpretations, plan, review, message: plan.message ?? opts.emptyMessage ?? 'nothing to do' };
  await understood.remember();
  // Reads may go ahead on any reading; a change waits for the reading to be confirmed.
  const unsure = interpretations.some((i) => i.confidence < ASK_BELOW) && review.steps.some((s) => s.risk !== 'read');
  return { kind: 'planned', interpretations, plan, review, unsure };
}

/** The brain that plans: the embedded rules brain over every domain's recipes. */
export function chooseBrain(deps: Pick<FlowDeps, 'registry' | 'recipes'>): Brain {
  return createRulesBrain(deps.registry, deps.recipes);
}

/** Everything planning and review use, for this request. */
export async function pipelineDeps(deps: FlowDeps, opts: Pick<PlanOptions, 'dir' | 'onProgress'> = {}): Promise<PipelineDeps> {
  const store = await deps.store();
  return {
    planning: await deps.planning(),
    onProgress: opts.onProgress,
    brain: chooseBrain(deps),
    registry: deps.registry,
    judge: await deps.judge(),
    policy: deps.config.policy,
    actor: deps.actor,
    // Reign can only vouch for kinds it records; anything else is left to the action's own risk.
    inventory: inventoryOf(deps.domains, await store.listResources()),
    cwd: deps.cwd,
    outputDir: resolve(deps.cwd, opts.dir ?? '.'),
  };
}

function narrowed(brain: Brain, transform?: (plan: Plan) => Plan): Brain {
  if (!transform) return brain;
  return { name: brain.name, plan: async (request, context) => ({ plan: transform((await brain.plan(request, context)).plan) }) };
}

/** A saved plan (`reign plan --out`), validated and reviewed again under today's policy. */
export async function reviewSavedPlan(deps: FlowDeps, raw: unknown, source: string): Promise<{ plan: Plan; review: Review }> {
  const saved = parseWith(Plan, raw, source);
  const withoutSecret = saved.steps.filter((step) => JSON.stringify(step.input).includes('[REDACTED:'));
  if (withoutSecret.length) {
    throw new UsageError(`${source}: step(s) ${withoutSecret.map((s) => s.id).join(', ')} need a secret that saved plans do not keep`, 'run the request itself instead: reign "<request>"');
  }
  return reviewPlanned(saved, await pipelineDeps(deps));
}

export interface RunOptions {
  approver: Approver;
  onEvent?: EventSink;
  /** Aborting it stops the run and rolls back what completed. */
  signal?: AbortSignal;
  /** Stop on SIGINT/SIGTERM as on `signal`; a second signal exits with `exitCode`. */
  processSignals?: { onStopping(signal: NodeJS.Signals): void; exitCode: number };
  concurrency?: number;
  stepTimeoutSeconds?: number;
}

/**
 * Run a reviewed plan: a denied plan is recorded and refused; steps that need confirming go to the
 * surface's approver, and its answer is recorded; then the executor runs, records and rolls back.
 */
export async function runReviewed(deps: FlowDeps, plan: Plan, review: Review, opts: RunOptions): Promise<RunResult> {
  const store = await deps.store();
  if (review.decision === 'deny') {
    const denied = review.steps.filter((s) => s.decision === 'deny').map((s) => s.stepId);
    await store.audit.append({ actor: deps.actor.name, kind: 'plan.refused', subject: plan.id, data: { request: plan.request, steps: denied } });
    throw new ReignError('refused', `refused by policy: ${denied.join(', ')}`, 'see the reasons above; an admin can allow it in reign.yaml');
  }
  const confirmed = await approve(deps, store, plan, review, opts.approver);
  const stop = opts.processSignals ? stopOnSignals(opts.processSignals.onStopping, opts.processSignals.exitCode) : undefined;
  const signal = stop && opts.signal ? AbortSignal.any([stop.signal, opts.signal]) : (stop?.signal ?? opts.signal);
  try {
    return await executePlan({
      runId: newId('r'),
      plan,
      review,
      registry: deps.registry,
      clients: await deps.clients(),
      confirmed,
      actor: deps.actor.name,
      store,
      onEvent: opts.onEvent,
      concurrency: opts.concurrency ?? deps.config.execution.concurrency,
      defaultTimeoutMs: (opts.stepTimeoutSeconds ?? deps.config.execution.stepTimeoutSeconds) * 1000,
      signal,
    });
  } finally {
    stop?.dispose();
  }
}

async function approve(deps: FlowDeps, store: Store, plan: Plan, review: Review, approver: Approver): Promise<Set<string>> {
  const asking = review.steps.filter((s) => s.decision === 'confirm');
  if (asking.length === 0) return new Set();
  const protectedTarget = asking.find((s) => s.protectedTarget)?.protectedTarget;
  const { approved, how } = await approver.approve({ plan, review, asking, ...(protectedTarget ? { protectedTarget } : {}) });
  await store.audit.append({ actor: deps.actor.name, kind: 'plan.confirmed', subject: plan.id, data: { steps: approved, how } });
  return new Set(approved);
}
