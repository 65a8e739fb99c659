import { z } from 'zod';

export const RUN_STATUSES = [
  'running', 'succeeded', 'failed', 'rolled_back', 'rollback_failed', 'interrupted', 'cancelled',
] as const;
export const RunStatus = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof RunStatus>;

export const STEP_STATUSES = [
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

export interface StepResult {
  stepId: string;
  status: StepStatus;
  output?: unknown;
  error?: string;
  /** What to do about the error, when the step knows. */
  hint?: string;
  startedAt?: string;
  finishedAt?: string;
}

export interface RunResult {
  runId: string;
  planId: string;
  status: RunStatus;
  steps: StepResult[];
  resources: ResourceRef[];
  /** Undo steps that failed: reported, never swallowed. */
  compensationErrors: { stepId: string; error: string }[];
  error?: string;
}

/** Labels on everything Reign creates in an engine, so rollback and `reign resources` find it. */
export const LABELS = {
  managed: 'dev.reign.managed',
  run: 'dev.reign.run',
  step: 'dev.reign.step',
} as const;
