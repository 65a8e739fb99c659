import { defineAction } from '../../core/action.js';
import { terraform, terraformPreview, toStep, WorkingDir } from './cli.js';
import { describeSummary, driftOf, summarizePlan, summaryLines } from './plan-summary.js';
import { makeSavedPlan, planArgs, SavedPlan } from './saved-plan.js';

/** Read-only actions: plan, show, drift detection, outputs. None of them changes infrastructure. */

export const terraformPlan = defineAction({
  id: 'terraform.plan',
  title: 'Plan a Terraform configuration and save the plan',
  risk: 'read',
  input: WorkingDir,
  preview: (input) => terraformPreview(input, planArgs(input, 'plan')),
  async run(input, ctx) {
    const { json: _json, exitCode: _exit, ...planned } = await makeSavedPlan(ctx, input, 'plan', { onLine: toStep(ctx) });
    for (const line of summaryLines(planned.summary)) ctx.emit('progress', line);
    ctx.emit('progress', `plan: ${describeSummary(planned.summary)}`);
    return planned;
  },
});

const ShowInput = WorkingDir.pick({ dir: true, workspace: true }).extend({
  /** A saved plan to summarise; the current state's resources when absent. */
  planFile: SavedPlan.shape.planFile.optional(),
});

interface StateJson {
  values?: { root_module?: ModuleJson };
}
interface ModuleJson {
  resources?: { address: string; mode: string; type: string }[];
  child_modules?: ModuleJson[];
}

function addressesIn(module: ModuleJson | undefined): string[] {
  if (!module) return [];
  return [...(module.resources ?? []).map((r) => r.address), ...(module.child_modules ?? []).flatMap(addressesIn)];
}

const terraformShow = defineAction({
  id: 'terraform.show',
  title: 'Show a saved plan or the resources in the state',
  risk: 'read',
  input: ShowInput,
  preview: (input) => terraformPreview(input, ['show', '-json', ...(input.planFile ? [input.planFile] : [])]),
  async run(input, ctx) {
    const shown = await terraform(ctx, input, ['show', '-json', ...(input.planFile ? [input.planFile] : [])], { doing: 'show' });
    const json: unknown = JSON.parse(shown.stdout);
    if (input.planFile) {
      const summary = summarizePlan(json);
      ctx.emit('stdout', describeSummary(summary));
      return { summary };
    }
    // Addresses only: attribute values of the state can hold secrets.
    const resources = addressesIn((json as StateJson).values?.root_module);
    for (const resource of resources) ctx.emit('stdout', resource);
    return { resources };
  },
});

export const terraformDrift = defineAction({
  id: 'terraform.drift',
  title: 'Detect drift: what changed outside Terraform (plan -refresh-only)',
  risk: 'read',
  input: WorkingDir,
  preview: (input) => terraformPreview(input, planArgs(input, 'drift')),
  async run(input, ctx) {
    const planned = await makeSavedPlan(ctx, input, 'drift', { onLine: toStep(ctx) });
    // -detailed-exitcode: 0 means the real world matches the state, 2 means it does not.
    const drifted = planned.exitCode === 2;
    const resources = driftOf(planned.json);
    const outputs = planned.summary.outputs;
    for (const r of resources) ctx.emit('progress', `drifted: ${r.address} (${r.actions.join(', ')})`);
    for (const name of outputs) ctx.emit('progress', `drifted: output ${name}`);
    ctx.emit('progress', drifted ? `drift found in ${input.workspace ?? 'default'}: ${resources.length} resources, ${outputs.length} outputs changed outside Terraform` : 'no drift: the real infrastructure matches the state');
    return { drifted, resources, outputs, planFile: planned.planFile };
  },
});

interface OutputJson {
  sensitive: boolean;
  type: unknown;
  value: unknown;
}

export const terraformOutput = defineAction({
  id: 'terraform.output',
  title: 'Show the outputs of a Terraform state (sensitive values hidden)',
  risk: 'read',
  input: WorkingDir.pick({ dir: true, workspace: true }),
  preview: (input) => terraformPreview(input, ['output', '-no-color']),
  async run(input, ctx) {
    // -json is the only form that says which outputs are sensitive; their values are dropped here.
    const shown = await terraform(ctx, input, ['output', '-json', '-no-color'], { doing: 'output' });
    const outputs = Object.fromEntries(
      Object.entries(JSON.parse(shown.stdout || '{}') as Record<string, OutputJson>).map(([name, o]) => [name, o.sensitive ? '(sensitive)' : o.value]),
    );
    for (const [name, value] of Object.entries(outputs)) ctx.emit('stdout', `${name} = ${JSON.stringify(value)}`);
    return { outputs };
  },
});

export const inspectActions = [terraformPlan, terraformShow, terraformDrift, terraformOutput];
