import { basename, isAbsolute, join, resolve } from 'node:path';
import { SERVICE_CATALOG } from '../../catalog/index.js';
import { repositoryOf } from '../../clients/images.js';
import { GENERATED } from '../../core/generated-secrets.js';
import type { Interpretation } from '../../core/interpretation.js';
import {
  COMPOSE_FILE,
  parseEnvFile,
  projectFiles,
  projectNameFrom,
  resolveServices,
  secretNames,
  servicesOfComposeFile,
  stackFromCatalog,
  stackFromManifests,
  STACK_NETWORK,
  type ExistingService,
  type Manifest,
  type Stack,
} from '../../generate/compose/index.js';
import { all, first, termsOf, wordsOf, type Missing, type Recipe, type RecipeContext, type StepDraft } from '../../core/recipe.js';

/**
 * Compose stacks: create one from a sentence (or from Kubernetes manifests), and run, watch,
 * scale, update, back up, restore and remove it. Planning reads the project directory (its
 * compose file, `.env`, backups) but changes nothing; every generated file is a `files.write`
 * step under the output directory, so `reign generate` can keep just those.
 */

/** Words that name a whole stack when the request lists no services. */
const STACK_WORDS: [string[], string[]][] = [
  [['monitoring', 'metrics', 'dashboards'], ['prometheus', 'grafana']],
  [['observability'], ['prometheus', 'grafana', 'loki', 'jaeger']],
  [['elk'], ['elasticsearch', 'logstash', 'kibana']],
  [['queue', 'broker', 'workers', 'amqp'], ['rabbitmq']],
  [['tracing', 'traces'], ['jaeger']],
  [['s3', 'storage'], ['minio']],
];

/** Words that make `destroy` take the data too. */
const DATA_WORDS = ['volume', 'volumes', 'data', 'everything', 'wipe', 'purge'];

/** Words that say which backup to restore; the default is the newest. */
const WHEN_WORDS: [string, number][] = [['yesterday', 1], ['yesterday\'s', 1], ['today', 0], ['today\'s', 0]];

/** How long `up` may wait for health before it names the laggard. */
const UP_TIMEOUT_SECONDS = 300;

/** Compose file names a project may already use, in the order Compose itself prefers them. */
const COMPOSE_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

interface ProjectOnDisk {
  ref: { project: string; directory: string; file: string };
  services: ExistingService[];
}

/** The Compose project in the output directory, as its files say. */
function projectIn(ctx: RecipeContext): ProjectOnDisk | Missing {
  const directory = ctx.outputDir;
  const file = COMPOSE_FILE_NAMES.find((name) => ctx.files.exists(join(directory, name)));
  if (!file) return { question: `I found no compose file in ${directory}. Create a stack first (e.g. "set up postgres and redis for local dev"), or point --dir at the project.` };
  const env = ctx.files.read(join(directory, '.env'));
  const project = (env && parseEnvFile(env).COMPOSE_PROJECT_NAME) || projectNameFrom(basename(directory));
  return { ref: { project, directory, file }, services: servicesOfComposeFile(ctx.files.read(join(directory, file)) ?? '') };
}

/** The services a request names that the project has, or a question listing the ones it has. */
function namedServices(i: Interpretation, project: ProjectOnDisk, what: string): ExistingService[] | Missing {
  const names = [...(i.entities.services ?? []), ...all(i.entities.name)];
  const found = project.services.filter((s) => names.includes(s.name) || (s.entry && names.some((n) => s.entry!.name === n || repositoryOf(s.image ?? '') === n)));
  if (found.length) return found;
  return { question: `Which service should I ${what}? ${project.ref.project} has ${project.services.map((s) => s.name).join(', ')}.` };
}

const isMissing = (value: unknown): value is Missing => typeof value === 'object' && value !== null && 'question' in value;

// ─── create ──────────────────────────────────────────────────────────────────────────────────

function createStack(i: Interpretation, ctx: RecipeContext): StepDraft[] | Missing {
  const project = projectNameFrom(first(i.entities.name) ?? basename(ctx.outputDir));
  const manifests = manifestsOf(i, ctx);
  if (isMissing(manifests)) return manifests;
  let stack: Stack;
  if (manifests.length) {
    try {
      stack = stackFromManifests(project, manifests, () => i.details.password ?? GENERATED);
    } catch (error) {
      return { question: `I could not mirror those manifests: ${(error as Error).message}` };
    }
  } else {
    const wanted = [...(i.entities.services ?? []), ...STACK_WORDS.filter(([cues]) => cues.some((c) => termsOf(i).has(c))).flatMap(([, services]) => services)];
    if (wanted.length === 0) return { question: 'Which services should the stack have? e.g. "set up postgres and redis for local dev", "a monitoring stack", "an ELK stack".' };
    const { entries, unknown } = resolveServices(wanted);
    if (unknown.length) return { question: `I have no stack template for ${unknown.join(', ')} yet. I can put these in a stack: ${Object.keys(SERVICE_CATALOG).join(', ')}.` };
    // A password the request states is the stack's password; otherwise, when `.env` is written, the
    // one already in it or a new one: the plan holds only the placeholder.
    const secrets = Object.fromEntries(secretNames(entries).map((name) => [name, i.details.password ?? GENERATED]));
    stack = stackFromCatalog(project, entries, secrets);
  }
  return [...writeSteps(stack, ctx), upStep(stack, ctx)];
}

/** `grafana/provisioning/datasources/loki.yaml` → `write-grafana-provisioning-datasources-loki-yaml`. */
function writeStepId(path: string): string {
  return `write-${path.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase()}`;
}

/** Every file of the project as a `files.write` step under the output directory. */
function writeSteps(stack: Stack, ctx: RecipeContext): StepDraft[] {
  return projectFiles(stack).map((file) => ({
    id: writeStepId(file.path),
    action: 'files.write',
    title: `Write ${file.path}: ${file.purpose}`,
    input: { path: join(ctx.outputDir, file.path), content: file.content, ...(file.mode !== undefined ? { mode: file.mode } : {}) },
  }));
}

/**
 * Starts the stack once its files are written. Services built from source start only when their
 * directory already holds code; a fresh scaffold has only the Dockerfile, and the README says how
 * to start them later.
 */
function upStep(stack: Stack, ctx: RecipeContext): StepDraft {
  const ready = stack.services.filter((s) => !s.build || hasCode(join(ctx.outputDir, s.name), ctx));
  const partial = ready.length < stack.services.length;
  return {
    id: 'up',
    action: 'compose.up',
    title: `Start ${stack.project} (${ready.map((s) => s.name).join(', ')}) and wait until it is healthy`,
    input: {
      project: stack.project,
      directory: ctx.outputDir,
      file: COMPOSE_FILE,
      layout: {
        services: stack.services.map((s) => ({ name: s.name, ...(s.image ? { image: s.image } : {}) })),
        volumes: [...new Set(stack.services.flatMap((s) => s.volumes.map((v) => v.name)))],
        networks: [STACK_NETWORK],
        concerns: [],
      },
      ...(partial ? { services: ready.map((s) => s.name) } : {}),
      timeoutSeconds: UP_TIMEOUT_SECONDS,
    },
    dependsOn: projectFiles(stack).map((f) => writeStepId(f.path)),
    timeoutMs: (UP_TIMEOUT_SECONDS + 120) * 1000,
  };
}

function hasCode(directory: string, ctx: RecipeContext): boolean {
  return ctx.files.list(directory).some((name) => name !== 'Dockerfile' && name !== '.dockerignore');
}

/**
 * Manifest files a request names ("mirrors k8s/api.yaml and k8s/db.yaml", "the manifests in
 * ./k8s"), read from the working directory. Empty when the request is not about manifests.
 */
function manifestsOf(i: Interpretation, ctx: RecipeContext): Manifest[] | Missing {
  if (!['manifest', 'manifests', 'kubernetes', 'k8s', 'deployment', 'deployments'].some((w) => termsOf(i).has(w))) return [];
  const candidates = [i.details.path, ...wordsOf(i).flatMap((w) => w.split(/[,;"'`]+/))].filter((token): token is string => Boolean(token && /[/.]/.test(token)));
  const paths = [...new Set(candidates.map((t) => t.replace(/[.,;:)]+$/, '')).map((t) => (isAbsolute(t) ? t : resolve(ctx.cwd, t))))];
  const files = paths.flatMap((path) => {
    if (!ctx.files.exists(path)) return [];
    if (ctx.files.isDirectory(path)) return ctx.files.list(path).filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => join(path, n));
    return /\.ya?ml$/.test(path) ? [path] : [];
  });
  if (files.length === 0) return { question: 'Which Kubernetes manifests should the stack mirror? Give their paths, e.g. "a local Compose environment that mirrors k8s/api.yaml and k8s/db.yaml" or "the manifests in ./k8s".' };
  return files.map((path) => ({ source: path, text: ctx.files.read(path) ?? '' }));
}

// ─── acting on an existing project ───────────────────────────────────────────────────────────

/** A recipe body over the project in the output directory. */
function onProject(build: (project: ProjectOnDisk, i: Interpretation, ctx: RecipeContext) => StepDraft[] | Missing) {
  return (i: Interpretation, ctx: RecipeContext): StepDraft[] | Missing => {
    const project = projectIn(ctx);
    return isMissing(project) ? project : build(project, i, ctx);
  };
}

function deploy(i: Interpretation, ctx: RecipeContext): StepDraft[] | Missing {
  const project = projectIn(ctx);
  // "deploy postgres and redis" in an empty directory: make the stack first.
  if (isMissing(project)) return i.entities.services?.length ? createStack(i, ctx) : project;
  return [{ id: 'up', action: 'compose.up', title: `Start ${project.ref.project} and wait until it is healthy`, input: { ...project.ref, timeoutSeconds: UP_TIMEOUT_SECONDS }, timeoutMs: (UP_TIMEOUT_SECONDS + 120) * 1000 }];
}

const scale = onProject((project, i) => {
  const services = namedServices(i, project, 'scale');
  if (isMissing(services)) return services;
  const replicas = first(i.entities.replicas);
  if (replicas === undefined) return { question: `How many containers of ${services[0]!.name} should run? e.g. "scale ${services[0]!.name} to 3".` };
  return services.map((s) => ({ id: `scale-${s.name}`, action: 'compose.scale', title: `Run ${replicas} of ${s.name}`, input: { ...project.ref, service: s.name, replicas } }));
});

const logs = onProject((project, i) => {
  const named = [...(i.entities.services ?? []), ...all(i.entities.name)];
  const service = project.services.find((s) => named.includes(s.name))?.name;
  const follow = Boolean(i.details.follow);
  return [{
    id: `logs${service ? `-${service}` : ''}`,
    action: 'compose.logs',
    title: `Logs of ${service ?? project.ref.project}`,
    input: { ...project.ref, ...(service ? { service } : {}), tail: i.details.lines ?? 100, follow },
    ...(follow ? { timeoutMs: 24 * 3600_000 } : {}),
  }];
});

const status = onProject((project) => [{ id: 'ps', action: 'compose.ps', title: `Services of ${project.ref.project} and their health`, input: project.ref }]);

const restart = onProject((project, i) => {
  const named = [...(i.entities.services ?? []), ...all(i.entities.name)];
  const services = project.services.filter((s) => named.includes(s.name));
  if (services.length === 0) return [{ id: 'restart', action: 'compose.restart', title: `Restart ${project.ref.project}`, input: project.ref }];
  return services.map((s) => ({ id: `restart-${s.name}`, action: 'compose.restart', title: `Restart ${s.name}`, input: { ...project.ref, service: s.name } }));
});

/** "update postgres to 17": the same repository at the named version. */
const updateImage = onProject((project, i) => {
  const services = namedServices(i, project, 'update');
  if (isMissing(services)) return services;
  const version = first(i.entities.version);
  const explicit = first(i.entities.image);
  const steps: StepDraft[] = [];
  for (const s of services) {
    if (!s.image) return { question: `${s.name} is built from source; change its code and run "deploy" instead.` };
    const image = explicit ?? (version ? `${repositoryOf(s.image)}:${version}` : undefined);
    if (!image) return { question: `Which version of ${s.name} should run? It runs ${s.image}; e.g. "update ${s.name} to 17".` };
    steps.push({ id: `update-${s.name}`, action: 'compose.update', title: `Run ${s.name} on ${image} (was ${s.image})`, input: { ...project.ref, service: s.name, image } });
  }
  return steps;
});

const down = onProject((project, i) => {
  const removeVolumes = DATA_WORDS.some((w) => termsOf(i).has(w));
  return [{
    id: 'down',
    action: 'compose.down',
    title: removeVolumes ? `Remove ${project.ref.project} and its volumes (the data is lost)` : `Stop and remove ${project.ref.project} (volumes are kept)`,
    input: { ...project.ref, removeVolumes },
  }];
});

/** What a service's backup uses: the catalog's method, else its named volumes. */
function backupTarget(s: ExistingService): { using?: string; volumes: string[] } | undefined {
  if (s.entry?.backup) return { using: s.entry.name, volumes: s.volumes };
  return s.volumes.length ? { volumes: s.volumes } : undefined;
}

/** "back up the database": the services with a database-aware method; a named service; else all with data. */
function backupScope(i: Interpretation, project: ProjectOnDisk, ctx: RecipeContext): ExistingService[] | Missing {
  const named = [...(i.entities.services ?? []), ...all(i.entities.name)];
  if (named.length) return namedServices(i, project, 'back up');
  const databases = project.services.filter((s) => s.entry?.backup && (s.entry.kind === 'database' || !termsOf(i).has('database')));
  if ((termsOf(i).has('database') || termsOf(i).has('db')) && databases.length) return databases;
  const withData = project.services.filter((s) => backupTarget(s));
  return withData.length ? withData : { question: `${project.ref.project} has no service with data to back up.` };
}

const backup = onProject((project, i, ctx) => {
  const services = backupScope(i, project, ctx);
  if (isMissing(services)) return services;
  const into = join(project.ref.directory, 'backups');
  const steps: StepDraft[] = [];
  for (const s of services) {
    const target = backupTarget(s);
    if (!target) return { question: `${s.name} keeps no data (no database and no named volume): there is nothing to back up.` };
    steps.push({ id: `backup-${s.name}`, action: 'compose.backup', title: `Back up ${s.name}${target.using ? ` with ${s.entry!.backup!.tool}` : ' (volume archive)'}`, input: { ...project.ref, service: s.name, ...target, into } });
  }
  return steps;
});

/**
 * "restore yesterday's backup of postgres": the newest backup of that service from that day, or
 * the newest at all; a path in the request wins. Backups are found by the names backups are
 * given (`<project>-<service>-<UTC stamp>.<ext>`), and each needs its checksum file.
 */
const restore = onProject((project, i, ctx) => {
  const services = namedServices(i, project, 'restore');
  if (isMissing(services)) return services;
  const service = services[0]!;
  const target = backupTarget(service);
  if (!target) return { question: `${service.name} keeps no data: there is nothing to restore.` };
  const file = backupFileFor(i, project, service.name, ctx);
  if (isMissing(file)) return file;
  return [{ id: `restore-${service.name}`, action: 'compose.restore', title: `Restore ${service.name} from ${basename(file)}`, input: { ...project.ref, service: service.name, ...target, from: file } }];
});

function backupFileFor(i: Interpretation, project: ProjectOnDisk, service: string, ctx: RecipeContext): string | Missing {
  const given = [i.details.path, ...wordsOf(i)].find((t) => t && /\/.+\.(sql|rdb|gz)$/.test(t));
  if (given) return isAbsolute(given) ? given : resolve(ctx.cwd, given);
  const dir = join(project.ref.directory, 'backups');
  const prefix = `${project.ref.project}-${service}-`;
  const found = ctx.files.exists(dir)
    ? ctx.files.list(dir)
        // A restore's own safety copy is its undo (`reign rollback`), not a backup to pick.
        .filter((n) => n.startsWith(prefix) && !n.endsWith('.sha256') && !n.includes('-before-restore') && /^\d{8}T\d{6}Z/.test(n.slice(prefix.length)))
        .sort()
    : [];
  const daysAgo = WHEN_WORDS.find(([word]) => termsOf(i).has(word))?.[1];
  const day = daysAgo === undefined ? undefined : new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const matching = day ? found.filter((n) => n.slice(prefix.length).startsWith(day)) : found;
  const chosen = matching.at(-1);
  if (!chosen) return { question: `I found no backup of ${service}${day ? ` from ${day}` : ''} in ${dir}. Make one with "back up ${service}", or give the file's path.` };
  return join(dir, chosen);
}

export const COMPOSE_RECIPES: Recipe[] = [
  { id: 'compose.create', intent: 'create', domain: 'compose', does: 'create a Compose stack from services or Kubernetes manifests, start it and wait until it is healthy', example: 'set up a React frontend, a Node API, Postgres and Redis for local development', build: createStack },
  { id: 'compose.deploy', intent: 'deploy', domain: 'compose', does: 'start the Compose stack in this directory and wait until it is healthy', example: 'deploy the stack', build: deploy },
  { id: 'compose.scale', intent: 'scale', domain: 'compose', does: 'run a number of containers of one service', example: 'scale worker to 3', build: scale },
  { id: 'compose.logs', intent: 'monitor', domain: 'compose', object: 'logs', does: 'show or follow the logs of the stack or a service', example: 'show the logs of the stack', build: logs },
  { id: 'compose.ps', intent: 'monitor', domain: 'compose', does: 'show the stack\'s services and their health', example: 'show the status of the stack', build: status },
  { id: 'compose.restart', intent: 'update', domain: 'compose', verb: 'restart', does: 'restart the stack or a service', example: 'restart the redis service of the stack', build: restart },
  { id: 'compose.update', intent: 'update', domain: 'compose', does: 'change a service\'s image version and recreate it', example: 'update postgres in the stack to 17', build: updateImage },
  { id: 'compose.down', intent: 'destroy', domain: 'compose', does: 'take the stack down (with "and its volumes", its data too)', example: 'tear down the stack', build: down },
  { id: 'compose.backup', intent: 'backup', domain: 'compose', does: 'back up the stack\'s databases (pg_dump, mysqldump, mongodump, Redis snapshot) or volumes, with checksums', example: 'back up the database', build: backup },
  { id: 'compose.restore', intent: 'restore', domain: 'compose', does: 'restore a service from a backup after checking its checksum', example: 'restore yesterday\'s backup of postgres', build: restore },
];
