import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeDocker, perform, useDockerTest } from '../docker/testing.js';
import { composeUp } from './lifecycle.js';
import { composeLogs, composePs, composeScale, composeUpdate } from './operate.js';
import { projectContainers } from './project.js';
import { composeDownForTest, performComposeStep, testProject } from './testing.js';

describeDocker('compose.scale, compose.update, compose.ps and compose.logs on the real engine', () => {
  const t = useDockerTest();

  it('scales a service and scales it back on undo; changes its image in compose.yaml and puts it back on undo', async () => {
    const project = `reign-op-${t.ctx.runId.slice(-6)}`;
    const { directory, layout } = testProject(project, ['redis']);
    t.onCleanup(() => composeDownForTest(project, directory));
    await perform(composeUp, { project, directory, layout }, t.ctx);

    const scaleInput = composeScale.input.parse({ project, directory, service: 'redis', replicas: 2, layout });
    const scaled = await perform(composeScale, scaleInput, t.step('scale'));
    expect(scaled).toEqual({ service: 'redis', previous: 1, replicas: 2 });
    expect((await projectContainers(t, project, 'redis')).map((c) => c.health)).toEqual(['healthy', 'healthy']);
    await performComposeStep(composeScale.undo!(scaleInput, scaled), t.step('unscale'));
    expect(await projectContainers(t, project, 'redis')).toHaveLength(1);

    const updateInput = composeUpdate.input.parse({ project, directory, service: 'redis', image: 'redis:7.4', layout });
    const updated = await perform(composeUpdate, updateInput, t.step('update'));
    expect(updated).toEqual({ service: 'redis', previous: 'redis:7', image: 'redis:7.4' });
    expect(readFileSync(join(directory, 'compose.yaml'), 'utf8')).toContain('image: redis:7.4\n');
    await performComposeStep(composeUpdate.undo!(updateInput, updated), t.step('update-back'));
    expect(readFileSync(join(directory, 'compose.yaml'), 'utf8')).toContain('image: redis:7\n');

    const ps = await perform(composePs, { project, directory }, t.step('ps'));
    expect(ps.services).toEqual([expect.objectContaining({ service: 'redis', state: 'running', health: 'healthy' })]);
    await perform(composeLogs, { project, directory, service: 'redis', tail: 5 }, t.step('logs'));
    expect(t.output.some((line) => line.stream === 'stdout' && /redis_1/.test(line.text))).toBe(true);
  });
});
