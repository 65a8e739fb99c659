import { z } from 'zod';
import type { Clients } from '../../core/context.js';
import { ReignError } from '../../core/errors.js';
import { fileChecksum, terraform, varFileArgs, type RunOptions, type WorkingDir } from './cli.js';
import { PlanSummary, summarizePlan } from './plan-summary.js';

/**
 * Saved plans: made with `plan -out`, read back with `show -json`, and fingerprinted, so that what
 * is applied is byte for byte what was shown.
 */

export const SavedPlan = z.object({
  planFile: z.string().regex(/^\/[A-Za-z0-9_.@+\/-]*\.tfplan$/, 'planFile: expected an absolute path ending in .tfplan'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256: expected 64 hex digits'),
  summary: PlanSummary,
  /** Whether the workspace had a state when the plan was made: a fresh one has nothing to back up. */
  hadState: z.boolean(),
});
export type SavedPlan = z.infer<typeof SavedPlan>;

export type PlanKind = 'plan' | 'apply' | 'destroy' | 'drift';

type Runner = Pick<Clients, 'processes' | 'scratch'> & { signal: AbortSignal };

/** One file per kind and workspace, so a preview names the exact file and a newer plan replaces it. */
function planFileOf(where: Pick<WorkingDir, 'dir' | 'workspace'>, kind: PlanKind): string {
  return `${where.dir}/.reign/${kind}-${where.workspace ?? 'default'}.tfplan`;
}

/** The `terraform plan` arguments of a kind of plan. */
export function planArgs(where: WorkingDir, kind: PlanKind, targets: string[] = []): string[] {
  return [
    'plan', '-input=false', '-no-color',
    ...(kind === 'destroy' ? ['-destroy'] : []),
    ...(kind === 'drift' ? ['-refresh-only', '-detailed-exitcode'] : []),
    ...targets.map((t) => `-target=${t}`),
    ...varFileArgs(where),
    `-out=${planFileOf(where, kind)}`,
  ];
}

/** Plans, saves the plan, reads it back: the plan file, its checksum, its summary and its JSON. */
export async function makeSavedPlan(
  ctx: Runner,
  where: WorkingDir,
  kind: PlanKind,
  options: { targets?: string[]; onLine?: RunOptions['onLine'] } = {},
): Promise<SavedPlan & { json: unknown; exitCode: number }> {
  await ctx.scratch.folderFor(where.dir);
  const planned = await terraform(ctx, where, planArgs(where, kind, options.targets), {
    doing: kind === 'drift' ? 'plan -refresh-only' : 'plan',
    accept: kind === 'drift' ? [2] : [],
    onLine: options.onLine,
  });
  const planFile = planFileOf(where, kind);
  const shown = await terraform(ctx, where, ['show', '-json', planFile], { doing: 'show the saved plan' });
  const json: unknown = JSON.parse(shown.stdout);
  const hadState = Boolean((json as { prior_state?: unknown }).prior_state);
  return { planFile, sha256: await fileChecksum(ctx, planFile), summary: summarizePlan(json), hadState, json, exitCode: planned.exitCode };
}

/** Refuses a saved plan whose file is not the one that was reviewed. */
export async function verifySavedPlan(ctx: Runner, plan: SavedPlan): Promise<void> {
  const now = await fileChecksum(ctx, plan.planFile).catch(() => undefined);
  if (now !== plan.sha256) {
    throw new ReignError(
      'refused',
      `the saved plan ${plan.planFile} is not the one that was reviewed (${now ? 'its checksum changed' : 'it is gone'})`,
      'plan again: Reign applies only the plan it showed you',
    );
  }
}
