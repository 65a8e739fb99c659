import { z } from 'zod';
import { defineAction } from '../../core/action.js';
import { engine, inspectOrUndefined, reignLabels } from './engine.js';
import { labelledRemoveStep } from './labelled.js';
import { keyValues, shellCommand } from './preview.js';
import { labelRecord, objectName } from './schemas.js';

const VolumeCreate = z.object({
  name: objectName('name', 'volume'),
  labels: labelRecord('labels').optional(),
});

export const volumeCreate = defineAction({
  id: 'docker.volume.create',
  title: 'Create a volume',
  risk: 'write',
  input: VolumeCreate,
  preview: (input) => shellCommand(['docker', 'volume', 'create', ...keyValues('--label', input.labels), input.name]),
  async run(input, ctx) {
    // The engine answers "created" for a name that already exists; undo must not delete that data.
    const existing = await inspectOrUndefined(`inspect volume ${input.name}`, () => ctx.docker.getVolume(input.name).inspect());
    if (existing) {
      ctx.emit('progress', `volume ${input.name} already exists; keeping it as it is`);
      return { name: input.name, existed: true };
    }
    await engine(`create volume ${input.name}`, () =>
      ctx.docker.createVolume({ Name: input.name, Labels: reignLabels(ctx, input.labels), abortSignal: ctx.signal }),
    );
    return { name: input.name, existed: false };
  },
  undo: (input, output) => (output.existed ? undefined : { action: 'docker.volume.remove', input: { name: input.name } }),
  undoInterrupted: (_input, at) => labelledRemoveStep(at),
  creates: (input, output) => (output.existed ? [] : [{ kind: 'docker.volume', id: input.name, name: input.name }]),
});

const VolumeName = z.object({ name: objectName('name', 'volume') });

export const volumeRemove = defineAction({
  id: 'docker.volume.remove',
  // Deliberately without undo: an empty volume of the same name would hide that the data is gone.
  title: 'Remove a volume and the data in it (cannot be undone)',
  risk: 'admin',
  input: VolumeName.extend({ force: z.boolean({ error: 'force: expected true or false' }).default(false) }),
  targets: (input) => [{ kind: 'docker.volume', name: input.name, destructive: true }],
  preview: (input) => shellCommand(['docker', 'volume', 'rm', input.force && '--force', input.name]),
  async run(input, ctx) {
    await engine(`remove volume ${input.name}`, () => ctx.docker.getVolume(input.name).remove({ force: input.force }), 'remove the containers that use it first');
    return { name: input.name };
  },
  removes: (input) => [{ kind: 'docker.volume', id: input.name, name: input.name }],
});

export const volumeInspect = defineAction({
  id: 'docker.volume.inspect',
  title: 'Inspect a volume',
  risk: 'read',
  input: VolumeName,
  preview: (input) => shellCommand(['docker', 'volume', 'inspect', input.name]),
  run: (input, ctx) => engine(`inspect volume ${input.name}`, () => ctx.docker.getVolume(input.name).inspect({ abortSignal: ctx.signal })),
});

const VolumeList = z.object({ labels: labelRecord('labels').optional() });

export const volumeList = defineAction({
  id: 'docker.volume.list',
  title: 'List volumes',
  risk: 'read',
  input: VolumeList,
  preview: (input) => shellCommand(['docker', 'volume', 'ls', ...keyValues('--filter', input.labels, 'label=')]),
  async run(input, ctx) {
    const label = Object.entries(input.labels ?? {}).map(([k, v]) => `${k}=${v}`);
    const { Volumes } = await engine('list volumes', () => ctx.docker.listVolumes({ filters: label.length ? { label } : {}, abortSignal: ctx.signal }));
    return (Volumes ?? []).map((v) => ({ name: v.Name, driver: v.Driver, labels: v.Labels ?? {} }));
  },
});

export const volumeActions = [volumeCreate, volumeInspect, volumeRemove, volumeList];
