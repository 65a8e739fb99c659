import { readdir } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { z } from 'zod';
import { defineAction } from '../../core/action.js';
import type { Context } from '../../core/context.js';
import { CancelledError, ReignError } from '../../core/errors.js';
import { repositoryOf } from '../../clients/images.js';
import { engine, engineFailure, inspectOrUndefined, reignLabels, throwIfCancelled } from './engine.js';
import { keyValues, shellCommand } from './preview.js';
import { IMAGE_ID, envRecord, imageReference, imageReferenceOrId, labelRecord, relativeOrAbsolutePath } from './schemas.js';
import { readProgress, type ProgressMessage } from './streams.js';
import { labelledRemoveStep } from './labelled.js';

/**
 * Images a step uses (runs, pulls, pushes, tags from) go through the image settings: a mirror, or
 * the test images. Names a step writes or deletes (build and tag targets, removals) are taken
 * exactly, so a mapping can never make Reign overwrite or delete the image it points at.
 */
export function resolveImage(ctx: Pick<Context, 'images'>, reference: string): string {
  return IMAGE_ID.test(reference) ? reference : ctx.images.resolve(reference);
}

/** `registry:5000/team/app:1@sha256:…` → repository, tag and digest, as the engine's API wants them. */
function splitReference(reference: string): { repository: string; tag?: string; digest?: string } {
  const [name = reference, digest] = reference.split('@');
  const colon = name.lastIndexOf(':');
  const tagged = colon > name.lastIndexOf('/');
  return {
    repository: tagged ? name.slice(0, colon) : name,
    ...(tagged ? { tag: name.slice(colon + 1) } : {}),
    ...(digest ? { digest } : {}),
  };
}

/** The id of a local image, or `undefined` when it is not present. */
export async function localImageId(ctx: Context, image: string): Promise<string | undefined> {
  const info = await inspectOrUndefined(`inspect image ${image}`, () => ctx.docker.getImage(image).inspect());
  return info?.Id;
}

/** Pull and push progress, one line each time a layer's status changes (not per byte). */
function layerProgress(ctx: Context): (message: ProgressMessage) => void {
  const lastStatus = new Map<string, string>();
  return (message) => {
    if (!message.status) return;
    const key = message.id ?? '';
    if (lastStatus.get(key) === message.status) return;
    lastStatus.set(key, message.status);
    ctx.emit('progress', message.id ? `${message.id}: ${message.status}` : message.status);
  };
}

/**
 * Pulls an image (already resolved from `asked`) with progress; fails with the registry's own
 * message and a hint at the image settings, where a machine without that registry points the name.
 */
export async function pullImage(ctx: Context, image: string, asked: string = image): Promise<void> {
  const { repository, tag, digest } = splitReference(image);
  const doing = `pull ${image}`;
  try {
    const stream = await engine(doing, () =>
      ctx.docker.createImage({ fromImage: repository, tag: digest ?? tag ?? 'latest', abortSignal: ctx.signal }),
    );
    await readProgress(stream, layerProgress(ctx), ctx.signal, doing);
  } catch (error) {
    const failure = engineFailure(doing, error);
    if (failure instanceof CancelledError) throw failure;
    throw new ReignError(failure.code, failure.message, pullHint(asked, image), { cause: error });
  }
}

/** Where to send a user whose image cannot be pulled here: the `images:` settings. */
export function pullHint(asked: string, image: string): string {
  const settings = '`images:` in reign.yaml or $REIGN_HOME/config.yaml';
  return asked === image
    ? `map ${repositoryOf(asked)} to an image this machine can pull or has built, under ${settings} (see Configuration in the README)`
    : `${settings} maps ${asked} to ${image}: point it at an image this machine can pull or has built`;
}

const ImageList = z.object({
  reference: imageReference('reference').optional(),
  labels: labelRecord('labels').optional(),
});

export const imageList = defineAction({
  id: 'docker.image.list',
  title: 'List local images',
  risk: 'read',
  input: ImageList,
  preview: (input, view) =>
    shellCommand([
      'docker', 'image', 'ls',
      ...(input.reference ? ['--filter', `reference=${resolveImage(view, input.reference)}`] : []),
      ...keyValues('--filter', input.labels, 'label='),
    ]),
  async run(input, ctx) {
    const filters: Record<string, string[]> = {};
    if (input.reference) filters.reference = [resolveImage(ctx, input.reference)];
    if (input.labels) filters.label = Object.entries(input.labels).map(([k, v]) => `${k}=${v}`);
    const images = await engine('list images', () => ctx.docker.listImages({ filters, abortSignal: ctx.signal }));
    return images.map((image) => ({
      id: image.Id,
      tags: image.RepoTags ?? [],
      sizeBytes: image.Size,
      created: new Date(image.Created * 1000).toISOString(),
      labels: image.Labels ?? {},
    }));
  },
});

const ImagePull = z.object({
  image: imageReference('image'),
  /** Pull only when the image is not present, like `docker run --pull missing`. */
  ifMissing: z.boolean({ error: 'ifMissing: expected true or false' }).default(false),
});

export const imagePull = defineAction({
  id: 'docker.image.pull',
  title: 'Pull an image',
  risk: 'write',
  input: ImagePull,
  preview: (input, view) => {
    const image = resolveImage(view, input.image);
    return input.ifMissing
      ? `${shellCommand(['docker', 'image', 'inspect', image])} >/dev/null 2>&1 || ${shellCommand(['docker', 'pull', image])}`
      : shellCommand(['docker', 'pull', image]);
  },
  async run(input, ctx) {
    const image = resolveImage(ctx, input.image);
    const idBefore = await localImageId(ctx, image);
    if (!(input.ifMissing && idBefore)) await pullImage(ctx, image, input.image);
    const id = (await localImageId(ctx, image)) ?? '';
    return { image: input.image, resolved: image, id, presentBefore: idBefore !== undefined };
  },
  // Removing an image that was already here would take away something the user had.
  undo: (_input, output) => (output.presentBefore ? undefined : { action: 'docker.image.remove', input: { image: output.resolved } }),
  creates: (input, output) => (output.presentBefore ? [] : [{ kind: 'docker.image', id: output.id, name: output.resolved }]),
});

const ImageBuild = z.object({
  context: relativeOrAbsolutePath('context'),
  tag: imageReference('tag'),
  /** Relative to the context directory. */
  dockerfile: relativeOrAbsolutePath('dockerfile').optional(),
  buildArgs: envRecord('buildArgs').optional(),
  labels: labelRecord('labels').optional(),
});

export const imageBuild = defineAction({
  id: 'docker.image.build',
  title: 'Build an image from a directory',
  risk: 'write',
  input: ImageBuild,
  preview: (input) =>
    shellCommand([
      'docker', 'build', '--tag', input.tag,
      ...(input.dockerfile ? ['--file', input.dockerfile] : []),
      ...keyValues('--build-arg', input.buildArgs),
      ...keyValues('--label', input.labels),
      input.context,
    ]),
  async run(input, ctx) {
    const tag = input.tag;
    const doing = `build ${tag}`;
    const directory = resolvePath(ctx.cwd, input.context);
    const entries = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
      throw new ReignError('usage', `${doing}: cannot read the context directory ${directory} (${error.code})`, 'check the context path');
    });
    const previousId = await localImageId(ctx, tag);
    throwIfCancelled(ctx.signal, doing);
    const stream = await engine(doing, () =>
      ctx.docker.buildImage(
        { context: directory, src: entries },
        {
          t: tag,
          ...(input.dockerfile ? { dockerfile: input.dockerfile } : {}),
          ...(input.buildArgs ? { buildargs: input.buildArgs } : {}),
          labels: reignLabels(ctx, input.labels),
          // Intermediate containers of a failed build would otherwise stay behind.
          forcerm: true,
          abortSignal: ctx.signal,
        },
      ),
    );
    await readProgress(
      stream,
      (message) => {
        for (const line of (message.stream ?? message.status ?? '').split('\n')) if (line.trim()) ctx.emit('stdout', line.trimEnd());
      },
      ctx.signal,
      doing,
    );
    const id = await localImageId(ctx, tag);
    if (!id) throw new ReignError('failure', `${doing}: the build finished but ${tag} is not present`);
    return { tag, id, previousId };
  },
  undo: (input, output) => {
    if (output.previousId === output.id) return undefined;
    return output.previousId
      ? { action: 'docker.image.tag', input: { source: output.previousId, tag: input.tag } }
      : { action: 'docker.image.remove', input: { image: input.tag } };
  },
  undoInterrupted: (_input, at) => labelledRemoveStep(at),
  creates: (input, output) => (output.previousId === output.id ? [] : [{ kind: 'docker.image', id: output.id, name: input.tag }]),
});

const ImageTag = z.object({
  source: imageReferenceOrId('source'),
  tag: imageReference('tag'),
});

export const imageTag = defineAction({
  id: 'docker.image.tag',
  title: 'Tag an image',
  risk: 'write',
  input: ImageTag,
  preview: (input, view) => shellCommand(['docker', 'tag', resolveImage(view, input.source), input.tag]),
  async run(input, ctx) {
    const source = resolveImage(ctx, input.source);
    const id = await localImageId(ctx, source);
    if (!id) throw new ReignError('not_found', `tag ${input.tag}: image ${input.source} is not present`, 'pull or build it first');
    const previousId = await localImageId(ctx, input.tag);
    const { repository, tag } = splitReference(input.tag);
    await engine(`tag ${input.source} as ${input.tag}`, () =>
      ctx.docker.getImage(id).tag({ repo: repository, tag: tag ?? 'latest', abortSignal: ctx.signal }),
    );
    return { tag: input.tag, id, previousId };
  },
  // Put the tag back where it pointed, or take it away when it is new.
  undo: (input, output) => {
    if (output.previousId === output.id) return undefined;
    return output.previousId
      ? { action: 'docker.image.tag', input: { source: output.previousId, tag: input.tag } }
      : { action: 'docker.image.remove', input: { image: input.tag } };
  },
  creates: (input, output) => (output.previousId === output.id ? [] : [{ kind: 'docker.image', id: output.id, name: input.tag }]),
});

const ImagePush = z.object({ image: imageReference('image') });

export const imagePush = defineAction({
  id: 'docker.image.push',
  // A registry keeps what it was sent; there is nothing Docker can do to take it back.
  title: 'Push an image to its registry (cannot be undone)',
  risk: 'write',
  input: ImagePush,
  preview: (input, view) => shellCommand(['docker', 'push', resolveImage(view, input.image)]),
  async run(input, ctx) {
    const image = resolveImage(ctx, input.image);
    const doing = `push ${image}`;
    const { repository, tag } = splitReference(image);
    let digest: string | undefined;
    const stream = await engine(doing, () =>
      ctx.docker.getImage(repository).push({ tag: tag ?? 'latest', abortSignal: ctx.signal }),
    );
    const progress = layerProgress(ctx);
    await readProgress(
      stream,
      (message) => {
        digest = message.aux?.Digest ?? digest;
        progress(message);
      },
      ctx.signal,
      doing,
    );
    return { image: input.image, resolved: image, digest };
  },
});

const ImageRemove = z.object({
  image: imageReferenceOrId('image'),
  force: z.boolean({ error: 'force: expected true or false' }).default(false),
});

export const imageRemove = defineAction({
  id: 'docker.image.remove',
  title: 'Remove an image (not undone: it would have to be pulled or built again)',
  risk: 'admin',
  input: ImageRemove,
  preview: (input) => shellCommand(['docker', 'image', 'rm', ...(input.force ? ['--force'] : []), input.image]),
  targets: (input) => [{ kind: 'docker.image', name: input.image, destructive: true }],
  async run(input, ctx) {
    const id = await localImageId(ctx, input.image);
    if (!id) throw new ReignError('not_found', `remove image ${input.image}: it is not present`);
    const results = await engine(`remove image ${input.image}`, () =>
      ctx.docker.getImage(input.image).remove({ force: input.force, abortSignal: ctx.signal }),
    );
    const deleted = (results as { Deleted?: string }[]).flatMap((r) => (r.Deleted ? [r.Deleted] : []));
    return { image: input.image, id, deleted };
  },
  removes: (input, output) => [{ kind: 'docker.image', id: output.id, name: input.image }],
});

export const imageActions = [imageList, imagePull, imageBuild, imageTag, imagePush, imageRemove];
