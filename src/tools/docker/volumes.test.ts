import { expect, it } from 'vitest';
import { LABELS } from '../../core/run.js';
import { isNotFound } from './engine.js';
import { volumeCreate, volumeInspect, volumeList, volumeRemove } from './volumes.js';
import { describeDocker, perform, performStep, useDockerTest } from './testing.js';

describeDocker('docker volumes', () => {
  const t = useDockerTest();
  const nameFor = (what: string) => `${what}-${t.ctx.runId}`;
  const volumeGone = (name: string) => t.docker.getVolume(name).inspect().then(() => false, (error: unknown) => isNotFound(error));

  it('creates a labelled volume and undoes it by removing it', async () => {
    const name = nameFor('data');
    const input = volumeCreate.input.parse({ name, labels: { app: 'shop' } });
    const output = await volumeCreate.run(input, t.ctx);
    expect(volumeCreate.creates?.(input, output)).toEqual([{ kind: 'docker.volume', id: name, name }]);
    expect((await perform(volumeInspect, { name }, t.ctx)).Labels).toMatchObject({ app: 'shop', [LABELS.run]: t.ctx.runId });
    expect((await perform(volumeList, { labels: { [LABELS.run]: t.ctx.runId } }, t.ctx)).map((v) => v.name)).toEqual([name]);

    await performStep(volumeCreate.undo?.(input, output), t.step('undo'));

    expect(await volumeGone(name)).toBe(true);
  });

  it('leaves an existing volume alone: creating it again records nothing to undo', async () => {
    const name = nameFor('kept');
    await perform(volumeCreate, { name }, t.ctx);
    const input = volumeCreate.input.parse({ name });
    const again = await volumeCreate.run(input, t.step('s2'));
    expect(again.existed).toBe(true);
    expect(volumeCreate.undo?.(input, again)).toBeUndefined();
    expect(volumeCreate.creates?.(input, again)).toEqual([]);
    expect((await t.docker.getVolume(name).inspect()).Labels).toMatchObject({ [LABELS.step]: 's1' });
  });

  it('removes a volume as an admin action that has no undo', async () => {
    const name = nameFor('doomed');
    await perform(volumeCreate, { name }, t.ctx);
    const input = volumeRemove.input.parse({ name });
    const output = await volumeRemove.run(input, t.ctx);
    expect(await volumeGone(name)).toBe(true);
    expect(volumeRemove.risk).toBe('admin');
    expect(volumeRemove.undo).toBeUndefined();
    expect(volumeRemove.title).toContain('cannot be undone');
    expect(volumeRemove.removes?.(input, output)).toEqual([{ kind: 'docker.volume', id: name, name }]);
  });
});
