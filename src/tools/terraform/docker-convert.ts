import { z } from 'zod';
import { defineAction } from '../../core/action.js';
import { ReignError } from '../../core/errors.js';
import { shellQuote } from '../../core/shell-quote.js';
import { dockerTerraform, type ContainerFacts, type DockerInventory, type MountFacts, type NetworkFacts, type VolumeFacts } from '../../generate/terraform/docker.js';
import { engine } from '../docker/engine.js';
import { directory } from './cli.js';
import type { DockerReader } from '../docker/reader.js';

/**
 * "Convert my running Docker containers to Terraform": `prepare` reads the running containers, the
 * networks and named volumes they use from the engine and records the generated HCL in the input,
 * so the review sees the file and `run` writes exactly it.
 */

/** Networks every engine has; containers on them need no `docker_network`. */
const BUILT_IN_NETWORKS = new Set(['bridge', 'host', 'none']);

const ConvertInput = z.object({
  dir: directory,
  file: z.string().regex(/^[A-Za-z0-9_.-]+\.tf$/, 'file: expected a file name ending in .tf').default('docker.tf'),
  /** Filled by `prepare`: the configuration and what it adopts. */
  generated: z
    .object({
      content: z.string(),
      containers: z.array(z.object({ name: z.string(), id: z.string() })),
      networks: z.array(z.object({ name: z.string(), id: z.string() })),
      volumes: z.array(z.string()),
    })
    .optional(),
});
type ConvertInput = z.infer<typeof ConvertInput>;

const pathOf = (input: ConvertInput) => `${input.dir}/${input.file}`;

function minus(values: string[] | null | undefined, inherited: string[] | null | undefined): string[] {
  const base = new Set(inherited ?? []);
  return (values ?? []).filter((v) => !base.has(v));
}

function labelsBeyond(labels: Record<string, string> | null | undefined, inherited: Record<string, string> | null | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(labels ?? {}).filter(([k, v]) => inherited?.[k] !== v));
}

/** What the engine says about the running containers and what they use. */
async function inspectEngine(docker: DockerReader): Promise<DockerInventory> {
  const running = await engine('list running containers', () => docker.listContainers());
  const containers: ContainerFacts[] = [];
  const networkNames = new Set<string>();
  const volumeNames = new Set<string>();
  for (const summary of running) {
    const info = await engine(`inspect container ${summary.Id}`, () => docker.inspectContainer(summary.Id));
    const image = await engine(`inspect image ${info.Image}`, () => docker.inspectImage(info.Image));
    const mounts: MountFacts[] = [];
    for (const m of info.Mounts) {
      if (m.Type === 'volume' && m.Name) {
        volumeNames.add(m.Name);
        mounts.push({ kind: 'volume', volume: m.Name, containerPath: m.Destination, readOnly: !m.RW });
      } else if (m.Type === 'bind') {
        mounts.push({ kind: 'bind', hostPath: m.Source, containerPath: m.Destination, readOnly: !m.RW });
      }
    }
    const networks = Object.entries(info.NetworkSettings.Networks ?? {})
      .filter(([name]) => !BUILT_IN_NETWORKS.has(name))
      .map(([name, endpoint]) => {
        networkNames.add(name);
        // The engine adds the container's short id as an alias; it is not part of the configuration.
        return { name, aliases: (endpoint.Aliases ?? []).filter((a: string) => !info.Id.startsWith(a) && a !== info.Name.replace(/^\//, '')) };
      });
    const ports = Object.entries(info.HostConfig.PortBindings ?? {}).flatMap(([spec, bindings]) => {
      const [internal, protocol = 'tcp'] = spec.split('/');
      return ((bindings ?? []) as { HostIp?: string; HostPort?: string }[]).map((b) => ({
        internal: Number(internal),
        ...(b.HostPort ? { external: Number(b.HostPort) } : {}),
        ...(b.HostIp ? { ip: b.HostIp } : {}),
        protocol,
      }));
    });
    containers.push({
      id: info.Id,
      name: info.Name.replace(/^\//, ''),
      imageId: info.Image,
      imageName: info.Config.Image,
      env: minus(info.Config.Env, image.Config?.Env),
      ports,
      mounts,
      networks,
      restart: info.HostConfig.RestartPolicy?.Name || 'no',
      labels: labelsBeyond(info.Config.Labels, image.Config?.Labels),
    });
  }
  const networks: NetworkFacts[] = [];
  for (const name of [...networkNames].sort()) {
    const n = await engine(`inspect network ${name}`, () => docker.inspectNetwork(name));
    networks.push({
      id: n.Id,
      name: n.Name,
      driver: n.Driver,
      internal: Boolean(n.Internal),
      subnets: (n.IPAM?.Config ?? []).flatMap((c) => (c.Subnet ? [{ subnet: c.Subnet, ...(c.Gateway ? { gateway: c.Gateway } : {}) }] : [])),
      labels: n.Labels ?? {},
    });
  }
  const volumes: VolumeFacts[] = [];
  for (const name of [...volumeNames].sort()) {
    const v = await engine(`inspect volume ${name}`, () => docker.inspectVolume(name));
    volumes.push({ name: v.Name, driver: v.Driver, labels: v.Labels ?? {} });
  }
  return { containers, networks, volumes };
}

export const dockerConvert = defineAction({
  id: 'terraform.docker.convert',
  title: 'Write Terraform (docker provider, with import blocks) for the running containers',
  risk: 'write',
  artifact: true,
  input: ConvertInput,
  preview: (input) => {
    const what = input.generated
      ? `${input.generated.containers.length} containers, ${input.generated.networks.length} networks, ${input.generated.volumes.length} volumes, each with an import block`
      : 'the running containers, their networks and volumes, each with an import block';
    return `cat > ${shellQuote(pathOf(input))} <<'EOF'  # ${what}`;
  },
  async prepare(input, ctx) {
    const inventory = await inspectEngine(ctx.docker);
    ctx.emit(`found ${inventory.containers.length} running containers, ${inventory.networks.length} networks, ${inventory.volumes.length} volumes`);
    return {
      ...input,
      generated: {
        content: dockerTerraform(inventory),
        containers: inventory.containers.map((c) => ({ name: c.name, id: c.id })),
        networks: inventory.networks.map((n) => ({ name: n.name, id: n.id })),
        volumes: inventory.volumes.map((v) => v.name),
      },
    };
  },
  async run(input, ctx) {
    if (!input.generated) throw new ReignError('refused', 'terraform.docker.convert writes only the configuration it showed, and this step has none', 'plan the request again');
    const path = pathOf(input);
    const previous = await ctx.files.read(path);
    await ctx.files.write(path, input.generated.content);
    ctx.emit('progress', `wrote ${path}: ${input.generated.containers.map((c) => c.name).join(', ') || 'no containers'}`);
    return { path, previous };
  },
  undo: (_input, output) => ({ action: 'files.restore', input: { path: output.path, previous: output.previous } }),
  creates: (_input, output) => (output.previous === undefined ? [{ kind: 'file', id: output.path, name: output.path }] : []),
});
