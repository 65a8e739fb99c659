import { z } from 'zod';

/**
 * What a saved plan will do, read from `terraform show -json <plan>`: the addresses it creates,
 * updates, replaces, deletes and imports, and the outputs it changes. Risk is judged from this,
 * and the preview shows it.
 */
export const PlanSummary = z.object({
  creates: z.array(z.string()),
  updates: z.array(z.string()),
  replaces: z.array(z.string()),
  deletes: z.array(z.string()),
  imports: z.array(z.string()),
  /** Outputs whose value changes. */
  outputs: z.array(z.string()),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

interface ResourceChange {
  address: string;
  mode?: string;
  change: { actions: string[]; importing?: unknown };
}

interface PlanJson {
  resource_changes?: ResourceChange[];
  resource_drift?: ResourceChange[];
  output_changes?: Record<string, { actions: string[] }>;
}

/** Terraform's action lists, by what they mean. `["delete","create"]` and the reverse are replaces. */
function kindOf(actions: string[]): keyof Omit<PlanSummary, 'imports' | 'outputs'> | undefined {
  const key = actions.join(',');
  if (key === 'create') return 'creates';
  if (key === 'update') return 'updates';
  if (key === 'delete') return 'deletes';
  if (key === 'delete,create' || key === 'create,delete') return 'replaces';
  return undefined;
}

export function summarizePlan(json: unknown): PlanSummary {
  const plan = json as PlanJson;
  const summary: PlanSummary = { creates: [], updates: [], replaces: [], deletes: [], imports: [], outputs: [] };
  for (const rc of plan.resource_changes ?? []) {
    // Data sources are read, not changed.
    if (rc.mode === 'data') continue;
    const kind = kindOf(rc.change.actions);
    if (kind) summary[kind].push(rc.address);
    if (rc.change.importing) summary.imports.push(rc.address);
  }
  for (const [name, change] of Object.entries(plan.output_changes ?? {})) {
    if (!change.actions.includes('no-op')) summary.outputs.push(name);
  }
  return summary;
}

/** Changes made outside Terraform that a refresh found, per address. */
export function driftOf(json: unknown): { address: string; actions: string[] }[] {
  return ((json as PlanJson).resource_drift ?? []).map((rc) => ({ address: rc.address, actions: rc.change.actions }));
}


/** True when applying would delete or replace anything. */
export function isDestructive(summary: PlanSummary): boolean {
  return summary.deletes.length + summary.replaces.length > 0;
}

/** `2 to add, 1 to change, 1 to replace, 0 to destroy, 1 to import`, as Terraform words it. */
export function describeSummary(summary: PlanSummary): string {
  const parts = [
    `${summary.creates.length} to add`,
    `${summary.updates.length} to change`,
    ...(summary.replaces.length ? [`${summary.replaces.length} to replace`] : []),
    `${summary.deletes.length} to destroy`,
    ...(summary.imports.length ? [`${summary.imports.length} to import`] : []),
    ...(summary.outputs.length ? [`${summary.outputs.length} output${summary.outputs.length === 1 ? '' : 's'} to change`] : []),
  ];
  return parts.join(', ');
}

/** One line per changed address, for progress and the run record. */
export function summaryLines(summary: PlanSummary): string[] {
  const marks: [keyof PlanSummary, string][] = [['creates', '+'], ['updates', '~'], ['replaces', '-/+'], ['deletes', '-'], ['imports', '<=']];
  return marks.flatMap(([kind, mark]) => summary[kind].map((address) => `${mark} ${address}`));
}
