import { z } from 'zod';
import { defineAction } from '../../core/action.js';
import { engine, reignLabels } from './engine.js';
import { labelledRemoveStep } from './labelled.js';
import { keyValues, repeated, shellCommand } from './preview.js';
import { labelRecord, objectName, subnet } from './schemas.js';

const NETWORK_DRIVERS = ['bridge', 'overlay', 'macvlan', 'ipvlan'] as const;

const NetworkCreate = z.object({
  name: objectName('name', 'network'),
  driver: z.enum(NETWORK_DRIVERS, { error: `driver: expected one of ${NETWORK_DRIVERS.join(', ')}` }).default('bridge'),
  /** No route to the outside: containers reach only each other. */
  internal: z.boolean({ error: 'internal: expected true or false' }).default(false),
  subnet: subnet('subnet').optional(),
  labels: labelRecord('labels').optional(),
});
type NetworkCreate = z.infer<typeof NetworkCreate>;

export const networkCreate = defineAction({
  id: 'docker.network.create',
  title: 'Create a network',
  risk: 'write',
  input: NetworkCreate,
  preview: (input) =>
    shellCommand([
      'docker', 'network', 'create',
      ...(input.driver !== 'bridge' ? ['--driver', input.driver] : []),
      input.internal && '--internal',
      ...(input.subnet ? ['--subnet', input.subnet] : []),
      ...keyValues('--label', input.labels),
      input.name,
    ]),
  async run(input, ctx) {
    const network = await engine(
      `create network ${input.name}`,
      () =>
        ctx.docker.createNetwork({
          Name: input.name,
          // The engine allows two networks with one name; refuse, so undo removes the right one.
          CheckDuplicate: true,
          Driver: input.driver,
          Internal: input.internal,
          Labels: reignLabels(ctx, input.labels),
          ...(input.subnet ? { IPAM: { Driver: 'default', Config: [{ Subnet: input.subnet }] } } : {}),
          abortSignal: ctx.signal,
        }),
      'choose another name, or use the existing network',
    );
    return { id: network.id, name: input.name };
  },
  undo: (input) => ({ action: 'docker.network.remove', input: { name: input.name } }),
  undoInterrupted: (_input, at) => labelledRemoveStep(at),
  creates: (input, output) => [{ kind: 'docker.network', id: output.id, name: input.name }],
});

const NetworkName = z.object({ name: objectName('name', 'network') });

export const networkRemove = defineAction({
  id: 'docker.network.remove',
  title: 'Remove a network (undo re-creates it with the same driver, subnet and labels)',
  risk: 'admin',
  input: NetworkName,
  targets: (input) => [{ kind: 'docker.network', name: input.name, destructive: true }],
  preview: (input) => shellCommand(['docker', 'network', 'rm', input.name]),
  async run(input, ctx) {
    const network = ctx.docker.getNetwork(input.name);
    const info = await engine(`inspect network ${input.name}`, () => network.inspect());
    // Captured before removal; the engine refuses to remove a network with containers attached.
    const subnetOf = info.IPAM?.Config?.[0]?.Subnet;
    const recreate: NetworkCreate = {
      name: info.Name,
      driver: (NETWORK_DRIVERS as readonly string[]).includes(info.Driver) ? (info.Driver as NetworkCreate['driver']) : 'bridge',
      internal: info.Internal,
      ...(subnetOf && !subnetOf.includes(':') ? { subnet: subnetOf } : {}),
      labels: info.Labels ?? {},
    };
    await engine(`remove network ${input.name}`, () => network.remove(), 'disconnect or remove its containers first');
    return { id: info.Id, name: info.Name, recreate };
  },
  undo: (_input, output) => ({ action: 'docker.network.create', input: output.recreate }),
  removes: (_input, output) => [{ kind: 'docker.network', id: output.id, name: output.name }],
});

const NetworkAttachment = z.object({
  network: objectName('network', 'network'),
  container: objectName('container', 'container'),
});

const attachmentTargets = (input: z.infer<typeof NetworkAttachment>) => [
  { kind: 'docker.network', name: input.network },
  { kind: 'docker.container', name: input.container },
];

const NetworkConnect = NetworkAttachment.extend({
  /** Extra names other containers on the network can use to reach this one. */
  aliases: z.array(objectName('aliases[]', 'network alias'), { error: 'aliases: expected a list of names' }).default([]),
});

export const networkConnect = defineAction({
  id: 'docker.network.connect',
  title: 'Connect a container to a network',
  risk: 'write',
  input: NetworkConnect,
  targets: (input) => attachmentTargets(input),
  preview: (input) => shellCommand(['docker', 'network', 'connect', ...repeated('--alias', input.aliases), input.network, input.container]),
  async run(input, ctx) {
    await engine(`connect ${input.container} to ${input.network}`, () =>
      ctx.docker.getNetwork(input.network).connect({ Container: input.container, EndpointConfig: { Aliases: input.aliases } }),
    );
    return { network: input.network, container: input.container };
  },
  undo: (input) => ({ action: 'docker.network.disconnect', input: { network: input.network, container: input.container } }),
});

export const networkDisconnect = defineAction({
  id: 'docker.network.disconnect',
  title: 'Disconnect a container from a network',
  risk: 'write',
  input: NetworkAttachment,
  targets: (input) => attachmentTargets(input),
  preview: (input) => shellCommand(['docker', 'network', 'disconnect', input.network, input.container]),
  async run(input, ctx) {
    const info = await engine(`inspect container ${input.container}`, () => ctx.docker.getContainer(input.container).inspect());
    const endpoint = info.NetworkSettings.Networks?.[input.network];
    // The engine adds the short id as an alias by itself; only the chosen ones need restoring.
    const aliases = (endpoint?.Aliases ?? []).filter((a: string) => a !== info.Id.slice(0, 12));
    await engine(`disconnect ${input.container} from ${input.network}`, () =>
      ctx.docker.getNetwork(input.network).disconnect({ Container: input.container }),
    );
    return { network: input.network, container: input.container, aliases };
  },
  undo: (input, output) => ({
    action: 'docker.network.connect',
    input: { network: input.network, container: input.container, aliases: output.aliases },
  }),
});

const NetworkList = z.object({ labels: labelRecord('labels').optional() });

export const networkList = defineAction({
  id: 'docker.network.list',
  title: 'List networks',
  risk: 'read',
  input: NetworkList,
  preview: (input) => shellCommand(['docker', 'network', 'ls', ...keyValues('--filter', input.labels, 'label=')]),
  async run(input, ctx) {
    const label = Object.entries(input.labels ?? {}).map(([k, v]) => `${k}=${v}`);
    const networks = await engine('list networks', () => ctx.docker.listNetworks({ filters: label.length ? { label } : {}, abortSignal: ctx.signal }));
    return networks.map((n) => ({ id: n.Id, name: n.Name, driver: n.Driver, internal: n.Internal, labels: n.Labels ?? {} }));
  },
});

const networkInspect = defineAction({
  id: 'docker.network.inspect',
  title: 'Inspect a network',
  risk: 'read',
  input: NetworkName,
  preview: (input) => shellCommand(['docker', 'network', 'inspect', input.name]),
  run: (input, ctx) => engine(`inspect network ${input.name}`, () => ctx.docker.getNetwork(input.name).inspect()),
});

export const networkActions = [networkCreate, networkConnect, networkDisconnect, networkRemove, networkList, networkInspect];
