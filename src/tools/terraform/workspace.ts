import { z } from 'zod';
import { defineAction } from '../../core/action.js';
import type { Context } from '../../core/context.js';
import { directory, terraform, terraformPreview, workspaceName } from './cli.js';

/**
 * Workspaces of a working directory. These run without TF_WORKSPACE: they change which workspace
 * the directory has selected, as `terraform workspace …` does for a person.
 */

const Dir = z.object({ dir: directory });
const Named = Dir.extend({ name: workspaceName('name') });

async function currentWorkspace(ctx: Context, dir: string): Promise<string> {
  return (await terraform(ctx, { dir }, ['workspace', 'show'], { doing: 'workspace show' })).stdout.trim() || 'default';
}

const workspaceList = defineAction({
  id: 'terraform.workspace.list',
  title: 'List workspaces',
  risk: 'read',
  input: Dir,
  preview: (input) => terraformPreview(input, ['workspace', 'list']),
  async run(input, ctx) {
    const listed = await terraform(ctx, input, ['workspace', 'list'], { doing: 'workspace list' });
    const lines = listed.stdout.split('\n').filter((l) => l.trim());
    const workspaces = lines.map((l) => l.replace(/^\*?\s*/, '').trim());
    const current = lines.find((l) => l.startsWith('*'))?.slice(1).trim() ?? 'default';
    ctx.emit('stdout', workspaces.map((w) => (w === current ? `* ${w}` : `  ${w}`)).join('\n'));
    return { workspaces, current };
  },
});

export const workspaceNew = defineAction({
  id: 'terraform.workspace.new',
  title: 'Create a workspace and select it (undo selects the previous one and deletes it)',
  risk: 'write',
  input: Named,
  // An empty workspace changes nothing in the environment it is named after: no protected target.
  preview: (input) => terraformPreview(input, ['workspace', 'new', input.name]),
  async run(input, ctx) {
    const previous = await currentWorkspace(ctx, input.dir);
    await terraform(ctx, input, ['workspace', 'new', input.name], { doing: `workspace new ${input.name}` });
    return { name: input.name, previous };
  },
  undo: (input, output) => ({ action: 'terraform.workspace.delete', input: { dir: input.dir, name: input.name, switchTo: output.previous } }),
});

const workspaceSelect = defineAction({
  id: 'terraform.workspace.select',
  title: 'Select a workspace (undo selects the previous one)',
  risk: 'write',
  input: Named,
  preview: (input) => terraformPreview(input, ['workspace', 'select', input.name]),
  async run(input, ctx) {
    const previous = await currentWorkspace(ctx, input.dir);
    await terraform(ctx, input, ['workspace', 'select', input.name], { doing: `workspace select ${input.name}` });
    return { name: input.name, previous };
  },
  undo: (input, output) => ({ action: 'terraform.workspace.select', input: { dir: input.dir, name: output.previous } }),
});

export const workspaceDelete = defineAction({
  id: 'terraform.workspace.delete',
  title: 'Delete an empty workspace (Terraform refuses one that still tracks resources)',
  risk: 'admin',
  input: Named.extend({
    /** The workspace to select first, since the selected one cannot be deleted. */
    switchTo: workspaceName('switchTo').optional(),
  }),
  targets: (input) => [{ kind: 'terraform.workspace', name: input.name, environment: input.name, destructive: true }],
  preview: (input) =>
    [...(input.switchTo ? [terraformPreview(input, ['workspace', 'select', input.switchTo])] : []), terraformPreview(input, ['workspace', 'delete', input.name])].join(' && '),
  async run(input, ctx) {
    if (input.switchTo) await terraform(ctx, input, ['workspace', 'select', input.switchTo], { doing: `workspace select ${input.switchTo}` });
    // Never -force: a workspace whose state still tracks resources would orphan them.
    await terraform(ctx, input, ['workspace', 'delete', input.name], { doing: `workspace delete ${input.name}` });
    return { name: input.name };
  },
});

export const workspaceActions = [workspaceList, workspaceNew, workspaceSelect, workspaceDelete];
