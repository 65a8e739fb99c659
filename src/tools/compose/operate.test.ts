import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeDocker, perform, performStep, useDockerTest } from '../docker/testing.js';
import { composeUp, prepareProject } from './lifecycle.js';
import { composeLogs, composePs, composeScale, composeUpdate } from './operate.js';
import { projectContainers } from './project.js';
import { composeDownForTest, freePortRange, performComposeStep, testProject } from './testing.js';
import { planningFrom } from '../../clients/planning.js';
import { DOMAINS } from '../index.js';

/** A one-service project publishing `ports`, written by hand (the catalog's stacks fix their ports). */
function redisProject(ports: string[]): string {
  const directory = mkdtempSync(join(tmpdir(), 'reign-compose-'));
  writeFileSync(
    join(directory, 'compose.yaml'),
    ['services:', '  redis:', '    image: redis:7', `    ports: ${JSON.stringify(ports)}`, '    healthcheck: { test: ["CMD", "redis-cli", "ping"], interval: 1s }', ''].join('\n'),
  );
  return directory;
}

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
    // The first container stays the up step's; the one the scale started is the scale step's.
    const byNumber = (await projectContainers(t, project, 'redis')).sort((a, b) => a.number - b.number);
    expect(byNumber.map((c) => c.labels['dev.reign.step'])).toEqual(['s1', 'scale']);
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

  it('refuses while planning to run 3 of a service with a fixed host port, naming the service and the port', async () => {
    const project = `reign-fixed-${t.ctx.runId.slice(-6)}`;
    const port = await freePortRange(1);
    const directory = redisProject([`127.0.0.1:${port}:6379`]);
    const planned = await prepareProject(composeScale.input.parse({ project, directory, service: 'redis', replicas: 3 }), { ...planningFrom(t.ctx, DOMAINS), signal: t.ctx.signal, emit: () => {} }, true);
    expect(planned.layout?.services).toEqual([{ name: 'redis', image: 'redis:7', publishes: [String(port)] }]);
    const checked = composeScale.input.safeParse(planned);
    expect(checked.success).toBe(false);
    expect(checked.error?.issues[0]?.message).toBe(`cannot run 3 of redis: it publishes host port ${port}, and each replica would need host port ${port}; publish a range or drop the host port`);
    expect(composeScale.input.safeParse({ ...planned, replicas: 1 }).success).toBe(true);
  });

  it('a scale whose replicas cannot all start fails, and its sweep removes what it started, Created containers too', async () => {
    const project = `reign-clash-${t.ctx.runId.slice(-6)}`;
    const base = await freePortRange(3);
    const directory = redisProject([`127.0.0.1:${base}-${base + 2}:6379`]);
    const blocker = `reign-blocker-${t.ctx.runId.slice(-6)}`;
    t.onCleanup(async () => spawnSync('docker', ['rm', '-f', blocker]));
    t.onCleanup(() => composeDownForTest(project, directory));
    await perform(composeUp, { project, directory, timeoutSeconds: 60 }, t.ctx);
    // Someone else holds one port of the range: the third replica gets none and stays Created.
    expect(spawnSync('docker', ['run', '-d', '--name', blocker, '-p', `127.0.0.1:${base + 1}:6379`, 'reign-test/redis:7']).status).toBe(0);

    const input = composeScale.input.parse({ project, directory, service: 'redis', replicas: 3, timeoutSeconds: 60 });
    await expect(perform(composeScale, input, t.step('scale'))).rejects.toThrow(/exited with 1/);
    const states = (await projectContainers(t, project, 'redis')).map((c) => `${c.labels['dev.reign.step']} ${c.state}`).sort();
    expect(states).toEqual(['s1 running', 'scale created', 'scale running']);

    // What the executor runs for a failed step, and `reign rollback` for an interrupted one.
    await performStep(composeScale.undoInterrupted!(input, { runId: t.ctx.runId, stepId: 'scale' }), t.step('scale'));
    expect((await projectContainers(t, project, 'redis')).map((c) => `${c.labels['dev.reign.step']} ${c.state}`)).toEqual(['s1 running']);
    expect(spawnSync('docker', ['inspect', '--format', '{{.State.Status}}', blocker], { encoding: 'utf8' }).stdout.trim()).toBe('running');
  });
});
