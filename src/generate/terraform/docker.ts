import { attr, attrs, block, comment, expr, renderHcl, type Body } from './hcl.js';

/**
 * Terraform for containers that already run, for the kreuzwerker/docker provider, with `import`
 * blocks so the first `terraform apply` adopts them instead of creating new ones. The facts come
 * from the engine (see `terraform.docker.convert`); this module only turns them into HCL.
 */

export interface ContainerFacts {
  /** The engine's full container id: the import id of `docker_container`. */
  id: string;
  name: string;
  /** The image id (`sha256:…`): the provider reads it back, so a tag would plan a replacement. */
  imageId: string;
  /** The name the container was started from, kept as a comment for people. */
  imageName: string;
  /** Variables the container sets beyond those its image sets. */
  env: string[];
  ports: { internal: number; external?: number; ip?: string; protocol: string }[];
  mounts: MountFacts[];
  /** User-defined networks; the default bridge needs no block. */
  networks: { name: string; aliases: string[] }[];
  restart: string;
  /** Labels the container has beyond its image's. */
  labels: Record<string, string>;
}

export type MountFacts = { containerPath: string; readOnly: boolean } & ({ kind: 'volume'; volume: string } | { kind: 'bind'; hostPath: string });

export interface NetworkFacts {
  /** The engine's network id: the import id of `docker_network`. */
  id: string;
  name: string;
  driver: string;
  internal: boolean;
  subnets: { subnet: string; gateway?: string }[];
  labels: Record<string, string>;
}

export interface VolumeFacts {
  /** Volumes are known to the engine by name, which is also their import id. */
  name: string;
  driver: string;
  labels: Record<string, string>;
}

export interface DockerInventory {
  containers: ContainerFacts[];
  networks: NetworkFacts[];
  volumes: VolumeFacts[];
}

const PROVIDER = { source: 'kreuzwerker/docker', version: '~> 3.0' };

/** Resource names: HCL identifiers made from engine names, unique within their type. */
function namer() {
  const taken = new Set<string>();
  return (name: string) => {
    let base = name.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'unnamed';
    if (/^[0-9]/.test(base)) base = `_${base}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
    taken.add(id);
    return id;
  };
}

function labelBlocks(labels: Record<string, string>): Body {
  return Object.keys(labels)
    .sort()
    .map((label) => block('labels', [], attrs({ label, value: labels[label]! })));
}

function importBlock(address: string, id: string) {
  return block('import', [], [attr('to', expr(address)), attr('id', id)]);
}

/** The configuration file: provider, volumes, networks, containers, and one import per object. */
export function dockerTerraform(inventory: DockerInventory): string {
  const volumeName = namer();
  const networkName = namer();
  const containerName = namer();
  const volumes = new Map(inventory.volumes.map((v) => [v.name, volumeName(v.name)]));
  const networks = new Map(inventory.networks.map((n) => [n.name, networkName(n.name)]));

  const body: Body = [
    block('terraform', [], [block('required_providers', [], [attr('docker', PROVIDER)])]),
    comment('The engine Terraform manages: DOCKER_HOST, else the local socket.'),
    block('provider', ['docker'], []),
  ];
  const imports: Body = [];

  for (const v of inventory.volumes) {
    const address = `docker_volume.${volumes.get(v.name)}`;
    body.push(block('resource', ['docker_volume', volumes.get(v.name)!], [...attrs({ name: v.name, driver: v.driver }), ...labelBlocks(v.labels)]));
    imports.push(importBlock(address, v.name));
  }
  for (const n of inventory.networks) {
    const address = `docker_network.${networks.get(n.name)}`;
    body.push(
      block('resource', ['docker_network', networks.get(n.name)!], [
        ...attrs({ name: n.name, driver: n.driver, internal: n.internal }),
        ...n.subnets.map((s) => block('ipam_config', [], attrs({ subnet: s.subnet, gateway: s.gateway }))),
        ...labelBlocks(n.labels),
      ]),
    );
    imports.push(importBlock(address, n.id));
  }
  for (const c of inventory.containers) {
    const resource = containerName(c.name);
    body.push(
      block('resource', ['docker_container', resource], [
        attr('name', c.name),
        comment(c.imageName),
        attr('image', c.imageId),
        ...attrs({ restart: c.restart, env: c.env.length ? c.env : undefined }),
        ...c.ports.map((p) => block('ports', [], attrs({ internal: p.internal, external: p.external, ip: p.ip, protocol: p.protocol }))),
        ...c.mounts.map((m) =>
          block('volumes', [], attrs({
            container_path: m.containerPath,
            ...(m.kind === 'volume'
              ? { volume_name: volumes.has(m.volume) ? expr(`docker_volume.${volumes.get(m.volume)}.name`) : m.volume }
              : { host_path: m.hostPath }),
            read_only: m.readOnly,
          })),
        ),
        ...c.networks.map((n) =>
          block('networks_advanced', [], attrs({
            name: networks.has(n.name) ? expr(`docker_network.${networks.get(n.name)}.name`) : n.name,
            aliases: n.aliases.length ? n.aliases : undefined,
          })),
        ),
        ...labelBlocks(c.labels),
      ]),
    );
    imports.push(importBlock(`docker_container.${resource}`, c.id));
  }
  return renderHcl([...body, ...imports]);
}
