import { readdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeDocker, perform, useDockerTest } from '../docker/testing.js';
import { composeBackup, composeRestore } from './backup.js';
import { composeDown, composeUp } from './lifecycle.js';
import { composeDownForTest, execIn, performComposeStep, testProject } from './testing.js';

describeDocker('compose.backup and compose.restore on the real engine', () => {
  const t = useDockerTest();
  const psql = (project: string, directory: string, sql: string) => execIn(project, directory, 'postgres', ['psql', '-U', 'app', '-d', 'app', '-tAc', sql]);

  it('a row written to Postgres survives backup, down with volumes, up and restore; the restore\'s undo puts back what it replaced', async () => {
    const project = `reign-pg-${t.ctx.runId.slice(-6)}`;
    const { directory, layout } = testProject(project, ['postgres']);
    t.onCleanup(() => composeDownForTest(project, directory));
    const ref = { project, directory };
    await perform(composeUp, { ...ref, layout }, t.ctx);
    expect((await psql(project, directory, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('kept across a restore')")).code).toBe(0);

    const into = join(directory, 'backups');
    const backup = await perform(composeBackup, { ...ref, service: 'postgres', using: 'postgres', into }, t.step('backup'));
    expect(backup.file).toMatch(new RegExp(`^${into}/${project}-postgres-\\d{8}T\\d{6}Z\\.sql$`));
    expect(readFileSync(`${backup.file}.sha256`, 'utf8')).toBe(`${backup.sha256}  ${backup.file.split('/').pop()}\n`);
    expect(readFileSync(backup.file, 'utf8')).toContain('kept across a restore');

    await perform(composeDown, { ...ref, removeVolumes: true }, t.step('down'));
    await perform(composeUp, { ...ref, layout }, t.step('up-again'));
    expect((await psql(project, directory, 'SELECT count(*) FROM pg_tables WHERE tablename = \'notes\'')).stdout.trim()).toBe('0');

    const restoreInput = composeRestore.input.parse({ ...ref, service: 'postgres', using: 'postgres', from: backup.file });
    const restored = await perform(composeRestore, restoreInput, t.step('restore'));
    expect((await psql(project, directory, 'SELECT body FROM notes')).stdout.trim()).toBe('kept across a restore');
    expect(readdirSync(into).filter((n) => n.includes('-before-restore'))).toHaveLength(2);

    // Undo restores the safety backup: the empty database the restore replaced.
    await performComposeStep(composeRestore.undo!(restoreInput, restored), t.step('undo'));
    expect((await psql(project, directory, 'SELECT count(*) FROM pg_tables WHERE tablename = \'notes\'')).stdout.trim()).toBe('0');
  });

  it('refuses to restore a backup that does not match its checksum, and one without a checksum', async () => {
    const project = `reign-sum-${t.ctx.runId.slice(-6)}`;
    const { directory, layout } = testProject(project, ['redis']);
    t.onCleanup(() => composeDownForTest(project, directory));
    const ref = { project, directory };
    await perform(composeUp, { ...ref, layout }, t.ctx);
    const backup = await perform(composeBackup, { ...ref, service: 'redis', using: 'redis', into: join(directory, 'backups') }, t.step('backup'));

    appendFileSync(backup.file, 'tampered');
    await expect(perform(composeRestore, { ...ref, service: 'redis', using: 'redis', from: backup.file }, t.step('restore'))).rejects.toThrow(/does not match its checksum .* refusing to restore it/);
    const unchecked = join(directory, 'backups', 'unchecked.rdb');
    writeFileSync(unchecked, 'x');
    await expect(perform(composeRestore, { ...ref, service: 'redis', using: 'redis', from: unchecked }, t.step('restore-2'))).rejects.toThrow(/unchecked\.rdb\.sha256 is missing/);
  });

  it('restores a Redis snapshot and a volume archive', async () => {
    const project = `reign-rdb-${t.ctx.runId.slice(-6)}`;
    const { directory, layout } = testProject(project, ['redis']);
    t.onCleanup(() => composeDownForTest(project, directory));
    const ref = { project, directory, service: 'redis' };
    const into = join(directory, 'backups');
    await perform(composeUp, { project, directory, layout }, t.ctx);
    const redis = (...args: string[]) => execIn(project, directory, 'redis', ['redis-cli', ...args]).then((r) => r.stdout.trim());

    await redis('SET', 'greeting', 'before');
    const snapshot = await perform(composeBackup, { ...ref, using: 'redis', into }, t.step('snapshot'));
    const archive = await perform(composeBackup, { ...ref, volumes: ['redis-data'], into }, t.step('archive'));
    expect(archive.file).toMatch(/\.tar\.gz$/);

    await redis('SET', 'greeting', 'after');
    await redis('SAVE');
    await perform(composeRestore, { ...ref, using: 'redis', from: snapshot.file }, t.step('restore-snapshot'));
    expect(await redis('GET', 'greeting')).toBe('before');

    await redis('SET', 'greeting', 'after');
    await redis('SAVE');
    await perform(composeRestore, { ...ref, volumes: ['redis-data'], from: archive.file }, t.step('restore-archive'));
    expect(await redis('GET', 'greeting')).toBe('before');
  });
});
