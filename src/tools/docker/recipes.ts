import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { SERVICE_IMAGES } from '../../catalog/images.js';
import { GENERATED } from '../../core/generated-secrets.js';
import type { Interpretation } from '../../core/interpretation.js';
import { all, first, termsOf, type Missing, type Recipe, type RecipeContext, type StepDraft } from '../../core/recipe.js';

/** The thing a Docker request names: its own name, else the service it runs. */
function subject(i: Interpretation): string | undefined {
  return first(i.entities.name) ?? i.entities.services?.[0];
}

function needName(what: string, verb: string): Missing {
  return { question: `Which ${what} should I ${verb}? Name it, e.g. "${verb} web".` };
}

/** One step per named target, so "stop web and api" stops both. */
function each(i: Interpretation, what: string, verb: string, step: (name: string) => StepDraft): StepDraft[] | Missing {
  const names = all(i.entities.name).length ? all(i.entities.name) : (i.entities.services ?? []);
  if (names.length === 0) return needName(what, verb);
  return names.map(step);
}

/** `./site` and `~/data` are host paths as `docker run -v` reads them: from the working directory and the home. */
function hostSource(source: string, cwd: string): string {
  if (source.startsWith('./') || source === '.') return resolve(cwd, source);
  if (source.startsWith('~/')) return join(homedir(), source.slice(2));
  return source;
}

function runContainer(i: Interpretation, ctx: RecipeContext): StepDraft[] | Missing {
  const service = i.entities.services?.[0];
  const catalog = service ? SERVICE_IMAGES[service] : undefined;
  const image = first(i.entities.image) ?? catalog?.image;
  if (!image) return { question: 'Which image or service should the container run? e.g. "run nginx on port 8080 named web".' };
  const name = first(i.entities.name) ?? service ?? image.split('/').pop()!.split(/[:@]/)[0]!;
  const hostPort = first(i.entities.port);
  const containerPort = i.details.containerPort ?? catalog?.port ?? hostPort;
  const env: Record<string, string> = { ...catalog?.env, ...i.details.env };
  // A password the request states is used; otherwise one is made when the container starts.
  for (const key of catalog?.secretEnv ?? []) env[key] ??= i.details.password ?? GENERATED;
  const run: StepDraft = {
    id: `run-${name}`,
    action: 'docker.container.run',
    title: `Run ${image} as ${name}`,
    input: {
      name,
      image,
      ...(Object.keys(env).length ? { env } : {}),
      ports: hostPort && containerPort ? [{ host: hostPort, container: containerPort }] : [],
      volumes: (i.details.volumes ?? []).map((v) => {
        const [source, target, mode] = v.split(':') as [string, string, string | undefined];
        return { source: hostSource(source, ctx.cwd), target, readOnly: mode === 'ro' };
      }),
      ...(i.details.network ? { network: i.details.network } : {}),
      ...(i.details.restart ? { restart: i.details.restart } : {}),
      ...(i.details.cpus ? { cpus: i.details.cpus } : {}),
      ...(i.details.memoryBytes ? { memory: i.details.memoryBytes } : {}),
      ...(i.details.user ? { user: i.details.user } : {}),
      ...(i.details.readOnly ? { readOnly: true } : {}),
    },
  };
  const wait: StepDraft = {
    id: `wait-${name}`,
    action: 'docker.container.wait-healthy',
    title: `Wait until ${name} is healthy`,
    input: { name, timeoutSeconds: 120 },
    dependsOn: [run.id],
  };
  return [run, wait];
}

export const DOCKER_RECIPES: Recipe[] = [
  {
    id: 'docker.network.create', intent: 'create', domain: 'docker', object: 'network',
    does: 'create a network', example: 'create a network called backend',
    build: (i) => each(i, 'network', 'create', (name) => ({ id: `create-${name}`, action: 'docker.network.create', title: `Create network ${name}`, input: { name } })),
  },
  {
    id: 'docker.volume.create', intent: 'create', domain: 'docker', object: 'volume',
    does: 'create a volume', example: 'create a volume called pgdata',
    build: (i) => each(i, 'volume', 'create', (name) => ({ id: `create-${name}`, action: 'docker.volume.create', title: `Create volume ${name}`, input: { name } })),
  },
  {
    id: 'docker.image.build', intent: 'create', domain: 'docker', object: 'image',
    does: 'build an image from a directory', example: 'build an image from ./app tagged api:dev',
    build: (i) => {
      const tag = first(i.entities.image) ?? (first(i.entities.name) ? `${first(i.entities.name)}:latest` : undefined);
      if (!tag) return { question: 'What should the image be tagged? e.g. "build an image from ./app tagged api:dev".' };
      return [{ id: 'build', action: 'docker.image.build', title: `Build ${tag}`, input: { context: i.details.path ?? '.', tag } }];
    },
  },
  {
    id: 'docker.container.run', intent: 'create', domain: 'docker',
    does: 'run a container from a service or image, with ports, memory, CPU, env, volumes', example: 'run nginx on port 8080 named web',
    build: runContainer,
  },
  {
    id: 'docker.image.push', intent: 'deploy', domain: 'docker',
    does: 'push an image to its registry', example: 'push ghcr.io/acme/api:1.2',
    build: (i) => {
      const image = first(i.entities.image);
      return image ? [{ id: 'push', action: 'docker.image.push', title: `Push ${image}`, input: { image } }] : { question: 'Which image should I push? e.g. "push ghcr.io/acme/api:1.2".' };
    },
  },
  {
    id: 'docker.container.logs', intent: 'monitor', domain: 'docker', object: 'logs',
    does: 'show or follow a container\'s logs', example: 'show the logs of web',
    build: (i) => {
      const name = subject(i);
      if (!name) return needName('container\'s logs', 'show');
      return [{ id: `logs-${name}`, action: 'docker.container.logs', title: `Logs of ${name}`, input: { name, follow: Boolean(i.details.follow), tail: i.details.lines ?? 100 }, ...(i.details.follow ? { timeoutMs: 24 * 3600_000 } : {}) }];
    },
  },
  {
    id: 'docker.container.stats', intent: 'monitor', domain: 'docker', object: 'stats',
    does: 'show a container\'s CPU and memory use', example: 'how much memory is cache using',
    build: (i) => each(i, 'container', 'measure', (name) => ({ id: `stats-${name}`, action: 'docker.container.stats', title: `Resource use of ${name}`, input: { name } })),
  },
  {
    id: 'docker.container.inspect', intent: 'monitor', domain: 'docker', object: 'inspect',
    does: 'inspect a container', example: 'inspect web',
    build: (i) => each(i, 'container', 'inspect', (name) => ({ id: `inspect-${name}`, action: 'docker.container.inspect', title: `Inspect ${name}`, input: { name } })),
  },
  {
    id: 'docker.image.list', intent: 'monitor', domain: 'docker', object: 'image',
    does: 'list images', example: 'list images',
    build: () => [{ id: 'images', action: 'docker.image.list', title: 'List images', input: {} }],
  },
  {
    id: 'docker.network.list', intent: 'monitor', domain: 'docker', object: 'network',
    does: 'list networks', example: 'list networks',
    build: () => [{ id: 'networks', action: 'docker.network.list', title: 'List networks', input: {} }],
  },
  {
    id: 'docker.volume.list', intent: 'monitor', domain: 'docker', object: 'volume',
    does: 'list volumes', example: 'list volumes',
    build: () => [{ id: 'volumes', action: 'docker.volume.list', title: 'List volumes', input: {} }],
  },
  {
    id: 'docker.container.list', intent: 'monitor', domain: 'docker',
    does: 'list containers', example: 'list running containers',
    build: (i, ctx) => {
      const name = first(i.entities.name);
      if (name && !termsOf(i).has('containers')) return [{ id: `inspect-${name}`, action: 'docker.container.inspect', title: `Inspect ${name}`, input: { name } }];
      return [{ id: 'containers', action: 'docker.container.list', title: 'List containers', input: { all: Boolean(i.details.all) } }];
    },
  },
  ...(['stop', 'start', 'restart'] as const).map(
    (verb): Recipe => ({
      id: `docker.container.${verb}`, intent: 'update', domain: 'docker', verb,
      does: `${verb} a container`, example: `${verb} web`,
      build: (i) => each(i, 'container', verb, (name) => ({ id: `${verb}-${name}`, action: `docker.container.${verb}`, title: `${verb[0]!.toUpperCase()}${verb.slice(1)} ${name}`, input: { name } })),
    }),
  ),
  {
    id: 'docker.network.remove', intent: 'destroy', domain: 'docker', object: 'network',
    does: 'remove a network', example: 'remove the backend network',
    build: (i) => each(i, 'network', 'remove', (name) => ({ id: `remove-${name}`, action: 'docker.network.remove', title: `Remove network ${name}`, input: { name } })),
  },
  {
    id: 'docker.volume.remove', intent: 'destroy', domain: 'docker', object: 'volume',
    does: 'remove a volume (its data is lost)', example: 'delete the pgdata volume',
    build: (i) => each(i, 'volume', 'remove', (name) => ({ id: `remove-${name}`, action: 'docker.volume.remove', title: `Remove volume ${name}`, input: { name } })),
  },
  {
    id: 'docker.image.remove', intent: 'destroy', domain: 'docker', object: 'image',
    does: 'remove an image', example: 'remove the image api:dev',
    build: (i) => {
      const image = first(i.entities.image);
      return image ? [{ id: 'remove-image', action: 'docker.image.remove', title: `Remove image ${image}`, input: { image } }] : { question: 'Which image should I remove? e.g. "remove the image api:dev".' };
    },
  },
  {
    id: 'docker.container.remove', intent: 'destroy', domain: 'docker',
    does: 'remove a container', example: 'remove the web container',
    build: (i) => each(i, 'container', 'remove', (name) => ({ id: `remove-${name}`, action: 'docker.container.remove', title: `Remove ${name}`, input: { name, force: true } })),
  },
  {
    id: 'docker.container.debug', intent: 'debug', domain: 'docker',
    does: 'look into a failing container: its state and recent logs', example: 'why does web keep restarting',
    build: (i) => each(i, 'container', 'look into', (name) => ({ id: `logs-${name}`, action: 'docker.container.logs', title: `Recent logs of ${name}`, input: { name, follow: false, tail: 50 } })),
  },
];
