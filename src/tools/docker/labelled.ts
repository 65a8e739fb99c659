import { z } from 'zod';
import { defineAction } from '../../core/action.js';
import type { Context } from '../../core/context.js';
import type { StepRef } from '../../core/plan.js';
import { LABELS, type ResourceRef } from '../../core/run.js';
import { engine, inspectOrUndefined, isNotFound, reignFilters } from './engine.js';
import { shellCommand } from './preview.js';
import { reignId } from './schemas.js';

/**
 * Finds what a step created by the labels Reign put on it, so a step that was killed before it
 * could record its output can still be undone.
 *
 * Image labels are inherited: a container or image someone makes from a Reign-built image
 * carries that image's run and step labels. Reign always sets its own step label on what it
 * creates, so an object whose run and step labels equal those of the image it was made from
 * inherited them, and is left alone.
 */
const LabelledRemove = z.object({
  runId: reignId('runId'),
  /** Without a step, everything the run created. */
  stepId: reignId('stepId').optional(),
});
type LabelledRemove = z.infer<typeof LabelledRemove>;

export function labelledRemoveStep(at: { runId: string; stepId: string }): StepRef {
  return { action: 'docker.labelled.remove', input: { runId: at.runId, stepId: at.stepId } };
}

type Labels = Record<string, string> | null | undefined;

function sameStep(a: Labels, b: Labels): boolean {
  return Boolean(a && b && a[LABELS.run] === b[LABELS.run] && a[LABELS.step] === b[LABELS.step]);
}

function previewFor(input: LabelledRemove): string {
  const filters = reignFilters(input).flatMap((filter) => ['--filter', `label=${filter}`]);
  const each = (list: string[], remove: string[]) => `${shellCommand(list)} | xargs -r ${shellCommand(remove)}`;
  return [
    each(['docker', 'container', 'ls', '--all', '--quiet', ...filters], ['docker', 'container', 'rm', '--force', '--volumes']),
    each(['docker', 'network', 'ls', '--quiet', ...filters], ['docker', 'network', 'rm']),
    each(['docker', 'volume', 'ls', '--quiet', ...filters], ['docker', 'volume', 'rm']),
    each(['docker', 'image', 'ls', '--quiet', ...filters], ['docker', 'image', 'rm', '--force']),
  ].join('; ');
}

async function imageLabels(ctx: Context, image: string): Promise<Labels> {
  const info = await inspectOrUndefined(`inspect image ${image}`, () => ctx.docker.getImage(image).inspect());
  return info?.Config.Labels;
}

const ignoreGone = (error: unknown) => {
  if (!isNotFound(error)) throw error;
};

export const labelledRemove = defineAction({
  id: 'docker.labelled.remove',
  title: 'Remove the containers, networks, volumes and images a Reign step created',
  // Only objects carrying this run's labels are touched: Reign's own work, not the user's.
  risk: 'write',
  input: LabelledRemove,
  preview: previewFor,
  async run(input, ctx) {
    const filters = { label: reignFilters(input) };
    const removed: ResourceRef[] = [];

    // Containers first: networks, volumes and images in use cannot be removed.
    const containers = await engine('list labelled containers', () => ctx.docker.listContainers({ all: true, filters }));
    for (const c of containers) {
      if (sameStep(c.Labels, await imageLabels(ctx, c.ImageID))) continue;
      const name = c.Names[0]?.replace(/^\//, '') ?? c.Id;
      await engine(`remove container ${name}`, () => ctx.docker.getContainer(c.Id).remove({ force: true, v: true }).catch(ignoreGone));
      removed.push({ kind: 'docker.container', id: c.Id, name });
    }
    const networks = await engine('list labelled networks', () => ctx.docker.listNetworks({ filters }));
    for (const n of networks) {
      await engine(`remove network ${n.Name}`, () => ctx.docker.getNetwork(n.Id).remove().catch(ignoreGone));
      removed.push({ kind: 'docker.network', id: n.Id, name: n.Name });
    }
    const { Volumes: volumes } = await engine('list labelled volumes', () => ctx.docker.listVolumes({ filters }));
    for (const v of volumes ?? []) {
      await engine(`remove volume ${v.Name}`, () => ctx.docker.getVolume(v.Name).remove().catch(ignoreGone));
      removed.push({ kind: 'docker.volume', id: v.Name, name: v.Name });
    }
    const images = await engine('list labelled images', () => ctx.docker.listImages({ filters }));
    const labelledById = new Map(images.map((i) => [i.Id, i.Labels]));
    const own: { image: (typeof images)[number]; depth: number }[] = [];
    for (const i of images) {
      const history = (await engine(`history of image ${i.Id}`, () => ctx.docker.getImage(i.Id).history())) as { Id: string }[];
      const ancestors = history.map((layer) => layer.Id).filter((id) => id !== i.Id);
      if (!ancestors.some((id) => sameStep(i.Labels, labelledById.get(id)))) own.push({ image: i, depth: ancestors.length });
    }
    // Children before parents: the engine refuses to delete an image others are built on.
    for (const { image: i } of own.sort((a, b) => b.depth - a.depth)) {
      await engine(`remove image ${i.Id}`, () => ctx.docker.getImage(i.Id).remove({ force: true }).catch(ignoreGone));
      removed.push({ kind: 'docker.image', id: i.Id, name: i.RepoTags?.[0] ?? i.Id });
    }
    return { removed };
  },
  removes: (_input, output) => output.removed,
});
