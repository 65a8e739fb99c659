import { z } from 'zod';
import { defineAction, type Target } from '../../core/action.js';
import { ReignError } from '../../core/errors.js';
import { shellQuote } from '../../core/shell-quote.js';
import { address, environmentOf, terraform, terraformPreview, textChecksum, toStep, varFileArgs, WorkingDir } from './cli.js';
import { backupState, restoreState, StateBackup } from './state-backup.js';

/** The state itself: list, show, move, forget, import, back up and restore. */

const Where = WorkingDir.pick({ dir: true, workspace: true, environment: true });

const stateTarget = (input: z.infer<typeof Where>, destructive: boolean): Target[] => [
  { kind: 'terraform.state', name: input.workspace ?? 'default', environment: environmentOf({ ...input, varFiles: [] }), path: input.dir, destructive },
];

const stateList = defineAction({
  id: 'terraform.state.list',
  title: 'List the resources in the state',
  risk: 'read',
  input: Where,
  preview: (input) => terraformPreview(input, ['state', 'list']),
  async run(input, ctx) {
    const listed = await terraform(ctx, input, ['state', 'list'], { doing: 'state list', onLine: toStep(ctx) });
    return { addresses: listed.stdout.split('\n').filter(Boolean) };
  },
});

const stateShow = defineAction({
  id: 'terraform.state.show',
  title: 'Show one resource in the state (sensitive values masked by Terraform)',
  risk: 'read',
  input: Where.extend({ address: address('address') }),
  preview: (input) => terraformPreview(input, ['state', 'show', '-no-color', input.address]),
  async run(input, ctx) {
    const shown = await terraform(ctx, input, ['state', 'show', '-no-color', input.address], { doing: 'state show', onLine: toStep(ctx) });
    return { text: shown.stdout };
  },
});

const StateMove = Where.extend({ from: address('from'), to: address('to') });

export const stateMove = defineAction({
  id: 'terraform.state.mv',
  title: 'Move a resource to another address in the state (undo moves it back)',
  // A wrong move makes the next apply destroy and re-create: the shell judge rates it admin too.
  risk: 'admin',
  input: StateMove,
  targets: (input) => stateTarget(input, false),
  preview: (input) => terraformPreview(input, ['state', 'mv', input.from, input.to]),
  async run(input, ctx) {
    await terraform(ctx, input, ['state', 'mv', input.from, input.to], { doing: 'state mv', onLine: toStep(ctx) });
    return { from: input.from, to: input.to };
  },
  undo: (input) => ({ action: 'terraform.state.mv', input: { ...input, from: input.to, to: input.from } }),
});

const StateRemove = Where.extend({ addresses: z.array(address('addresses[]')).min(1, 'addresses: name at least one resource') });

export const stateRemove = defineAction({
  id: 'terraform.state.rm',
  title: 'Forget resources: remove them from the state, leaving them running (undo restores the state)',
  risk: 'admin',
  input: StateRemove,
  targets: (input) => stateTarget(input, true),
  preview: (input) => terraformPreview(input, ['state', 'rm', ...input.addresses]),
  async run(input, ctx) {
    const backup = await backupState(ctx, input, 'before-rm');
    if (!backup) throw new ReignError('not_found', `the ${input.workspace ?? 'default'} workspace in ${input.dir} has no state to remove from`);
    await terraform(ctx, input, ['state', 'rm', ...input.addresses], { doing: 'state rm', onLine: toStep(ctx) });
    return { removed: input.addresses, backup };
  },
  undo: (input, output) => ({ action: 'terraform.state.restore', input: { dir: input.dir, workspace: input.workspace, environment: input.environment, backup: output.backup } }),
});

const ImportInput = WorkingDir.extend({
  address: address('address'),
  /** The provider's id of the existing object (a bucket name, an ARN, a container id). */
  id: z.string().min(1).max(1024).regex(/^[^\0\n\r]+$/, 'id: expected one line'),
});

const stateImport = defineAction({
  id: 'terraform.import',
  title: 'Import an existing object into the state (undo forgets it again; the object stays)',
  risk: 'write',
  input: ImportInput,
  targets: (input) => stateTarget(input, false),
  preview: (input) => terraformPreview(input, ['import', '-input=false', '-no-color', ...varFileArgs(input), input.address, input.id]),
  async run(input, ctx) {
    await terraform(ctx, input, ['import', '-input=false', '-no-color', ...varFileArgs(input), input.address, input.id], { doing: 'import', onLine: toStep(ctx) });
    return { address: input.address, id: input.id };
  },
  undo: (input) => ({ action: 'terraform.state.rm', input: { dir: input.dir, workspace: input.workspace, environment: input.environment, addresses: [input.address] } }),
});

export const stateBackup = defineAction({
  id: 'terraform.state.backup',
  title: 'Back up the state to a timestamped file with its checksum',
  // It writes a file beside the configuration and changes nothing else.
  risk: 'write',
  input: Where,
  preview: (input) => `${terraformPreview(input, ['state', 'pull'])} > ${input.dir}/.reign/state-${input.workspace ?? 'default'}-backup-<time>.tfstate`,
  async run(input, ctx) {
    const backup = await backupState(ctx, input, 'backup');
    if (!backup) throw new ReignError('not_found', `the ${input.workspace ?? 'default'} workspace in ${input.dir} has no state to back up`);
    ctx.emit('progress', `state saved to ${backup.path} (sha256 ${backup.sha256})`);
    return backup;
  },
  creates: (_input, output) => [{ kind: 'file', id: output.path, name: output.path }],
});

const RestoreInput = Where.extend({
  /** A backup Reign took carries its checksum; for a file a person names, planning records it. */
  backup: StateBackup.extend({ sha256: StateBackup.shape.sha256.optional() }),
});

export const stateRestore = defineAction({
  id: 'terraform.state.restore',
  title: 'Restore the state from a backup (state push; undo pushes the state it replaced)',
  risk: 'admin',
  input: RestoreInput,
  targets: (input) => stateTarget(input, true),
  preview: (input) =>
    `${terraformPreview(input, ['state', 'push', '-'])} < ${shellQuote(input.backup.path)}  # ${input.backup.sha256 ? `checked against sha256 ${input.backup.sha256.slice(0, 12)}…, ` : ''}pushed with the next serial`,
  async prepare(input, ctx) {
    if (input.backup.sha256) return input;
    const text = await ctx.files.read(input.backup.path);
    if (text === undefined) throw new ReignError('not_found', `state backup ${input.backup.path} does not exist`);
    // Recorded now, so the restore refuses a file that changes between review and run.
    return { ...input, backup: { ...input.backup, sha256: textChecksum(text) } };
  },
  async run(input, ctx) {
    const { path, sha256 } = input.backup;
    if (!sha256) throw new ReignError('refused', `the checksum of ${path} was not recorded while planning`, 'plan the request again');
    const replaced = await restoreState(ctx, input, { path, sha256 });
    ctx.emit('progress', `state restored from ${input.backup.path}${replaced ? `; the state it replaced is saved in ${replaced.path}` : ''}`);
    return { restored: input.backup, ...(replaced ? { replaced } : {}) };
  },
  undo: (input, output) => (output.replaced ? { action: 'terraform.state.restore', input: { ...input, backup: output.replaced } } : undefined),
});

export const stateActions = [stateList, stateShow, stateMove, stateRemove, stateImport, stateBackup, stateRestore];
