import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { containerRun } from './containers.js';
import { isNotFound } from './engine.js';
import { imageBuild, localImageId } from './images.js';
import { labelledRemove } from './labelled.js';
import { networkCreate } from './networks.js';
import { volumeCreate } from './volumes.js';
import { describeDocker, perform, performStep, useDockerTest } from './testing.js';

const SLEEP = ['sh', '-c', 'trap "exit 0" TERM; sleep infinity & wait'];

describeDocker('docker objects found by their labels', () => {
  const t = useDockerTest();
  const nameFor = (what: string) => `${what}-${t.ctx.runId}`;
  const exists = (inspect: () => Promise<unknown>) => inspect().then(() => true, (error: unknown) => (isNotFound(error) ? false : Promise.reject(error)));

  it("undoes interrupted steps by removing what carries their labels, and only that step's objects", async () => {
    const network = nameFor('net');
    const volume = nameFor('vol');
    const container = nameFor('box');
    const other = nameFor('other');
    const at = (stepId: string) => ({ runId: t.ctx.runId, stepId });
    await perform(networkCreate, { name: network }, t.step('net'));
    await perform(volumeCreate, { name: volume }, t.step('vol'));
    await perform(containerRun, { name: container, image: 'debian', command: SLEEP, network }, t.step('box'));
    await perform(containerRun, { name: other, image: 'debian', command: SLEEP }, t.step('other'));

    await performStep(containerRun.undoInterrupted?.({} as never, at('box')), t.step('undo-box'));
    await performStep(networkCreate.undoInterrupted?.({} as never, at('net')), t.step('undo-net'));
    await performStep(volumeCreate.undoInterrupted?.({} as never, at('vol')), t.step('undo-vol'));

    expect(await exists(() => t.docker.getContainer(container).inspect())).toBe(false);
    expect(await exists(() => t.docker.getNetwork(network).inspect())).toBe(false);
    expect(await exists(() => t.docker.getVolume(volume).inspect())).toBe(false);
    expect(await exists(() => t.docker.getContainer(other).inspect())).toBe(true);
  });

  it('leaves alone a container made outside Reign from a Reign-built image, though it inherits the labels', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reign-labelled-'));
    t.onCleanup(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, 'Dockerfile'), 'FROM reign-test/debian:bookworm\nENV MADE_BY=reign\n');
    const image = `reign-docker-test/labelled:${t.ctx.runId}`;
    await perform(imageBuild, { context: dir, tag: image }, t.ctx);
    // Made directly, the way a user's own tooling would: no Reign labels of its own.
    const outsider = await t.docker.createContainer({ name: nameFor('outsider'), Image: image, Cmd: ['true'] });
    t.onCleanup(() => outsider.remove({ force: true }));
    expect((await outsider.inspect()).Config.Labels).toMatchObject({ 'dev.reign.step': 's1' });

    const result = await perform(labelledRemove, { runId: t.ctx.runId, stepId: 's1' }, t.step('undo'));

    expect(result.removed.map((r) => r.kind)).toEqual(['docker.image']);
    expect(await exists(() => outsider.inspect())).toBe(true);
    expect(await localImageId(t.ctx, image)).toBeUndefined();
  });
});
