import { z } from 'zod';
import type { Clients } from '../../core/context.js';
import { ReignError } from '../../core/errors.js';
import { stamp, terraform, textChecksum, type WorkingDir } from './cli.js';

/**
 * State backups: `terraform state pull` to a timestamped file with its checksum, and the way back
 * with `terraform state push`. A restore checks the checksum and the lineage (a state from another
 * configuration is refused) and pushes with the next serial, so Terraform accepts it without
 * `-force`.
 */

export const StateBackup = z.object({
  path: z.string().regex(/^\/[A-Za-z0-9_.@+\/-]*\.tfstate$/, 'path: expected an absolute path ending in .tfstate'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256: expected 64 hex digits'),
});
export type StateBackup = z.infer<typeof StateBackup>;

type Runner = Pick<Clients, 'processes' | 'files' | 'scratch' | 'clock'> & { signal: AbortSignal };

interface StateFile {
  lineage?: string;
  serial?: number;
  resources?: unknown[];
}

/** The current state's text, or `undefined` when the workspace has none yet. */
async function pullState(ctx: Runner, where: Pick<WorkingDir, 'dir' | 'workspace'>): Promise<string | undefined> {
  const pulled = await terraform(ctx, where, ['state', 'pull'], { doing: 'state pull' });
  return pulled.stdout.trim() ? pulled.stdout : undefined;
}

/** Saves the current state beside the configuration (readable by the owner only). */
export async function backupState(ctx: Runner, where: Pick<WorkingDir, 'dir' | 'workspace'>, why: string): Promise<StateBackup | undefined> {
  const state = await pullState(ctx, where);
  if (state === undefined) return undefined;
  const path = `${await ctx.scratch.folderFor(where.dir)}/state-${where.workspace ?? 'default'}-${why}-${stamp(ctx.clock.now())}.tfstate`;
  await ctx.files.write(path, state, 0o600);
  return { path, sha256: textChecksum(state) };
}

/** Pushes a backup as the workspace's state; returns the backup taken of the state it replaced. */
export async function restoreState(ctx: Runner, where: Pick<WorkingDir, 'dir' | 'workspace'>, backup: StateBackup): Promise<StateBackup | undefined> {
  const text = await ctx.files.read(backup.path);
  if (text === undefined) throw new ReignError('not_found', `state backup ${backup.path} does not exist`);
  if (textChecksum(text) !== backup.sha256) {
    throw new ReignError('refused', `state backup ${backup.path} changed since it was taken (checksum mismatch)`, 'restore only a backup whose checksum matches the one recorded');
  }
  const saved = JSON.parse(text) as StateFile;
  const currentText = await pullState(ctx, where);
  const current = currentText ? (JSON.parse(currentText) as StateFile) : undefined;
  if (current?.lineage && saved.lineage !== current.lineage) {
    throw new ReignError('refused', `state backup ${backup.path} belongs to another state (lineage ${saved.lineage}, current ${current.lineage})`, 'restore a backup taken from this workspace');
  }
  const previous = await backupState(ctx, where, 'before-restore');
  const pushed = { ...saved, serial: Math.max(saved.serial ?? 0, current?.serial ?? 0) + 1 };
  await terraform(ctx, where, ['state', 'push', '-'], { doing: 'state push', input: JSON.stringify(pushed, null, 2) });
  return previous;
}
