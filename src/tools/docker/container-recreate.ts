import type Docker from 'dockerode';
import { z } from 'zod';
import { defineAction } from '../../core/action.js';
import { ReignError } from '../../core/errors.js';
import { judgeContainer, type ContainerFacts } from './container-risk.js';
import { engine, reignLabels } from './engine.js';
import { localImageId } from './images.js';
import { labelledRemoveStep } from './labelled.js';
import { repeated, shellCommand } from './preview.js';
import { IMAGE_ID, objectName } from './schemas.js';

/**
 * Undo for `docker.container.remove`: the container's create configuration is captured before
 * it is removed and used to create it again. What this cannot bring back: files written to the
 * container's own filesystem (its writable layer), and anonymous volumes removed with it.
 */
const ContainerRecreate = z.object({
  name: objectName('name', 'container'),
  /** The image as the container named it, used when it still points at `imageId`. */
  image: z.string({ error: 'image: expected the image the container was created from' }),
  imageId: z.string({ error: 'imageId: expected an image id sha256:<64 hex digits>' }).regex(IMAGE_ID, 'imageId: expected an image id sha256:<64 hex digits>'),
  /** The engine's create body (Config fields and HostConfig), as captured by inspect. */
  config: z.record(z.string(), z.unknown(), { error: 'config: expected the captured create configuration' }),
  /** Networks the container was attached to; the first one is where it is created. */
  networks: z
    .array(z.object({ name: objectName('networks[].name', 'network'), aliases: z.array(z.string()) }), {
      error: 'networks: expected a list of {name, aliases}',
    })
    .default([]),
  start: z.boolean({ error: 'start: expected true or false' }),
});
type ContainerRecreate = z.infer<typeof ContainerRecreate>;

/** Networks a container cannot be attached to by name. */
const SPECIAL_NETWORK_MODES = /^(host|none|container:.*)$/;

export function captureForRecreate(
  info: Docker.ContainerInspectInfo,
  options: { keepAnonymousVolumes: boolean },
): ContainerRecreate {
  const defaultHostname = info.Id.slice(0, 12);
  const { Hostname, Image, ...config } = info.Config;
  const hostConfig: Docker.HostConfig = { ...info.HostConfig };
  if (options.keepAnonymousVolumes) {
    // Image VOLUMEs got anonymous volumes; attach the same ones again so their data survives.
    const covered = new Set([
      ...(hostConfig.Mounts ?? []).map((m) => m.Target),
      ...(hostConfig.Binds ?? []).map((b) => b.split(':')[1]),
    ]);
    const anonymous = info.Mounts.filter((m) => m.Type === 'volume' && m.Name && !covered.has(m.Destination));
    if (anonymous.length) {
      hostConfig.Mounts = [
        ...(hostConfig.Mounts ?? []),
        ...anonymous.map((m) => ({ Type: 'volume' as const, Source: m.Name ?? '', Target: m.Destination })),
      ];
    }
  }
  const mode = info.HostConfig.NetworkMode ?? 'default';
  const primary = mode === 'default' ? 'bridge' : mode;
  const attached = Object.entries(info.NetworkSettings.Networks ?? {})
    .filter(([name]) => !SPECIAL_NETWORK_MODES.test(name))
    .map(([name, endpoint]) => ({
      name,
      // The engine adds the short id as an alias itself; the default bridge takes no aliases.
      aliases: name === 'bridge' ? [] : (endpoint.Aliases ?? []).filter((a: string) => a !== defaultHostname && a !== info.Id),
    }))
    .sort((a, b) => Number(b.name === primary) - Number(a.name === primary));
  return {
    name: info.Name.replace(/^\//, ''),
    image: Image,
    imageId: info.Image,
    config: { ...config, ...(Hostname && Hostname !== defaultHostname ? { Hostname } : {}), HostConfig: hostConfig },
    networks: attached,
    start: info.State.Running,
  };
}

function factsOf(config: Record<string, unknown>): ContainerFacts {
  const host = (config.HostConfig ?? {}) as Docker.HostConfig;
  const binds = [
    ...(host.Binds ?? []).flatMap((b) => {
      const [source = '', , mode = ''] = b.split(':');
      return source.startsWith('/') ? [{ source, readOnly: mode.split(',').includes('ro') }] : [];
    }),
    ...(host.Mounts ?? []).filter((m) => m.Type === 'bind').map((m) => ({ source: m.Source, readOnly: Boolean(m.ReadOnly) })),
  ];
  const bindings = (host.PortBindings ?? {}) as Record<string, { HostIp?: string; HostPort?: string }[] | null>;
  const published = Object.values(bindings).flatMap((list) => (list ?? []).map((b) => ({ hostIp: b.HostIp ?? '', host: b.HostPort ?? '' })));
  const namespaces = { pid: host.PidMode, ipc: host.IpcMode, network: host.NetworkMode, uts: host.UTSMode, userns: host.UsernsMode };
  return {
    binds,
    published,
    privileged: Boolean(host.Privileged),
    hostNamespaces: Object.entries(namespaces).filter(([, mode]) => mode === 'host').map(([ns]) => ns),
    addedCapabilities: ((host.CapAdd as string[] | null | undefined) ?? []).map(String),
  };
}

function createBody(input: ContainerRecreate, image: string): Docker.ContainerCreateOptions {
  const [primary] = input.networks;
  return {
    ...(input.config as Docker.ContainerCreateOptions),
    Image: image,
    ...(primary ? { NetworkingConfig: { EndpointsConfig: { [primary.name]: { Aliases: primary.aliases } } } } : {}),
  };
}

/** The Engine API call itself: there is no `docker` command that takes a create body. */
function previewFor(input: ContainerRecreate): string {
  const create = shellCommand([
    'curl', '--silent', '--fail', '--unix-socket', '/var/run/docker.sock',
    '--header', 'Content-Type: application/json',
    '--data', JSON.stringify(createBody(input, input.image)),
    `http://localhost/containers/create?name=${input.name}`,
  ]);
  const connects = input.networks
    .slice(1)
    .map((n) => shellCommand(['docker', 'network', 'connect', ...repeated('--alias', n.aliases), n.name, input.name]));
  return [create, ...connects, ...(input.start ? [shellCommand(['docker', 'start', input.name])] : [])].join(' && ');
}

export const containerRecreate = defineAction({
  id: 'docker.container.recreate',
  title: 'Re-create a removed container from its captured configuration (files written inside it are not restored)',
  risk: (input) =>
    judgeContainer('docker.container.recreate', 'admin', 'creates a container from a raw engine configuration', factsOf(input.config)),
  input: ContainerRecreate,
  preview: previewFor,
  async run(input, ctx) {
    const doing = `re-create container ${input.name}`;
    const current = await localImageId(ctx, input.image);
    const image = current === input.imageId ? input.image : input.imageId;
    if (image === input.imageId && !(await localImageId(ctx, input.imageId))) {
      throw new ReignError('failure', `${doing}: its image ${input.image} (${input.imageId}) is no longer here`, 'pull or build the image, then run this again');
    }
    const body = createBody(input, image);
    // Reign's labels say which step made this container now; the user's labels stay as they were.
    body.Labels = reignLabels(ctx, (body.Labels ?? {}) as Record<string, string>);
    const container = await engine(doing, () => ctx.docker.createContainer({ ...body, name: input.name }));
    for (const network of input.networks.slice(1)) {
      await engine(`${doing}: connect it to ${network.name}`, () =>
        ctx.docker.getNetwork(network.name).connect({ Container: container.id, EndpointConfig: { Aliases: network.aliases } }),
      );
    }
    if (input.start) await engine(`${doing}: start it`, () => container.start());
    return { id: container.id, name: input.name };
  },
  undo: (input) => ({ action: 'docker.container.remove', input: { name: input.name, force: true } }),
  undoInterrupted: (_input, at) => labelledRemoveStep(at),
  creates: (input, output) => [{ kind: 'docker.container', id: output.id, name: input.name }],
});
