import type Docker from 'dockerode';
import { z } from 'zod';
import { defineAction, type Target } from '../../core/action.js';
import type { Context } from '../../core/context.js';
import { CancelledError, ReignError, messageOf } from '../../core/errors.js';
import { resolveGeneratedValues } from '../../core/generated-secrets.js';
import { judgeContainer } from './container-risk.js';
import { captureForRecreate } from './container-recreate.js';
import { engine, engineFailure, reignLabels } from './engine.js';
import { localImageId, pullImage, resolveImage } from './images.js';
import { labelledRemoveStep } from './labelled.js';
import { keyValues, repeated, shellCommand } from './preview.js';
import {
  absolutePath, argv, cpus, envRecord, hostIp, imageReference, labelRecord, memoryBytes, mountSource, objectName,
  port, seconds, user,
} from './schemas.js';

const PortMapping = z.object({
  host: port('ports[].host'),
  container: port('ports[].container'),
  protocol: z.enum(['tcp', 'udp'], { error: 'ports[].protocol: expected "tcp" or "udp"' }).default('tcp'),
  /** Local only unless the request asks for every interface. */
  hostIp: hostIp('ports[].hostIp').default('127.0.0.1'),
});

const Mount = z.object({
  /** A volume name, or an absolute host path for a bind mount. */
  source: mountSource('volumes[].source'),
  target: absolutePath('volumes[].target'),
  readOnly: z.boolean({ error: 'volumes[].readOnly: expected true or false' }).default(false),
});

const RESTART_POLICIES = ['no', 'always', 'unless-stopped', 'on-failure'] as const;

const ContainerRun = z.object({
  name: objectName('name', 'container'),
  image: imageReference('image'),
  /** Arguments after the image, replacing its CMD. */
  command: argv('command').optional(),
  env: envRecord('env').optional(),
  ports: z.array(PortMapping, { error: 'ports: expected a list of {host, container}' }).default([]),
  volumes: z.array(Mount, { error: 'volumes: expected a list of {source, target}' }).default([]),
  network: objectName('network', 'network').optional(),
  networkAliases: z.array(objectName('networkAliases[]', 'network alias')).optional(),
  restart: z.enum(RESTART_POLICIES, { error: `restart: expected one of ${RESTART_POLICIES.join(', ')}` }).default('no'),
  cpus: cpus('cpus').optional(),
  /** Bytes. */
  memory: memoryBytes('memory').optional(),
  user: user('user').optional(),
  readOnly: z.boolean({ error: 'readOnly: expected true or false' }).default(false),
  labels: labelRecord('labels').optional(),
});
type ContainerRun = z.infer<typeof ContainerRun>;

const isBind = (source: string) => source.startsWith('/');

function publishSpec(p: z.infer<typeof PortMapping>): string {
  return `${p.hostIp}:${p.host}:${p.container}${p.protocol === 'udp' ? '/udp' : ''}`;
}

function mountSpec(m: z.infer<typeof Mount>): string {
  return [`type=${isBind(m.source) ? 'bind' : 'volume'}`, `source=${m.source}`, `target=${m.target}`, ...(m.readOnly ? ['readonly'] : [])].join(',');
}

/** The engine's create body for a run input; the image is already resolved. */
function createOptions(input: ContainerRun, image: string, labels: Record<string, string>): Docker.ContainerCreateOptions {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of input.ports) {
    const key = `${p.container}/${p.protocol}`;
    exposed[key] = {};
    (bindings[key] ??= []).push({ HostIp: p.hostIp, HostPort: String(p.host) });
  }
  return {
    name: input.name,
    Image: image,
    ...(input.command ? { Cmd: input.command } : {}),
    Env: Object.entries(input.env ?? {}).map(([k, v]) => `${k}=${v}`),
    Labels: labels,
    ExposedPorts: exposed,
    ...(input.user ? { User: input.user } : {}),
    HostConfig: {
      PortBindings: bindings,
      Mounts: input.volumes.map((m) =>
        isBind(m.source)
          ? { Type: 'bind' as const, Source: m.source, Target: m.target, ReadOnly: m.readOnly }
          : {
              Type: 'volume' as const,
              Source: m.source,
              Target: m.target,
              ReadOnly: m.readOnly,
              // A volume this mount creates carries the step's labels, so rollback finds it. (The
              // typings require every VolumeOptions field; the engine does not.)
              VolumeOptions: { Labels: labels } as Docker.MountSettings['VolumeOptions'],
            },
      ),
      RestartPolicy: { Name: input.restart },
      ReadonlyRootfs: input.readOnly,
      ...(input.network ? { NetworkMode: input.network } : {}),
      ...(input.cpus !== undefined ? { NanoCpus: Math.round(input.cpus * 1e9) } : {}),
      ...(input.memory !== undefined ? { Memory: input.memory } : {}),
    },
    ...(input.network
      ? { NetworkingConfig: { EndpointsConfig: { [input.network]: { Aliases: input.networkAliases ?? [] } } } }
      : {}),
  };
}

/** Resolves the image and pulls it only when it is missing. */
async function ensureImage(ctx: Context, reference: string, doing: string): Promise<string> {
  const image = resolveImage(ctx, reference);
  if (await localImageId(ctx, image)) return image;
  ctx.emit('progress', `${image} is not present here; pulling it`);
  try {
    await pullImage(ctx, image, reference);
  } catch (error) {
    if (error instanceof CancelledError || !(error instanceof ReignError)) throw error;
    throw new ReignError('failure', `${doing}: image ${image} is not present and could not be pulled: ${error.message}`, error.hint, { cause: error });
  }
  return image;
}

export const containerRun = defineAction({
  id: 'docker.container.run',
  title: 'Run a container',
  risk: (input) =>
    judgeContainer('docker.container.run', 'write', 'starts a container', {
      binds: input.volumes.filter((m) => isBind(m.source)).map((m) => ({ source: m.source, readOnly: m.readOnly })),
      published: input.ports.map((p) => ({ hostIp: p.hostIp, host: String(p.host) })),
      privileged: false,
      hostNamespaces: [],
      addedCapabilities: [],
    }),
  input: ContainerRun,
  preview: (input, view) =>
    shellCommand([
      'docker', 'run', '--detach', '--name', input.name,
      ...repeated('--publish', input.ports.map(publishSpec)),
      ...keyValues('--env', input.env),
      ...repeated('--mount', input.volumes.map(mountSpec)),
      ...(input.network ? ['--network', input.network] : []),
      ...repeated('--network-alias', input.networkAliases ?? []),
      ...(input.restart !== 'no' ? ['--restart', input.restart] : []),
      ...(input.cpus !== undefined ? ['--cpus', String(input.cpus)] : []),
      ...(input.memory !== undefined ? ['--memory', String(input.memory)] : []),
      ...(input.user ? ['--user', input.user] : []),
      input.readOnly && '--read-only',
      ...keyValues('--label', input.labels),
      resolveImage(view, input.image),
      ...(input.command ?? []),
    ]),
  async run(input, ctx) {
    const doing = `run container ${input.name}`;
    const image = await ensureImage(ctx, input.image, doing);
    // A password the plan left as a placeholder is made now; only the container holds it.
    const { values: env, generated } = resolveGeneratedValues(input.env ?? {});
    const container = await engine(
      doing,
      () => ctx.docker.createContainer({ ...createOptions({ ...input, env }, image, reignLabels(ctx, input.labels)), abortSignal: ctx.signal }),
      'choose another name, or remove the container that has it',
    );
    try {
      await container.start();
    } catch (error) {
      // A container that never started is no use to anyone; leave nothing behind.
      await container.remove({ force: true, v: true }).catch((cleanup: unknown) => ctx.log.warn(`${doing}: ${messageOf(cleanup)}`));
      throw engineFailure(`start container ${input.name}`, error);
    }
    if (generated.length) ctx.emit('progress', `generated ${generated.join(', ')} for ${input.name}: read it with docker inspect ${input.name}`);
    return { id: container.id, name: input.name, image, runId: ctx.runId, stepId: ctx.stepId };
  },
  // By the step's labels: the container, and any named volume its mounts created.
  undo: (_input, output) => labelledRemoveStep(output),
  undoInterrupted: (_input, at) => labelledRemoveStep(at),
  creates: (input, output) => [{ kind: 'docker.container', id: output.id, name: input.name }],
});

const ContainerName = z.object({ name: objectName('name', 'container') });

/** The container a step acts on, so policy can protect it and ask before touching one Reign did not create. */
export function containerTarget(input: { name: string }, destructive = false): Target[] {
  return [{ kind: 'docker.container', name: input.name, destructive }];
}
const ContainerStop = ContainerName.extend({
  /** Seconds to wait after SIGTERM before SIGKILL; the container's own default when absent. */
  timeoutSeconds: seconds('timeoutSeconds', 3600).optional(),
});

async function isRunning(ctx: Context, name: string): Promise<{ id: string; running: boolean }> {
  const info = await engine(`inspect container ${name}`, () => ctx.docker.getContainer(name).inspect({ abortSignal: ctx.signal }));
  return { id: info.Id, running: info.State.Running };
}

export const containerStart = defineAction({
  id: 'docker.container.start',
  title: 'Start a container',
  risk: 'write',
  input: ContainerName,
  preview: (input) => shellCommand(['docker', 'start', input.name]),
  targets: (input) => containerTarget(input),
  async run(input, ctx) {
    const { id, running } = await isRunning(ctx, input.name);
    if (!running) await engine(`start container ${input.name}`, () => ctx.docker.getContainer(id).start());
    return { id, name: input.name, wasRunning: running };
  },
  undo: (input, output) => (output.wasRunning ? undefined : { action: 'docker.container.stop', input: { name: input.name } }),
});

export const containerStop = defineAction({
  id: 'docker.container.stop',
  title: 'Stop a container',
  risk: 'write',
  input: ContainerStop,
  targets: (input) => containerTarget(input),
  preview: (input) =>
    shellCommand(['docker', 'stop', ...(input.timeoutSeconds !== undefined ? ['--time', String(input.timeoutSeconds)] : []), input.name]),
  async run(input, ctx) {
    const { id, running } = await isRunning(ctx, input.name);
    if (running) {
      await engine(`stop container ${input.name}`, () =>
        ctx.docker.getContainer(id).stop(input.timeoutSeconds !== undefined ? { t: input.timeoutSeconds } : {}),
      );
    }
    return { id, name: input.name, wasRunning: running };
  },
  undo: (input, output) => (output.wasRunning ? { action: 'docker.container.start', input: { name: input.name } } : undefined),
});

const containerRestart = defineAction({
  id: 'docker.container.restart',
  // A restart leaves nothing to compensate: the container ends up running either way.
  title: 'Restart a container',
  risk: 'write',
  input: ContainerStop,
  targets: (input) => containerTarget(input),
  preview: (input) =>
    shellCommand(['docker', 'restart', ...(input.timeoutSeconds !== undefined ? ['--time', String(input.timeoutSeconds)] : []), input.name]),
  async run(input, ctx) {
    const { id } = await isRunning(ctx, input.name);
    await engine(`restart container ${input.name}`, () =>
      ctx.docker.getContainer(id).restart(input.timeoutSeconds !== undefined ? { t: input.timeoutSeconds } : {}),
    );
    return { id, name: input.name };
  },
});

const ContainerRemove = ContainerName.extend({
  /** Remove even when running (SIGKILL). */
  force: z.boolean({ error: 'force: expected true or false' }).default(false),
  /** Also remove its anonymous volumes; they cannot come back on undo. */
  volumes: z.boolean({ error: 'volumes: expected true or false' }).default(false),
});

export const containerRemove = defineAction({
  id: 'docker.container.remove',
  title: 'Remove a container (undo re-creates it from its configuration; files written inside it are lost)',
  risk: 'admin',
  input: ContainerRemove,
  targets: (input) => containerTarget(input, true),
  preview: (input) =>
    shellCommand(['docker', 'rm', input.force && '--force', input.volumes && '--volumes', input.name]),
  async run(input, ctx) {
    const info = await engine(`inspect container ${input.name}`, () => ctx.docker.getContainer(input.name).inspect());
    const recreate = captureForRecreate(info, { keepAnonymousVolumes: !input.volumes });
    await engine(
      `remove container ${input.name}`,
      () => ctx.docker.getContainer(info.Id).remove({ force: input.force, v: input.volumes }),
      info.State.Running && !input.force ? 'stop it first, or remove it with force' : undefined,
    );
    return { id: info.Id, name: input.name, recreate };
  },
  undo: (_input, output) => ({ action: 'docker.container.recreate', input: output.recreate }),
  removes: (input, output) => [{ kind: 'docker.container', id: output.id, name: input.name }],
});

export const containerLifecycleActions = [containerRun, containerStart, containerStop, containerRestart, containerRemove];
