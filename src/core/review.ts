import { z } from 'zod';
import { RiskLevel } from './risk.js';

export const Decision = z.enum(['allow', 'confirm', 'deny']);
export type Decision = z.infer<typeof Decision>;

export const StepReview = z.object({
  stepId: z.string(),
  risk: RiskLevel,
  decision: Decision,
  /** Why: each entry names the rule that decided. */
  reasons: z.array(z.object({ rule: z.string(), reason: z.string(), part: z.string().optional() })),
  /** The rule that made the decision, e.g. `config.allow[0]` or `role.operator.admin`. */
  decidedBy: z.string(),
  /** A target the policy protects; confirming may require typing its name. */
  protectedTarget: z.string().optional(),
});
export type StepReview = z.infer<typeof StepReview>;

export const Review = z.object({
  planId: z.string(),
  actor: z.object({ name: z.string(), role: z.enum(['viewer', 'operator', 'admin']) }),
  steps: z.array(StepReview),
  /** The plan's decision: deny if any step is denied, confirm if any needs confirming, else allow. */
  decision: Decision,
});
export type Review = z.infer<typeof Review>;

/** What Reign knows it created, by kind and name; `undefined` when it cannot tell for a kind. */
export interface Inventory {
  created(kind: string, name: string): boolean | undefined;
}
