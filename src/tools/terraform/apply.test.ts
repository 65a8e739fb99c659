import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeAction, previewOf } from '../../core/action.js';
import { terraformApply, terraformDestroy } from './apply.js';
import { terraformDrift, terraformOutput, terraformPlan } from './inspect.js';
import { summarizePlan } from './plan-summary.js';
import { perform, prepareContext, tempDir, terraform, terraformContext, writeFiles } from './testing.js';

/** N terraform_data resources named r0…r{n-1}, each holding its input. */
const dataResources = (names: string[], input = (n: string) => `"${n}"`) =>
  names.map((n) => `resource "terraform_data" "${n}" {\n  input = ${input(n)}\n}\n`).join('\n');

describe('terraform plan and apply with the real binary (built-in terraform_data only)', () => {
  it('summarises real plan JSON into creates, updates, replaces, deletes and output changes', async () => {
    const dir = writeFiles(tempDir('summary'), {
      'main.tf': `${dataResources(['kept', 'changed', 'gone'])}\nresource "terraform_data" "swapped" {\n  triggers_replace = "v1"\n}\n\noutput "kept" {\n  value = terraform_data.kept.output\n}\n`,
    });
    expect(terraform(dir, ['apply', '-auto-approve', '-input=false', '-no-color']).code).toBe(0);
    writeFileSync(
      join(dir, 'main.tf'),
      `resource "terraform_data" "kept" {\n  input = "kept"\n}\n\nresource "terraform_data" "changed" {\n  input = "new value"\n}\n\nresource "terraform_data" "swapped" {\n  triggers_replace = "v2"\n}\n\nresource "terraform_data" "added" {\n  input = "x"\n}\n\noutput "kept" {\n  value = "constant"\n}\n`,
    );
    expect(terraform(dir, ['plan', '-input=false', '-no-color', '-out=p.tfplan']).code).toBe(0);
    const json = JSON.parse(terraform(dir, ['show', '-json', 'p.tfplan']).stdout);

    expect(summarizePlan(json)).toEqual({
      creates: ['terraform_data.added'],
      updates: ['terraform_data.changed'],
      replaces: ['terraform_data.swapped'],
      deletes: ['terraform_data.gone'],
      imports: [],
      outputs: ['kept'],
    });
  });

  it('prepares a saved plan while planning, applies exactly that file, and records the state it replaced', async () => {
    const dir = writeFiles(tempDir('apply'), { 'main.tf': dataResources(['a', 'b']) });
    const progress: string[] = [];
    const input = await terraformApply.prepare!(terraformApply.input.parse({ dir }), prepareContext(progress));
    expect(input.planned?.summary.creates).toEqual(['terraform_data.a', 'terraform_data.b']);
    expect(previewOf(terraformApply, input)).toBe(
      `terraform -chdir=${dir} plan -input=false -no-color -out=${dir}/.reign/apply-default.tfplan && terraform -chdir=${dir} apply -input=false -no-color ${dir}/.reign/apply-default.tfplan  # 2 to add, 0 to change, 0 to destroy`,
    );
    expect(progress.at(-1)).toBe('saved plan: 2 to add, 0 to change, 0 to destroy');
    expect(terraform(dir, ['state', 'list']).stdout).toBe('');

    const output: { stream: string; text: string }[] = [];
    const applied = await terraformApply.run(input, terraformContext(output));
    expect(terraform(dir, ['state', 'list']).stdout.split('\n').filter(Boolean)).toEqual(['terraform_data.a', 'terraform_data.b']);
    expect(output.map((o) => o.text)).toContain('Apply complete! Resources: 2 added, 0 changed, 0 destroyed.');
    expect(applied.stateBefore).toBeUndefined();

    writeFileSync(join(dir, 'main.tf'), dataResources(['a']));
    const second = await perform(terraformApply, { dir });
    expect(second.input.planned?.summary.deletes).toEqual(['terraform_data.b']);
    expect(second.output.stateBefore?.path).toMatch(new RegExp(`^${dir}/\\.reign/state-default-before-apply-.*\\.tfstate$`));
    expect(JSON.parse(terraform(dir, ['state', 'pull']).stdout).resources).toHaveLength(1);
  });

  it('refuses to apply a saved plan whose file changed after it was reviewed', async () => {
    const dir = writeFiles(tempDir('tampered'), { 'main.tf': dataResources(['a']) });
    const input = await terraformApply.prepare!(terraformApply.input.parse({ dir }), prepareContext());
    // Another plan replaces the reviewed file: same path, different bytes.
    writeFileSync(join(dir, 'main.tf'), dataResources(['a', 'b']));
    expect(terraform(dir, ['plan', '-input=false', `-out=${input.planned!.planFile}`]).code).toBe(0);

    await expect(terraformApply.run(input, terraformContext())).rejects.toThrow(/is not the one that was reviewed \(its checksum changed\)/);
    expect(terraform(dir, ['state', 'list']).stdout).toBe('');
  });

  it('undoes an apply that only created resources by destroying exactly those', async () => {
    const dir = writeFiles(tempDir('undo'), { 'main.tf': dataResources(['old']) });
    await perform(terraformApply, { dir });
    writeFileSync(join(dir, 'main.tf'), dataResources(['old', 'new1', 'new2']));
    const { input, output } = await perform(terraformApply, { dir });

    const undo = terraformApply.undo!(input, output);
    expect(undo).toMatchObject({ action: 'terraform.destroy', input: { dir, targets: ['terraform_data.new1', 'terraform_data.new2'] } });
    await perform(terraformDestroy, undo!.input);
    expect(terraform(dir, ['state', 'list']).stdout.trim()).toBe('terraform_data.old');
  });

  it('declares no undo for an apply that deletes: a deleted resource cannot be brought back by Terraform', async () => {
    const dir = writeFiles(tempDir('no-undo'), { 'main.tf': dataResources(['a', 'b']) });
    await perform(terraformApply, { dir });
    writeFileSync(join(dir, 'main.tf'), dataResources(['a']));
    const { input, output } = await perform(terraformApply, { dir });
    expect(terraformApply.undo!(input, output)).toBeUndefined();
    expect(output.stateBefore).toBeDefined();
  });

  it('destroys from a saved destroy plan and judges it admin with the addresses it deletes', async () => {
    const dir = writeFiles(tempDir('destroy'), { 'main.tf': dataResources(['a', 'b']) });
    await perform(terraformApply, { dir });
    const input = await terraformDestroy.prepare!(terraformDestroy.input.parse({ dir }), prepareContext());
    expect(judgeAction(terraformDestroy, input, { judge: terraformContext().judge })).toMatchObject({ level: 'admin', reasons: [{ reason: 'the saved plan deletes or replaces 2 resources: terraform_data.a, terraform_data.b' }] });
    await terraformDestroy.run(input, terraformContext());
    expect(terraform(dir, ['state', 'list']).stdout).toBe('');
  });

  it('plans in a workspace through TF_WORKSPACE with its tfvars file, leaving the selected workspace alone', async () => {
    const dir = writeFiles(tempDir('workspace'), {
      'main.tf': 'variable "size" {\n  type = number\n}\n\nresource "terraform_data" "sized" {\n  input = var.size\n}\n\noutput "size" {\n  value = terraform_data.sized.output\n}\n',
      'environments/prod.tfvars': 'size = 3\n',
    });
    const { input } = await perform(terraformApply, { dir, workspace: 'prod', varFiles: ['environments/prod.tfvars'] });
    expect(previewOf(terraformApply, input)).toContain(`TF_WORKSPACE=prod terraform -chdir=${dir} plan -input=false -no-color -var-file=environments/prod.tfvars -out=${dir}/.reign/apply-prod.tfplan`);
    expect((await perform(terraformOutput, { dir, workspace: 'prod' })).output.outputs).toEqual({ size: 3 });
    expect(terraform(dir, ['workspace', 'show']).stdout.trim()).toBe('default');
    const plan = await perform(terraformPlan, { dir, workspace: 'prod', varFiles: ['environments/prod.tfvars'] });
    expect(plan.output.summary).toEqual({ creates: [], updates: [], replaces: [], deletes: [], imports: [], outputs: [] });
  });
});

describe('terraform drift detection with the real binary', () => {
  it('finds an out-of-band change: another state this configuration reads was changed outside it (plan -refresh-only exit 2)', async () => {
    const upstream = writeFiles(tempDir('upstream'), { 'main.tf': 'variable "version_tag" {\n  type    = string\n  default = "1"\n}\n\noutput "version_tag" {\n  value = var.version_tag\n}\n' });
    expect(terraform(upstream, ['apply', '-auto-approve', '-input=false']).code).toBe(0);
    const dir = writeFiles(tempDir('drift'), {
      'main.tf': `data "terraform_remote_state" "upstream" {\n  backend = "local"\n  config = {\n    path = "${upstream}/terraform.tfstate"\n  }\n}\n\nresource "terraform_data" "app" {\n  input = "app"\n}\n\noutput "upstream_version" {\n  value = data.terraform_remote_state.upstream.outputs.version_tag\n}\n`,
    });
    await perform(terraformApply, { dir });
    expect((await perform(terraformDrift, { dir })).output).toMatchObject({ drifted: false, resources: [], outputs: [] });

    // Out of band: the upstream project is applied with a new value; this configuration is untouched.
    expect(terraform(upstream, ['apply', '-auto-approve', '-input=false', '-var', 'version_tag=2']).code).toBe(0);
    const output: { stream: string; text: string }[] = [];
    const drift = await perform(terraformDrift, { dir }, terraformContext(output));

    expect(drift.output).toMatchObject({ drifted: true, outputs: ['upstream_version'] });
    expect(output.filter((o) => o.stream === 'progress').map((o) => o.text)).toEqual([
      'drifted: output upstream_version',
      'drift found in default: 0 resources, 1 outputs changed outside Terraform',
    ]);
  });
});

describe('terraform state lock with the real binary', () => {
  it('reports who holds a state lock and the force-unlock command, and never unlocks by itself', async () => {
    const dir = writeFiles(tempDir('lock'), { 'main.tf': dataResources(['first']) });
    expect(terraform(dir, ['apply', '-auto-approve', '-input=false']).code).toBe(0);
    writeFiles(dir, { 'slow.tf': 'resource "terraform_data" "slow" {\n  provisioner "local-exec" {\n    command = "sleep 20"\n  }\n}\n' });
    const holder = terraformContext();
    const controller = new AbortController();
    // A real apply holds the lock while its provisioner sleeps; it is cancelled when the test ends.
    const running = holder.processes.run('terraform', [`-chdir=${dir}`, 'apply', '-auto-approve', '-input=false'], { signal: controller.signal }).catch(() => undefined);
    try {
      const lockInfo = join(dir, '.terraform.tfstate.lock.info');
      while (!(await holder.files.exists(lockInfo))) await new Promise((r) => setTimeout(r, 100));
      const drift = await perform(terraformDrift, { dir }).then(() => undefined, (e: Error & { hint?: string }) => e);
      const plan = await perform(terraformPlan, { dir }).then(() => undefined, (e: Error & { hint?: string }) => e);
      for (const e of [drift, plan]) {
        expect(e?.message).toMatch(/the state is locked by \S+@\S+ running apply since .* \(lock ID [0-9a-f-]{36}\)/);
        expect(e?.hint).toMatch(new RegExp(`release the lock yourself with: terraform -chdir=${dir} force-unlock [0-9a-f-]{36}$`));
      }
      expect(await holder.files.exists(lockInfo)).toBe(true);
    } finally {
      controller.abort();
      await running;
    }
  });
});
