import type { Plan } from './plan.js';
import type { Review, StepReview } from './review.js';

/** The steps of a reviewed plan that policy says must be confirmed before they run. */
export interface ApprovalRequest {
  plan: Plan;
  review: Review;
  asking: StepReview[];
  /** The first protected target among them: confirming it may mean typing its name. */
  protectedTarget?: string;
}

/**
 * How a surface confirms: a terminal prompt, `--yes`, an API approval, an MCP elicitation. It
 * returns the steps approved and how (recorded in the audit log), or throws a `not_confirmed`
 * ReignError. It is asked only when some step needs confirming.
 */
export interface Approver {
  approve(request: ApprovalRequest): Promise<{ approved: string[]; how: string }>;
}
