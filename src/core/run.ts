import { z } from 'zod';

const RUN_STATUSES = [
  'running', 'succeeded', 'failed', 'rolled_back', 'rollback_failed', 'interrupted', 'cancelled',
] as const;
export const RunStatus = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof RunStatus>;

const STEP_STATUSES = [
  'pending', 'running', 'succeeded', 'failed', 'skipped', 'compensated', 'compensation_failed', 'interrupted',
] as const;
export const StepStatus = z.enum(STEP_STATUSES);
export type StepStatus = z.infer<typeof StepStatus>;

/** Something Reign created, so `reign resources` can list it and rollback can find it. */
export const ResourceRef = z.object({
  /** e.g. `docker.container`, `docker.network`, `file`. */
  kind: z.string(),
  /** The engine's id, or the path. */
  id: z.string(),
  name: z.string().optional(),
});
export type ResourceRef = z.infer<typeof ResourceRef>;

export const StepResult = z.object({
  stepId: z.string(),
  status: StepStatus,
  output: z.unknown().optional(),
  error: z.string().optional(),
  /** What to do about the error, when the step knows. */
  hint: z.string().optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
});
export type StepResult = z.infer<typeof StepResult>;

/** What a run came to: the public shape of a run, returned to every surface. */
export const RunResult = z.object({
  runId: z.string(),
  planId: z.string(),
  status: RunStatus,
  steps: z.array(StepResult),
  resources: z.array(ResourceRef),
  /** Undo steps that failed: reported, never swallowed. */
  compensationErrors: z.array(z.object({ stepId: z.string(), error: z.string() })),
  error: z.string().optional(),
});
export type RunResult = z.infer<typeof RunResult>;

/** Labels on everything Reign creates in an engine, so rollback and `reign resources` find it. */
export const LABELS = {
  managed: 'dev.reign.managed',
  run: 'dev.reign.run',
  step: 'dev.reign.step',
} as const;
