import type { Brain } from '../brains/brain.js';
import { reviewPlan, type Inventory } from '../safety/policy/review.js';
import type { Config } from '../config/schema.js';
import { previewWithImages } from './action.js';
import type { Clients, Judge } from './context.js';
import { validateDag } from './dag.js';
import type { Interpretation } from './interpretation.js';
import type { Plan } from './plan.js';
import type { ActionRegistry } from './registry.js';
import type { Review } from './review.js';
import { parseWith } from './validate.js';
import { checkRequest, checkStatedUsed } from './request-values.js';

export interface PipelineDeps {
  /** For actions that find out their effect while planning (`prepare`). */
  clients?: Clients;
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
 * Plan and review a request that the understanding stage has read. Pure apart from what the
 * brain reads: nothing here changes the world. Every step's input is validated before planning
 * finishes, and the plan carries each step's equivalent command and risk.
 */
export async function planAndReview(request: string, interpretations: Interpretation[], deps: PipelineDeps): Promise<{ plan: Plan; review: Review }> {
  checkRequest(request, interpretations);
  const { plan } = await deps.brain.plan(request, { interpretations, cwd: deps.cwd, outputDir: deps.outputDir });
  checkStatedUsed(plan);
  return reviewPlanned(await prepareEffects(plan, deps), deps);
}


/** Runs each step's `prepare`, so the review sees what the step will really do. */
export async function prepareEffects(plan: Plan, deps: Pick<PipelineDeps, 'registry' | 'clients' | 'signal' | 'onProgress'>): Promise<Plan> {
  const steps = [];
  for (const step of plan.steps) {
    const action = deps.registry.get(step.action);
    if (!action.prepare) {
      steps.push(step);
      continue;
    }
    if (!deps.clients) throw new Error(`step "${step.id}" (${action.id}) must look at its effect while planning, but no clients were given`);
    const input = parseWith(action.input, step.input, `step "${step.id}" input`);
    const prepared = await action.prepare(input, {
      ...deps.clients,
      signal: deps.signal ?? new AbortController().signal,
      emit: (text) => deps.onProgress?.(`${step.id}: ${text}`),
    });
    steps.push({ ...step, input: prepared });
  }
  return { ...plan, steps };
}

/** Validates a plan (made now or loaded from a file) and reviews it under the current policy. */
export function reviewPlanned(plan: Plan, deps: Omit<PipelineDeps, 'brain' | 'cwd' | 'outputDir'>): { plan: Plan; review: Review } {
  validateDag(plan.steps);
  const steps = plan.steps.map((step) => {
    const action = deps.registry.get(step.action);
    return { ...step, input: parseWith(action.input, step.input, `step "${step.id}" input`) };
  });
  const validated: Plan = { ...plan, steps };
  const images = deps.clients?.images;
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
