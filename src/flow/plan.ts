import type { Brain } from '../core/brain.js';
import { previewWithImages } from '../core/action.js';
import type { Judge, PlanningContext } from '../core/context.js';
import { validateDag } from '../core/dag.js';
import type { Interpretation } from '../core/interpretation.js';
import type { Plan } from '../core/plan.js';
import type { ActionRegistry } from '../core/registry.js';
import { checkRequest, checkStatedUsed } from '../core/request-values.js';
import type { Inventory, Review } from '../core/review.js';
import { parseWith } from '../core/validate.js';
import type { Config } from '../config/schema.js';
import { reviewPlan } from '../safety/policy/review.js';

export interface PipelineDeps {
  /** What planning may read and run: the brain reads files through it, `prepare` previews through it. */
  planning: PlanningContext;
  signal?: AbortSignal;
  onProgress?(text: string): void;
  brain: Brain;
  registry: ActionRegistry;
  judge: Judge;
  policy: Config['policy'];
  actor: Review['actor'];
  inventory?: Inventory;
  cwd: string;
  outputDir: string;
}

/**
 * Plan and review a request that the understanding stage has read. Nothing here changes the world:
 * the brain and every `prepare` get the read-only planning context. Every step's input is
 * validated before planning finishes, and the plan carries each step's equivalent command and risk.
 */
export async function planAndReview(request: string, interpretations: Interpretation[], deps: PipelineDeps): Promise<{ plan: Plan; review: Review }> {
  checkRequest(request, interpretations);
  const { plan } = await deps.brain.plan(request, { interpretations, cwd: deps.cwd, outputDir: deps.outputDir, files: deps.planning.files });
  checkStatedUsed(plan);
  return reviewPlanned(await prepareEffects(plan, deps), deps);
}

/** Runs each step's `prepare`, so the review sees what the step will really do. */
export async function prepareEffects(plan: Plan, deps: Pick<PipelineDeps, 'registry' | 'planning' | 'signal' | 'onProgress'>): Promise<Plan> {
  const steps = [];
  for (const step of plan.steps) {
    const action = deps.registry.get(step.action);
    if (!action.prepare) {
      steps.push(step);
      continue;
    }
    const input = parseWith(action.input, step.input, `step "${step.id}" input`);
    const prepared = await action.prepare(input, {
      ...deps.planning,
      signal: deps.signal ?? new AbortController().signal,
      emit: (text) => deps.onProgress?.(`${step.id}: ${text}`),
    });
    steps.push({ ...step, input: prepared });
  }
  return { ...plan, steps };
}

/** Validates a plan (made now or loaded from a file) and reviews it under the current policy. */
export function reviewPlanned(plan: Plan, deps: Pick<PipelineDeps, 'registry' | 'judge' | 'policy' | 'actor' | 'inventory'> & { planning?: Pick<PlanningContext, 'images'> }): { plan: Plan; review: Review } {
  validateDag(plan.steps);
  const steps = plan.steps.map((step) => {
    const action = deps.registry.get(step.action);
    return { ...step, input: parseWith(action.input, step.input, `step "${step.id}" input`) };
  });
  const validated: Plan = { ...plan, steps };
  const images = deps.planning?.images;
  const review = reviewPlan({ plan: validated, registry: deps.registry, policy: deps.policy, actor: deps.actor, judge: deps.judge, inventory: deps.inventory, images });
  const previews = Object.fromEntries(
    steps.map((step) => {
      const action = deps.registry.get(step.action);
      const risk = review.steps.find((r) => r.stepId === step.id)!.risk;
      const preview = previewWithImages(action, step.input as never, images);
      return [step.id, { command: preview.command, risk, ...(preview.images.length ? { images: preview.images } : {}) }];
    }),
  );
  return { plan: { ...validated, previews }, review };
}
