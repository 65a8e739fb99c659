import { parse, stringify } from 'yaml';
import type { Context } from '../../core/context.js';
import { ReignError } from '../../core/errors.js';
import { LABELS } from '../../core/run.js';
import { engine, reignLabels, sleep } from '../docker/engine.js';
import { overridePath } from './cli.js';
import { publishedHostPorts } from './ports.js';
import { lastLines, runCompose, type Runner } from './run.js';
import type { ComposeCli, ProjectLayout, ProjectRef } from './schemas.js';

/** Labels Compose itself puts on what it creates; both versions use them. */
const COMPOSE_LABELS = { project: 'com.docker.compose.project', service: 'com.docker.compose.service', number: 'com.docker.compose.container-number' } as const;

interface ServiceContainer {
  id: string;
  service: string;
  name: string;
  /** Compose's replica number: 1 for the first container of a service, then 2, 3, … */
  number: number;
  /** When the engine created it, in seconds. */
  created: number;
  /** running, exited, … */
  state: string;
  /** healthy, unhealthy, starting, or none when the service has no health check. */
  health: 'healthy' | 'unhealthy' | 'starting' | 'none';
  /** Published ports as a person dials them: `127.0.0.1:5432`. */
  published: string[];
  labels: Record<string, string>;
}

/** The project's containers, from the engine (one call, however many services). */
export async function projectContainers(ctx: Pick<Context, 'docker'>, project: string, service?: string): Promise<ServiceContainer[]> {
  const label = [`${COMPOSE_LABELS.project}=${project}`, ...(service ? [`${COMPOSE_LABELS.service}=${service}`] : [])];
  const list = await engine(`list the containers of ${project}`, () => ctx.docker.listContainers({ all: true, filters: { label } }));
  return list
    // `docker compose run` one-off containers are not part of the running stack.
    .filter((c) => c.Labels['com.docker.compose.oneoff'] !== 'True')
    .map((c) => ({
      id: c.Id,
      service: c.Labels[COMPOSE_LABELS.service] ?? '',
      name: c.Names[0]?.replace(/^\//, '') ?? c.Id,
      number: Number(c.Labels[COMPOSE_LABELS.number] ?? 0),
      created: c.Created,
      state: c.State,
      health: /\(healthy\)/.test(c.Status) ? 'healthy' : /\(unhealthy\)/.test(c.Status) ? 'unhealthy' : /\(health: starting\)/.test(c.Status) ? 'starting' : 'none',
      published: [...new Set(c.Ports.filter((p) => p.PublicPort).map((p) => `${p.IP ?? '0.0.0.0'}:${p.PublicPort}`))],
      labels: c.Labels,
    }));
}

/** The running container of a service, for `docker cp`. */
export async function serviceContainer(ctx: Pick<Context, 'docker'>, project: string, service: string): Promise<ServiceContainer> {
  const found = (await projectContainers(ctx, project, service))[0];
  if (!found) throw new ReignError('not_found', `service ${service} of project ${project} has no container`, `start it first: docker compose -p ${project} up -d ${service}`);
  return found;
}

interface ConfigService {
  image?: string;
  build?: unknown;
  privileged?: boolean;
  network_mode?: string;
  pid?: string;
  cap_add?: string[];
  ports?: unknown[];
  volumes?: (string | { type?: string; source?: string })[];
}

/**
 * What `config` says the project is: its services and images, volumes and networks, and anything
 * that makes running it riskier than a plain stack. Read-only.
 */
export async function layoutFromConfig(ctx: Runner, ref: ProjectRef & { cli: ComposeCli }): Promise<ProjectLayout> {
  const result = await runCompose({ processes: ctx.processes, signal: ctx.signal }, ref, ['config']);
  const config = (parse(result.stdout) ?? {}) as { services?: Record<string, ConfigService>; volumes?: Record<string, { external?: unknown } | null>; networks?: Record<string, { external?: unknown } | null> };
  const services = Object.entries(config.services ?? {});
  const concerns: string[] = [];
  for (const [name, s] of services) {
    if (s.privileged) concerns.push(`service ${name} runs privileged (full access to the host)`);
    if (s.network_mode === 'host') concerns.push(`service ${name} uses the host's network`);
    if (s.pid === 'host') concerns.push(`service ${name} shares the host's process namespace`);
    if (s.cap_add?.some((c) => /^(ALL|SYS_ADMIN|NET_ADMIN|SYS_PTRACE)$/.test(c))) concerns.push(`service ${name} adds capabilities ${s.cap_add.join(', ')}`);
    const mounts = (s.volumes ?? []).map((v) => (typeof v === 'string' ? v.split(':')[0] : v.source));
    if (mounts.some((m) => m?.endsWith('docker.sock'))) concerns.push(`service ${name} mounts the Docker socket (root on the host)`);
  }
  const own = (record: Record<string, { external?: unknown } | null> | undefined) => Object.entries(record ?? {}).filter(([, v]) => !v?.external).map(([k]) => k);
  const networks = own(config.networks);
  return {
    services: services.map(([name, s]) => {
      const publishes = publishedHostPorts(s.ports);
      return { name, ...(s.image ? { image: s.image } : {}), ...(publishes.length ? { publishes } : {}) };
    }),
    volumes: own(config.volumes),
    // A project without networks of its own gets Compose's `default`.
    networks: networks.length ? networks : ['default'],
    concerns,
  };
}

/**
 * Writes the run-time override beside the compose file: each service's image as the image
 * settings map it (an air-gapped mirror, local test images), and Reign's labels on containers,
 * volumes and networks so `reign resources` and label sweeps find them. The user's compose.yaml
 * stays as generated. `creating` names the services whose new containers this step starts even
 * though the service has some already (a scale, an image change). Returns whether the file
 * existed before.
 */
export async function writeOverride(ctx: Context, ref: ProjectRef, layout: ProjectLayout, running: ServiceContainer[], creating: string[] = []): Promise<{ existed: boolean }> {
  const labels = stackLabels(ctx, running);
  const services = Object.fromEntries(
    layout.services.map((s) => {
      const mapped = s.image ? ctx.images.resolve(s.image) : undefined;
      const own = creating.includes(s.name) ? reignLabels(ctx) : serviceLabels(ctx, running.filter((c) => c.service === s.name));
      return [s.name, { ...(mapped && mapped !== s.image ? { image: mapped } : {}), labels: own }];
    }),
  );
  const document = {
    services,
    ...(layout.volumes.length ? { volumes: Object.fromEntries(layout.volumes.map((v) => [v, { labels }])) } : {}),
    ...(layout.networks.length ? { networks: Object.fromEntries(layout.networks.map((n) => [n, { labels }])) } : {}),
  };
  const path = overridePath(ref);
  const existed = await ctx.files.exists(path);
  await ctx.files.write(path, `# Written by Reign at run time: image settings and run labels. Regenerated on every run.\n${stringify(document, { version: '1.1' })}`);
  return { existed };
}

/**
 * A service's labels: the ones its first container carries, since Compose recreates a container
 * whose labels change and a deploy of an unchanged stack must leave it running; this step's for
 * a service with no container yet, whose containers this step creates.
 */
function serviceLabels(ctx: Context, containers: ServiceContainer[]): Record<string, string> {
  const first = containers.filter((c) => c.labels[LABELS.run]).sort((a, b) => a.number - b.number)[0];
  return first ? reignLabelsOf(first) : reignLabels(ctx);
}

/** Volumes and networks keep the labels of the step that made the stack: its oldest container's. */
function stackLabels(ctx: Context, running: ServiceContainer[]): Record<string, string> {
  const oldest = running.filter((c) => c.labels[LABELS.run]).sort((a, b) => a.created - b.created)[0];
  return oldest ? reignLabelsOf(oldest) : reignLabels(ctx);
}

function reignLabelsOf(container: ServiceContainer): Record<string, string> {
  return Object.fromEntries(Object.entries(container.labels).filter(([key]) => key.startsWith('dev.reign.')));
}

/**
 * Waits until every listed service has a running container and each is healthy (or, without a
 * health check, running). A container that turns unhealthy or exits fails at once; the deadline
 * fails naming the services still waiting. Either way the error shows each one's last log lines.
 */
export async function waitHealthy(ctx: Context, ref: ProjectRef & { cli: ComposeCli }, services: string[], timeoutSeconds: number): Promise<void> {
  const started = Date.now();
  const deadline = started + timeoutSeconds * 1000;
  const reported = new Map<string, string>();
  while (true) {
    const containers = await projectContainers(ctx, ref.project);
    const states = Object.fromEntries(services.map((service) => [service, serviceState(containers.filter((c) => c.service === service))]));
    for (const [service, state] of Object.entries(states)) {
      if (reported.get(service) === state) continue;
      reported.set(service, state);
      ctx.emit('progress', `${service}: ${state} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    }
    const failed = Object.entries(states).filter(([, s]) => s === 'unhealthy' || s === 'exited');
    if (failed.length) throw await unhealthyError(ctx, ref, failed, 'is');
    const waiting = Object.entries(states).filter(([, s]) => s !== 'healthy' && s !== 'running');
    if (waiting.length === 0) return;
    if (Date.now() > deadline) throw await unhealthyError(ctx, ref, waiting, `did not become healthy within ${timeoutSeconds}s; it is`);
    await sleep(100, ctx.signal, 'wait for the stack to be healthy');
  }
}

/** The error naming services that are unhealthy or exited right now, if any. */
export async function unhealthyNow(ctx: Context, ref: ProjectRef & { cli: ComposeCli }, services: string[]): Promise<ReignError | undefined> {
  const containers = await projectContainers(ctx, ref.project);
  const failed = services.map((s): [string, string] => [s, serviceState(containers.filter((c) => c.service === s))]).filter(([, s]) => s === 'unhealthy' || s === 'exited');
  return failed.length ? unhealthyError(ctx, ref, failed, 'is') : undefined;
}

function serviceState(containers: ServiceContainer[]): string {
  if (containers.length === 0) return 'not created';
  if (containers.some((c) => c.state !== 'running')) return containers.some((c) => c.state === 'exited' || c.state === 'dead') ? 'exited' : containers.find((c) => c.state !== 'running')!.state;
  if (containers.some((c) => c.health === 'unhealthy')) return 'unhealthy';
  if (containers.some((c) => c.health === 'starting')) return 'starting';
  return containers.every((c) => c.health === 'healthy') ? 'healthy' : 'running';
}

async function unhealthyError(ctx: Context, ref: ProjectRef & { cli: ComposeCli }, services: [string, string][], verb: string): Promise<ReignError> {
  const parts: string[] = [];
  for (const [service, state] of services) {
    const logs = await runCompose({ processes: ctx.processes, signal: ctx.signal }, ref, ['logs', '--no-color', '--tail', '15', service]).then(
      (r) => lastLines(r.stdout, 15),
      () => '(no logs)',
    );
    parts.push(`service ${service} ${verb} ${state}; its last log lines:\n${logs.split('\n').map((l) => `  ${l}`).join('\n')}`);
  }
  return new ReignError('failure', parts.join('\n'), `look at it with: ${ref.cli} -p ${ref.project} logs ${services[0]![0]}`);
}
