import { basename, dirname } from 'node:path';
import { z } from 'zod';
import { SERVICE_CATALOG } from '../../catalog/index.js';
import type { BackupMethod } from '../../catalog/service.js';
import { defineAction, type PreviewContext } from '../../core/action.js';
import type { Context } from '../../core/context.js';
import { ReignError } from '../../core/errors.js';
import { ARCHIVE_IMAGE } from '../../generate/compose/backups.js';
import { reignLabels } from '../docker/engine.js';
import { keyValues, shellCommand } from '../docker/preview.js';
import { objectName } from '../docker/schemas.js';
import { composeWords } from './cli.js';
import { serviceContainer, waitHealthy } from './project.js';
import { runCompose, runDocker, runTool, settled } from './run.js';
import { absolutePath, ProjectRef, serviceName, type ComposeCli } from './schemas.js';

/**
 * Backups a person can trust: database-aware where the catalog knows how (pg_dump, mysqldump,
 * mongodump, a Redis snapshot), an archive of the service's named volumes otherwise. Each is a
 * timestamped file with a `sha256sum` file beside it; a restore checks that first and refuses on
 * a mismatch, and takes a backup of what it is about to replace, which is its undo.
 */

const WITH_METHOD = Object.values(SERVICE_CATALOG).filter((e) => e.backup).map((e) => e.name) as [string, ...string[]];

const BackupTarget = ProjectRef.extend({
  service: serviceName('service'),
  /** The catalog service whose database-aware method to use; without it the volumes are archived. */
  using: z.enum(WITH_METHOD, { error: `using: expected one of ${WITH_METHOD.join(', ')}` }).optional(),
  /** Named volumes of the service (as in compose.yaml), archived when there is no method. */
  volumes: z.array(objectName('volumes[]', 'volume')).default([]),
});
type BackupTarget = z.infer<typeof BackupTarget>;

const ComposeBackup = BackupTarget.extend({ into: absolutePath('into') });
type ComposeBackup = z.infer<typeof ComposeBackup>;

/** `from`, not `file`: `file` is the project's compose file. */
const ComposeRestore = BackupTarget.extend({ from: absolutePath('from') });
type ComposeRestore = z.infer<typeof ComposeRestore>;

type Ref = ProjectRef & { cli: ComposeCli };

function methodOf(input: BackupTarget): BackupMethod | undefined {
  return input.using ? SERVICE_CATALOG[input.using]!.backup : undefined;
}

function extensionOf(input: BackupTarget): string {
  return methodOf(input)?.extension ?? 'tar.gz';
}

function checkTarget(input: BackupTarget): void {
  if (!methodOf(input) && input.volumes.length === 0) {
    throw new ReignError('usage', `service ${input.service} has no backup method and no named volumes: there is nothing to back up`);
  }
}

/** `20250102T030405Z`: sorts by time, and is what `date -u +%Y%m%dT%H%M%SZ` prints. */
function backupStamp(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

const volumeMounts = (project: string, volumes: string[], mode: ':ro' | '') => volumes.flatMap((v) => ['-v', `${project}_${v}:/volumes/${v}${mode}`]);
const clearVolumes = (volumes: string[]) => volumes.map((v) => `find /volumes/${v} -mindepth 1 -delete`).join(' && ');

function backupPreview(input: ComposeBackup, view: PreviewContext): string {
  const method = methodOf(input);
  const file = `"${input.into}/${input.project}-${input.service}-$(date -u +%Y%m%dT%H%M%SZ).${extensionOf(input)}"`;
  const container = `"$(${shellCommand(composeWords(input, ['ps', '-q', input.service]))})"`;
  const steps = [shellCommand(['mkdir', '-p', input.into]), `f=${file}`];
  if (!method) {
    steps.push(`${shellCommand(['docker', 'run', '--rm', ...volumeMounts(input.project, input.volumes, ':ro'), '-v', `${input.into}:/backup`, view.images.resolve(ARCHIVE_IMAGE), 'tar', '-czf'])} "/backup/$(basename "$f")" -C /volumes .`);
  } else {
    steps.push(shellCommand(composeWords(input, ['exec', '-T', input.service, ...(method.kind === 'dump' ? ['sh', '-c', method.dump] : method.snapshot)])));
    steps.push(`docker cp ${container}:${method.file} "$f"`);
    if (method.kind === 'dump') steps.push(shellCommand(composeWords(input, ['exec', '-T', input.service, 'rm', '-f', method.file])));
  }
  steps.push(`(cd ${shellCommand([input.into])} && sha256sum "$(basename "$f")" > "$(basename "$f").sha256")`);
  return steps.join(' && ');
}

/** Makes one backup file and its checksum file; shared by backup and by restore's safety copy. */
async function takeBackup(ctx: Context, ref: Ref, input: BackupTarget, into: string, suffix = ''): Promise<{ file: string; sha256: string }> {
  const file = `${into}/${ref.project}-${input.service}-${backupStamp(ctx.clock.now())}${suffix}.${extensionOf(input)}`;
  await runTool(ctx, 'mkdir', ['-p', into]);
  const method = methodOf(input);
  if (!method) {
    const image = ctx.images.resolve(ARCHIVE_IMAGE);
    await runDocker(ctx, ['run', '--rm', ...keyValues('--label', reignLabels(ctx)), ...volumeMounts(ref.project, input.volumes, ':ro'), '-v', `${into}:/backup`, image, 'tar', '-czf', `/backup/${basename(file)}`, '-C', '/volumes', '.']);
  } else {
    ctx.emit('progress', `${method.tool} in ${input.service}`);
    await runCompose(ctx, ref, ['exec', '-T', input.service, ...(method.kind === 'dump' ? ['sh', '-c', method.dump] : method.snapshot)]);
    const container = await serviceContainer(ctx, ref.project, input.service);
    await runDocker(ctx, ['cp', `${container.id}:${method.file}`, file]);
    if (method.kind === 'dump') await runCompose(ctx, ref, ['exec', '-T', input.service, 'rm', '-f', method.file]);
  }
  const sha256 = await checksumOf(ctx, file);
  await ctx.files.write(`${file}.sha256`, `${sha256}  ${basename(file)}\n`);
  ctx.emit('progress', `wrote ${file} (sha256 ${sha256.slice(0, 12)}…)`);
  return { file, sha256 };
}

async function checksumOf(ctx: Context, file: string): Promise<string> {
  const result = await runTool(ctx, 'sha256sum', ['--', file]);
  const sum = /^([a-f0-9]{64})\s/.exec(result.stdout)?.[1];
  if (!sum) throw new ReignError('failure', `sha256sum ${file} printed no checksum`);
  return sum;
}

export const composeBackup = defineAction({
  id: 'compose.backup',
  title: 'Back up a service of a Compose stack to a timestamped file with a checksum',
  risk: 'write',
  input: ComposeBackup,
  preview: backupPreview,
  prepare: async (input, ctx) => ({ ...input, cli: (await settled(input, ctx)).cli }),
  targets: (input) => [{ kind: 'compose.project', name: input.project, path: input.directory }, { kind: 'file', path: input.into }],
  async run(input, ctx) {
    checkTarget(input);
    const ref = await settled(input, ctx);
    return takeBackup(ctx, ref, input, input.into);
  },
  creates: (_input, output) => [
    { kind: 'file', id: output.file, name: output.file },
    { kind: 'file', id: `${output.file}.sha256`, name: `${output.file}.sha256` },
  ],
});

function restorePreview(input: ComposeRestore, view: PreviewContext): string {
  const method = methodOf(input);
  const dir = dirname(input.from);
  const name = basename(input.from);
  const container = `"$(${shellCommand(composeWords(input, ['ps', '-q', input.service]))})"`;
  const steps = [`(cd ${shellCommand([dir])} && sha256sum --check --quiet ${shellCommand([`${name}.sha256`])})`];
  if (!method) {
    steps.push(
      shellCommand(composeWords(input, ['stop', input.service])),
      shellCommand(['docker', 'run', '--rm', ...volumeMounts(input.project, input.volumes, ''), '-v', `${dir}:/backup:ro`, view.images.resolve(ARCHIVE_IMAGE), 'sh', '-c', `${clearVolumes(input.volumes)} && tar -xzf /backup/${name} -C /volumes`]),
      shellCommand(composeWords(input, ['start', input.service])),
    );
  } else if (method.kind === 'snapshot') {
    steps.push(shellCommand(composeWords(input, ['stop', input.service])), `docker cp ${shellCommand([input.from])} ${container}:${method.file}`, shellCommand(composeWords(input, ['start', input.service])));
  } else {
    steps.push(
      `docker cp ${shellCommand([input.from])} ${container}:${method.file}`,
      shellCommand(composeWords(input, ['exec', '-T', input.service, 'sh', '-c', method.restore])),
      shellCommand(composeWords(input, ['exec', '-T', input.service, 'rm', '-f', method.file])),
    );
  }
  return `${steps.join(' && ')}  # after the checksum, Reign backs up the current data first: that backup is the undo`;
}

export const composeRestore = defineAction({
  id: 'compose.restore',
  title: 'Restore a service of a Compose stack from a backup, after checking its checksum (replaces its data)',
  risk: 'admin',
  input: ComposeRestore,
  preview: restorePreview,
  prepare: async (input, ctx) => ({ ...input, cli: (await settled(input, ctx)).cli }),
  targets: (input) => [{ kind: 'compose.project', name: input.project, path: input.directory, destructive: true }],
  async run(input, ctx) {
    checkTarget(input);
    const ref = await settled(input, ctx);
    await verifyChecksum(ctx, input.from);
    const safety = await takeBackup(ctx, ref, input, dirname(input.from), '-before-restore');
    const method = methodOf(input);
    const container = await serviceContainer(ctx, ref.project, input.service);
    ctx.emit('progress', `restoring ${input.service} from ${input.from}`);
    if (!method) {
      await runCompose(ctx, ref, ['stop', input.service]);
      const image = ctx.images.resolve(ARCHIVE_IMAGE);
      await runDocker(ctx, ['run', '--rm', ...keyValues('--label', reignLabels(ctx)), ...volumeMounts(ref.project, input.volumes, ''), '-v', `${dirname(input.from)}:/backup:ro`, image, 'sh', '-c', `${clearVolumes(input.volumes)} && tar -xzf /backup/${basename(input.from)} -C /volumes`]);
      await runCompose(ctx, ref, ['start', input.service]);
      await waitHealthy(ctx, ref, [input.service], 300);
    } else if (method.kind === 'snapshot') {
      // Stopped first: a running server would overwrite the file with its own snapshot on exit.
      await runCompose(ctx, ref, ['stop', input.service]);
      await runDocker(ctx, ['cp', input.from, `${container.id}:${method.file}`]);
      await runCompose(ctx, ref, ['start', input.service]);
      await waitHealthy(ctx, ref, [input.service], 300);
    } else {
      await runDocker(ctx, ['cp', input.from, `${container.id}:${method.file}`]);
      await runCompose(ctx, ref, ['exec', '-T', input.service, 'sh', '-c', method.restore]);
      await runCompose(ctx, ref, ['exec', '-T', input.service, 'rm', '-f', method.file]);
    }
    return { from: input.from, safetyBackup: safety.file };
  },
  undo: (input, output) => ({ action: 'compose.restore', input: { ...input, from: output.safetyBackup } }),
  creates: (_input, output) => [
    { kind: 'file', id: output.safetyBackup, name: output.safetyBackup },
    { kind: 'file', id: `${output.safetyBackup}.sha256`, name: `${output.safetyBackup}.sha256` },
  ],
});

/** Refuses a backup whose checksum file is missing or does not match its content. */
async function verifyChecksum(ctx: Context, file: string): Promise<void> {
  const recorded = (await ctx.files.read(`${file}.sha256`))?.trim().split(/\s+/)[0];
  if (!recorded) throw new ReignError('failure', `${file}.sha256 is missing: refusing to restore a backup that cannot be checked`, 'restore a backup Reign (or make backup) wrote, which has its checksum beside it');
  const actual = await checksumOf(ctx, file);
  if (actual !== recorded) throw new ReignError('failure', `${file} does not match its checksum (expected ${recorded}, got ${actual}): refusing to restore it`, 'the file was changed or damaged; pick another backup');
  ctx.emit('progress', `checksum of ${basename(file)} verified`);
}

export const backupActions = [composeBackup, composeRestore];
