import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { createImageResolver } from '../../clients/images.js';
import { CancelledError } from '../../core/errors.js';
import { LABELS } from '../../core/run.js';
import { imageBuild, imageList, imagePull, imagePush, imageRemove, imageTag, localImageId } from './images.js';
import { describeDocker, perform, performStep, useDockerTest } from './testing.js';

describeDocker('docker images', () => {
  const t = useDockerTest();
  const tagFor = (what: string) => `reign-docker-test/${what}:${t.ctx.runId}`;
  const idOf = (image: string) => localImageId(t.ctx, image);

  /** A build context with these files, removed after the test. */
  async function contextWith(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'reign-build-'));
    t.onCleanup(() => rm(dir, { recursive: true, force: true }));
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
    return dir;
  }

  /** Removes a tag the test made without labels (tags carry none). */
  const untagAfter = (tag: string) => t.onCleanup(() => t.docker.getImage(tag).remove());

  it('builds from a context directory, streaming the output, and tags and labels the image', async () => {
    const context = await contextWith({
      Dockerfile: 'FROM reign-test/debian:bookworm\nCOPY hello.txt /hello.txt\nRUN echo "built by the test" && cat /hello.txt\n',
      'hello.txt': 'hello from the context\n',
    });
    const tag = tagFor('built');
    const input = imageBuild.input.parse({ context, tag, labels: { app: 'shop' } });
    const output = await imageBuild.run(input, t.ctx);

    const lines = t.output.map((o) => o.text);
    expect(lines).toContainEqual(expect.stringMatching(/^Step 1\/\d+ : FROM reign-test\/debian:bookworm$/));
    expect(lines).toContain(`Successfully tagged ${tag}`);
    expect(lines).toContain('built by the test');
    expect(lines).toContain('hello from the context');
    expect(output).toMatchObject({ tag, previousId: undefined });
    expect(await idOf(tag)).toBe(output.id);
    const info = await t.docker.getImage(tag).inspect();
    expect(info.Config.Labels).toMatchObject({ app: 'shop', [LABELS.run]: t.ctx.runId, [LABELS.step]: 's1' });
    expect(imageBuild.creates?.(input, output)).toEqual([{ kind: 'docker.image', id: output.id, name: tag }]);

    await performStep(imageBuild.undo?.(input, output), t.step('undo'));
    expect(await idOf(tag)).toBeUndefined();
  });

  it("fails a build with the build's own error message", async () => {
    const context = await contextWith({ Dockerfile: 'FROM reign-test/debian:bookworm\nRUN echo "about to fail" && exit 3\n' });
    const tag = tagFor('broken');
    await expect(perform(imageBuild, { context, tag }, t.ctx)).rejects.toThrow(
      `build ${tag}: The command '/bin/sh -c echo "about to fail" && exit 3' returned a non-zero code: 3`,
    );
    expect(t.output.map((o) => o.text)).toContain('about to fail');
    expect(await idOf(tag)).toBeUndefined();
  });

  it('undoes a build over an existing tag by pointing the tag back at the previous image', async () => {
    const tag = tagFor('retag');
    const debianId = await idOf('reign-test/debian:bookworm');
    await perform(imageTag, { source: 'debian', tag }, t.ctx);
    untagAfter(tag);
    const context = await contextWith({ Dockerfile: 'FROM reign-test/debian:bookworm\nENV BUILT=1\n' });

    const input = imageBuild.input.parse({ context, tag });
    const output = await imageBuild.run(input, t.step('s2'));
    expect(output.previousId).toBe(debianId);
    expect(await idOf(tag)).toBe(output.id);

    await performStep(imageBuild.undo?.(input, output), t.step('undo'));
    expect(await idOf(tag)).toBe(debianId);
  });

  it('stops a build promptly when the signal aborts', async () => {
    const context = await contextWith({ Dockerfile: 'FROM reign-test/debian:bookworm\nRUN echo started && sleep 120\n' });
    const building = perform(imageBuild, { context, tag: tagFor('cancelled') }, t.ctx);
    await vi.waitFor(() => expect(t.output.map((o) => o.text)).toContain('started'), { timeout: 20_000 });
    t.abort();
    await expect(building).rejects.toBeInstanceOf(CancelledError);
  });

  it('undoes a tag by removing the new tag, leaving the source image', async () => {
    const tag = tagFor('tagged');
    const input = imageTag.input.parse({ source: 'debian', tag });
    const output = await imageTag.run(input, t.ctx);
    expect(await idOf(tag)).toBe(await idOf('reign-test/debian:bookworm'));

    await performStep(imageTag.undo?.(input, output), t.step('undo'));

    expect(await idOf(tag)).toBeUndefined();
    expect(await idOf('reign-test/debian:bookworm')).toBe(output.id);
  });

  it('pulls nothing when the image is present and asked only if missing, and then has nothing to undo', async () => {
    const input = imagePull.input.parse({ image: 'redis', ifMissing: true });
    const output = await imagePull.run(input, t.ctx);
    expect(output).toMatchObject({ resolved: 'reign-test/redis:7', presentBefore: true });
    expect(imagePull.undo?.(input, output)).toBeUndefined();
    expect(imagePull.creates?.(input, output)).toEqual([]);
  });

  it("fails a pull with the registry's message when the image cannot be fetched", async () => {
    await expect(perform(imagePull, { image: 'reign-test/absent:1' }, t.ctx)).rejects.toThrow(/^pull reign-test\/absent:1: .+/);
  });

  it('fails a pull from an unreachable registry with a hint at the images: settings', async () => {
    const image = `127.0.0.1:1/reign-absent:${t.ctx.runId.toLowerCase()}`;
    const failure = perform(imagePull, { image }, t.ctx);
    await expect(failure).rejects.toThrow(new RegExp(`^pull ${image.replaceAll('.', '\\.')}: .*connection refused`));
    await expect(failure).rejects.toMatchObject({
      hint: 'map 127.0.0.1:1/reign-absent to an image this machine can pull or has built, under `images:` in reign.yaml or $REIGN_HOME/config.yaml (see Configuration in the README)',
    });
  });

  it('fails a pull of a mapped image with a hint naming the mapping', async () => {
    const ctx = { ...t.ctx, images: createImageResolver({ nginx: '127.0.0.1:1/mirror/nginx:1.27' }) };
    const failure = perform(imagePull, { image: 'nginx:1.27' }, ctx);
    await expect(failure).rejects.toThrow(/^pull 127\.0\.0\.1:1\/mirror\/nginx:1\.27: .*connection refused/);
    await expect(failure).rejects.toMatchObject({
      hint: '`images:` in reign.yaml or $REIGN_HOME/config.yaml maps nginx:1.27 to 127.0.0.1:1/mirror/nginx:1.27: point it at an image this machine can pull or has built',
    });
  });

  it('fails a push with the reason when the registry cannot be reached', async () => {
    const tag = `127.0.0.1:1/reign-docker-test/push:${t.ctx.runId}`;
    await perform(imageTag, { source: 'debian', tag }, t.ctx);
    untagAfter(tag);
    await expect(perform(imagePush, { image: tag }, t.ctx)).rejects.toThrow(new RegExp(`^push ${tag.replaceAll('.', '\\.')}: .*connection refused`));
  });

  it('lists images by reference and removes a tag as an admin action', async () => {
    const tag = tagFor('listed');
    await perform(imageTag, { source: 'debian', tag }, t.ctx);
    const listed = await perform(imageList, { reference: tag }, t.ctx);
    expect(listed.map((i) => i.tags)).toEqual([expect.arrayContaining([tag])]);

    const input = imageRemove.input.parse({ image: tag });
    const output = await imageRemove.run(input, t.ctx);
    expect(imageRemove.risk).toBe('admin');
    expect(imageRemove.removes?.(input, output)).toEqual([{ kind: 'docker.image', id: output.id, name: tag }]);
    expect(await idOf(tag)).toBeUndefined();
    expect(await idOf('reign-test/debian:bookworm')).toBe(output.id);
  });
});
