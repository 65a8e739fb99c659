import { describe, expect, it } from 'vitest';
import { terraformApply } from './apply.js';
import { stateBackup, stateMove, stateRemove, stateRestore } from './state.js';
import { perform, readText, tempDir, terraform, writeFiles } from './testing.js';
import { workspaceDelete, workspaceNew } from './workspace.js';

const addresses = (dir: string) => terraform(dir, ['state', 'list']).stdout.split('\n').filter(Boolean);
const config = 'resource "terraform_data" "a" {\n  input = "a"\n}\n\nresource "terraform_data" "b" {\n  input = "b"\n}\n';

describe('terraform state with the real binary (built-in terraform_data only)', () => {
  it('backs the state up with its checksum, and restores it with state push after resources were forgotten', async () => {
    const dir = writeFiles(tempDir('backup'), { 'main.tf': config });
    await perform(terraformApply, { dir });
    const backup = (await perform(stateBackup, { dir })).output;
    expect(backup.path).toMatch(new RegExp(`^${dir}/\\.reign/state-default-backup-.*\\.tfstate$`));
    expect(terraform(dir, ['state', 'rm', 'terraform_data.a', 'terraform_data.b']).code).toBe(0);
    expect(addresses(dir)).toEqual([]);

    const restored = await perform(stateRestore, { dir, backup });

    expect(addresses(dir)).toEqual(['terraform_data.a', 'terraform_data.b']);
    // The restored state is the backup with the next serial, so Terraform accepted it without -force.
    const state = JSON.parse(terraform(dir, ['state', 'pull']).stdout);
    expect(state.serial).toBeGreaterThan(JSON.parse(readText(backup.path)).serial);
    expect(terraform(dir, ['plan', '-detailed-exitcode', '-input=false']).code).toBe(0);
    expect(restored.output.replaced?.path).toMatch(/before-restore/);
  });

  it('refuses to restore a backup whose checksum does not match', async () => {
    const dir = writeFiles(tempDir('badsum'), { 'main.tf': config });
    await perform(terraformApply, { dir });
    const backup = (await perform(stateBackup, { dir })).output;
    await expect(perform(stateRestore, { dir, backup: { ...backup, sha256: '0'.repeat(64) } })).rejects.toThrow(/changed since it was taken \(checksum mismatch\)/);
  });

  it('undoes a state rm by pushing the state saved before it', async () => {
    const dir = writeFiles(tempDir('rm'), { 'main.tf': config });
    await perform(terraformApply, { dir });
    const { input, output } = await perform(stateRemove, { dir, addresses: ['terraform_data.a'] });
    expect(addresses(dir)).toEqual(['terraform_data.b']);
    const undo = stateRemove.undo!(input, output)!;
    expect(undo.action).toBe('terraform.state.restore');
    await perform(stateRestore, undo.input);
    expect(addresses(dir)).toEqual(['terraform_data.a', 'terraform_data.b']);
  });

  it('undoes a state mv by moving the resource back', async () => {
    const dir = writeFiles(tempDir('mv'), { 'main.tf': config });
    await perform(terraformApply, { dir });
    const { input, output } = await perform(stateMove, { dir, from: 'terraform_data.a', to: 'terraform_data.renamed' });
    expect(addresses(dir)).toEqual(['terraform_data.b', 'terraform_data.renamed']);
    await perform(stateMove, stateMove.undo!(input, output)!.input);
    expect(addresses(dir)).toEqual(['terraform_data.a', 'terraform_data.b']);
  });

  it('undoes a new workspace by selecting the previous one and deleting it', async () => {
    const dir = writeFiles(tempDir('ws'), { 'main.tf': config });
    const { input, output } = await perform(workspaceNew, { dir, name: 'staging' });
    expect(terraform(dir, ['workspace', 'show']).stdout.trim()).toBe('staging');
    const undo = workspaceNew.undo!(input, output)!;
    expect(undo).toEqual({ action: 'terraform.workspace.delete', input: { dir, name: 'staging', switchTo: 'default' } });
    await perform(workspaceDelete, undo.input);
    expect(terraform(dir, ['workspace', 'list']).stdout.replace(/\s+/g, ' ').trim()).toBe('* default');
  });
});
