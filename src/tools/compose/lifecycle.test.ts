import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeDocker, perform, useDockerTest } from '../docker/testing.js';
import { overridePath } from './cli.js';
import { composeDown, composeUp } from './lifecycle.js';
import { projectContainers } from './project.js';
import { composeDownForTest, execIn, performComposeStep, testProject } from './testing.js';

describeDocker('compose.up and compose.down on the real engine', () => {
  const t = useDockerTest();

  it('brings postgres and redis up healthy on the mapped images with Reign\'s labels, and its undo leaves nothing behind', async () => {
    const project = `reign-up-${t.ctx.runId.slice(-6)}`;
    const { directory, layout } = testProject(project, ['postgres', 'redis']);
    t.onCleanup(() => composeDownForTest(project, directory));
    const input = { project, directory, layout };

    const output = await perform(composeUp, input, t.ctx);
    expect(output).toMatchObject({ project, services: [{ service: 'postgres', health: 'healthy', reach: 'inside the stack' }, { service: 'redis', health: 'healthy', reach: 'inside the stack' }], createdProject: true });
    expect(t.output.some((line) => line.text.startsWith('postgres: healthy'))).toBe(true);

    const containers = await t.docker.listContainers({ filters: { label: [`com.docker.compose.project=${project}`] } });
    expect(containers.map((c) => c.Image).sort()).toEqual(['reign-test/postgres:15', 'reign-test/redis:7']);
    expect(containers.every((c) => c.Labels['dev.reign.run'] === t.ctx.runId)).toBe(true);
    const { Volumes } = await t.docker.listVolumes({ filters: { label: [`dev.reign.run=${t.ctx.runId}`] } });
    expect(Volumes.map((v) => v.Name).sort()).toEqual([`${project}_postgres-data`, `${project}_redis-data`]);
    expect((await execIn(project, directory, 'postgres', ['pg_isready', '-h', '127.0.0.1', '-U', 'app'])).code).toBe(0);
    expect((await execIn(project, directory, 'redis', ['redis-cli', 'ping'])).stdout.trim()).toBe('PONG');

    const undo = composeUp.undo!(composeUp.input.parse(input), output);
    expect(undo).toMatchObject({ action: 'compose.down', input: { project, createdBy: { runId: t.ctx.runId, stepId: 's1' } } });
    await performComposeStep(undo, t.step('undo'));
    expect(await projectContainers(t, project)).toEqual([]);
    expect((await t.docker.listVolumes({ filters: { label: [`dev.reign.run=${t.ctx.runId}`] } })).Volumes).toEqual([]);
    expect(existsSync(overridePath({ project, directory, file: 'compose.yaml' }))).toBe(false);
  });

  it('fails naming the service that never becomes healthy, with its last log lines', async () => {
    const project = `reign-sick-${t.ctx.runId.slice(-6)}`;
    const directory = mkdtempSync(join(tmpdir(), 'reign-compose-'));
    writeFileSync(
      join(directory, 'compose.yaml'),
      [
        'services:',
        '  cache:',
        '    image: redis:7',
        '    healthcheck:',
        '      test: ["CMD", "redis-cli", "ping"]',
        '      interval: 1s',
        '  broken:',
        '    image: redis:7',
        '    command: ["sh", "-c", "echo starting the broken service; exec redis-server"]',
        '    healthcheck:',
        '      test: ["CMD", "false"]',
        '      interval: 1s',
        '      retries: 2',
        '',
      ].join('\n'),
    );
    t.onCleanup(() => composeDownForTest(project, directory));

    const up = perform(composeUp, { project, directory, timeoutSeconds: 60 }, t.ctx);
    await expect(up).rejects.toThrow(/service broken is unhealthy; its last log lines:\n.*starting the broken service/s);
    // What the failed step made is found by name and label, as after a crash.
    await performComposeStep(composeUp.undoInterrupted!(composeUp.input.parse({ project, directory }), { runId: t.ctx.runId, stepId: 's1' }), t.step('sweep'));
    expect(await projectContainers(t, project)).toEqual([]);
  });

  it('takes a stack down keeping its volumes, and its undo brings it back', async () => {
    const project = `reign-down-${t.ctx.runId.slice(-6)}`;
    const { directory, layout } = testProject(project, ['redis']);
    t.onCleanup(() => composeDownForTest(project, directory));
    await perform(composeUp, { project, directory, layout }, t.ctx);

    const input = composeDown.input.parse({ project, directory });
    const output = await perform(composeDown, input, t.step('down'));
    expect(await projectContainers(t, project)).toEqual([]);
    expect((await t.docker.listVolumes({ filters: { label: [`com.docker.compose.project=${project}`] } })).Volumes).toHaveLength(1);
    await performComposeStep(composeDown.undo!(input, output), t.step('undo'));
    expect((await projectContainers(t, project)).map((c) => c.health)).toEqual(['healthy']);
  });
});
