import { z } from 'zod';
import { RiskLevel } from './risk.js';
import { Interpretation } from './interpretation.js';

/** One operation: an action from the catalog and its validated input. */
export const Step = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'step ids are lower-case letters, digits and dashes'),
  action: z.string(),
  title: z.string(),
  input: z.unknown(),
  dependsOn: z.array(z.string()).default([]),
  /** The words of the request the step came from (one part of a request that says several things). */
  from: z.string().optional(),
  /** Per-step timeout in milliseconds; the executor's default applies when absent. */
  timeoutMs: z.number().int().positive().optional(),
});
export type Step = z.infer<typeof Step>;

/** A plan is a value: serialisable, printable as commands, and executed exactly as shown. */
export const Plan = z.object({
  id: z.string(),
  request: z.string(),
  interpretations: z.array(Interpretation).default([]),
  steps: z.array(Step),
  /**
   * Filled by planning: each step's risk, its equivalent command, and the images in it that the
   * image settings map (`nginx:1.27` → `mirror/nginx:1.27`), since the mapped one is what runs.
   */
  previews: z.record(z.string(), z.object({
    command: z.string(),
    risk: RiskLevel,
    images: z.array(z.object({ asked: z.string(), runs: z.string() })).optional(),
  })).default({}),
  /** What the planner tells the user instead of steps ("I can do …"), when it made none. */
  message: z.string().optional(),
  createdAt: z.string(),
});
export type Plan = z.infer<typeof Plan>;

/** A step the executor runs to compensate another: an action and its input. */
export interface StepRef {
  action: string;
  input: unknown;
  title?: string;
}
