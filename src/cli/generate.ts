import { UsageError } from '../core/errors.js';
import type { Plan } from '../core/plan.js';
import type { ActionRegistry } from '../core/registry.js';
import type { App } from '../app/app.js';
import type { Output } from './output.js';
import { requestCommand, type RequestOptions } from './request.js';

/** Keeps only the steps that write generated files; nothing else of the plan runs. */
export function artifactsOnly(plan: Plan, registry: ActionRegistry): Plan {
  const kept = plan.steps.filter((s) => registry.get(s.action).artifact);
  const ids = new Set(kept.map((s) => s.id));
  return { ...plan, steps: kept.map((s) => ({ ...s, dependsOn: s.dependsOn.filter((d) => ids.has(d)) })) };
}

/**
 * `reign generate "<request>" --out <dir>`: writes the files a request's plan would generate
 * (compose projects, Terraform, workflows) and runs nothing else.
 */
export async function generateCommand(app: App, text: string, opts: RequestOptions & { out?: string }, out: Output): Promise<number> {
  if (!opts.out) throw new UsageError('generate needs --out <dir>', 'e.g. reign generate "postgres and redis for local dev" --out ./stack');
  return requestCommand(app, text, { ...opts, dir: opts.out, transformPlan: (plan) => artifactsOnly(plan, app.registry), emptyMessage: 'this request generates no files' }, out);
}
