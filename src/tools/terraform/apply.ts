import { z } from 'zod';
import { defineAction, type Target } from '../../core/action.js';
import type { Context } from '../../core/context.js';
import { ReignError } from '../../core/errors.js';
import type { StepRef } from '../../core/plan.js';
import type { RiskJudgement, RiskLevel } from '../../core/risk.js';
import type { ResourceRef } from '../../core/run.js';
import { address, environmentOf, terraform, terraformPreview, toStep, WorkingDir } from './cli.js';
import { describeSummary, isDestructive, summaryLines, type PlanSummary } from './plan-summary.js';
import { makeSavedPlan, planArgs, SavedPlan, verifySavedPlan, type PlanKind } from './saved-plan.js';
import { backupState, type StateBackup } from './state-backup.js';

/**
 * Apply and destroy: only ever a saved plan. `prepare` makes the plan while Reign plans the
 * request, so the review judges what the plan will really do and the preview shows it; `run`
 * applies that file and nothing else, refusing it if its checksum changed.
 */

const ApplyInput = WorkingDir.extend({
  /** The plan `prepare` made and the review saw. */
  planned: SavedPlan.optional(),
});
type ApplyInput = z.infer<typeof ApplyInput>;

const DestroyInput = ApplyInput.extend({
  /** Only these addresses (and what depends on them); all of the configuration when empty. */
  targets: z.array(address('targets[]')).default([]),
});
type DestroyInput = z.infer<typeof DestroyInput>;

interface ApplyOutput {
  summary: PlanSummary;
  planFile: string;
  /** The state before the apply, for a person to inspect or restore. */
  stateBefore?: StateBackup;
}

/** Risk follows the saved plan: deletes and replaces are admin; policy escalates them in protected environments. */
function riskOfPlan(input: ApplyInput, kind: 'apply' | 'destroy'): RiskJudgement {
  const rule = `terraform.${kind}`;
  if (!input.planned) {
    return { level: 'admin', reasons: [{ level: 'admin', rule: `${rule}.unplanned`, reason: 'what it changes is not known until it is planned' }] };
  }
  const summary = input.planned.summary;
  const level: RiskLevel = kind === 'destroy' || isDestructive(summary) ? 'admin' : 'write';
  const doomed = [...summary.deletes, ...summary.replaces];
  const reason = doomed.length
    ? `the saved plan deletes or replaces ${doomed.length} resource${doomed.length === 1 ? '' : 's'}: ${doomed.slice(0, 5).join(', ')}${doomed.length > 5 ? ', …' : ''}`
    : `the saved plan: ${describeSummary(summary)}`;
  return { level, reasons: [{ level, rule: doomed.length ? `${rule}.deletes` : `${rule}.plan`, reason }] };
}

function targetsOf(input: ApplyInput, destructive: boolean): Target[] {
  return [{ kind: 'terraform.workspace', name: input.workspace ?? 'default', environment: environmentOf(input), path: input.dir, destructive }];
}

function previewOf(input: ApplyInput, kind: PlanKind, targets: string[] = []): string {
  const apply = ['apply', '-input=false', '-no-color', input.planned?.planFile ?? planArgs(input, kind).at(-1)!.slice('-out='.length)];
  const effect = input.planned ? `  # ${describeSummary(input.planned.summary)}` : '';
  return `${terraformPreview(input, planArgs(input, kind, targets))} && ${terraformPreview(input, apply)}${effect}`;
}

function resourcesOf(input: ApplyInput, addresses: string[]): ResourceRef[] {
  return addresses.map((a) => ({ kind: 'terraform.resource', id: `${input.dir}#${input.workspace ?? 'default'}#${a}`, name: a }));
}

/** Applies a saved plan after saving the state it changes. */
async function applySaved(input: ApplyInput, planned: SavedPlan, ctx: Context): Promise<ApplyOutput> {
  const [, stateBefore] = await Promise.all([verifySavedPlan(ctx, planned), planned.hadState ? backupState(ctx, input, 'before-apply') : undefined]);
  ctx.emit('progress', `applying ${describeSummary(planned.summary)}`);
  await terraform(ctx, input, ['apply', '-input=false', '-no-color', planned.planFile], { doing: 'apply the saved plan', onLine: toStep(ctx) });
  return { summary: planned.summary, planFile: planned.planFile, ...(stateBefore ? { stateBefore } : {}) };
}

/**
 * Undo of an apply that only created resources: destroy exactly those. An apply that only imported
 * is undone by forgetting the imports. Updates, replaces and deletes have no undo: Terraform cannot
 * bring back a deleted database or an old value that a provider overwrote, and pushing the old
 * state would only make Terraform forget what exists. The state before the apply is kept
 * (`stateBefore`) for a person who decides how to recover.
 */
function undoOfApply(input: ApplyInput, summary: PlanSummary): StepRef | undefined {
  const changed = summary.updates.length + summary.replaces.length + summary.deletes.length;
  const where = { dir: input.dir, workspace: input.workspace, varFiles: input.varFiles, environment: input.environment };
  if (changed === 0 && summary.imports.length === 0 && summary.creates.length) {
    return { action: 'terraform.destroy', input: { ...where, targets: summary.creates }, title: `Destroy the ${summary.creates.length} resources the apply created` };
  }
  if (changed === 0 && summary.creates.length === 0 && summary.imports.length) {
    return { action: 'terraform.state.rm', input: { ...where, addresses: summary.imports }, title: 'Forget the imported resources (they keep running)' };
  }
  return undefined;
}

export const terraformApply = defineAction({
  id: 'terraform.apply',
  title: 'Apply a saved Terraform plan',
  risk: (input: ApplyInput) => riskOfPlan(input, 'apply'),
  input: ApplyInput,
  preview: (input) => previewOf(input, 'apply'),
  async prepare(input, ctx) {
    ctx.emit('planning what apply would change');
    const { json: _json, exitCode: _exit, ...planned } = await makeSavedPlan(ctx, input, 'apply', { onLine: (_s, line) => ctx.emit(line) });
    ctx.emit(`saved plan: ${describeSummary(planned.summary)}`);
    return { ...input, planned };
  },
  targets: (input) => targetsOf(input, input.planned ? isDestructive(input.planned.summary) : true),
  async run(input, ctx) {
    if (!input.planned) throw unplanned('terraform.apply');
    for (const line of summaryLines(input.planned.summary)) ctx.emit('progress', line);
    return applySaved(input, input.planned, ctx);
  },
  undo: (input, output) => undoOfApply(input, output.summary),
  // An apply that died part-way may have created some of what it planned: destroy those.
  undoInterrupted: (input) => (input.planned ? undoOfApply(input, input.planned.summary) : undefined),
  creates: (input, output) => resourcesOf(input, output.summary.creates),
  removes: (input, output) => resourcesOf(input, output.summary.deletes),
});

export const terraformDestroy = defineAction({
  id: 'terraform.destroy',
  title: 'Destroy the resources of a Terraform configuration (from a saved destroy plan)',
  risk: (input: DestroyInput) => riskOfPlan(input, 'destroy'),
  input: DestroyInput,
  preview: (input) => previewOf(input, 'destroy', input.targets),
  async prepare(input, ctx) {
    const { json: _json, exitCode: _exit, ...planned } = await makeSavedPlan(ctx, input, 'destroy', { targets: input.targets, onLine: (_s, line) => ctx.emit(line) });
    ctx.emit(`saved destroy plan: ${describeSummary(planned.summary)}`);
    return { ...input, planned };
  },
  targets: (input) => targetsOf(input, true),
  async run(input, ctx) {
    // A compensation is never reviewed on its own: it undoes exactly what a reviewed apply created,
    // so it plans and applies in one go.
    const planned = input.planned ?? (await makeSavedPlan(ctx, input, 'destroy', { targets: input.targets, onLine: toStep(ctx) }));
    return applySaved(input, planned, ctx);
  },
  removes: (input, output) => resourcesOf(input, output.summary.deletes),
});

function unplanned(id: string): ReignError {
  return new ReignError('refused', `${id} applies only a plan made while the request was planned, and this step has none`, 'plan the request again so the plan is made and shown');
}

export const applyActions = [terraformApply, terraformDestroy];
