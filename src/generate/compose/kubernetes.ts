import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { catalogEntryForImage } from '../../catalog/index.js';
import type { Stack, StackService } from './stack.js';

/**
 * A local Compose stack that mirrors Kubernetes Deployments and Services: each Deployment's
 * first container becomes a service named after the Service that selects it (so the names
 * other pods use still resolve), Service ports are published on 127.0.0.1, env values are
 * kept and Secret references become generated secrets in `.env`. What has no Compose
 * equivalent is listed in the notes rather than dropped silently.
 */

const EnvVar = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/),
  value: z.string().optional(),
  valueFrom: z
    .object({
      secretKeyRef: z.object({ name: z.string(), key: z.string() }).optional(),
      configMapKeyRef: z.object({ name: z.string(), key: z.string() }).optional(),
    })
    .passthrough()
    .optional(),
});

const Probe = z
  .object({
    exec: z.object({ command: z.array(z.string()).min(1) }).optional(),
    periodSeconds: z.number().int().positive().optional(),
    failureThreshold: z.number().int().positive().optional(),
    initialDelaySeconds: z.number().int().nonnegative().optional(),
  })
  .passthrough();

const Container = z
  .object({
    name: z.string(),
    image: z.string().min(1),
    command: z.array(z.string()).optional(),
    args: z.array(z.string()).optional(),
    ports: z.array(z.object({ containerPort: z.number().int().min(1).max(65535), name: z.string().optional() }).passthrough()).optional(),
    env: z.array(EnvVar).optional(),
    resources: z.object({ limits: z.object({ memory: z.string().optional(), cpu: z.union([z.string(), z.number()]).optional() }).passthrough().optional() }).passthrough().optional(),
    readinessProbe: Probe.optional(),
    livenessProbe: Probe.optional(),
    volumeMounts: z.array(z.object({ name: z.string(), mountPath: z.string() }).passthrough()).optional(),
  })
  .passthrough();

const Deployment = z.object({
  kind: z.literal('Deployment'),
  metadata: z.object({ name: z.string() }).passthrough(),
  spec: z
    .object({
      replicas: z.number().int().nonnegative().optional(),
      template: z.object({
        metadata: z.object({ labels: z.record(z.string(), z.string()).optional() }).passthrough().optional(),
        spec: z
          .object({
            containers: z.array(Container).min(1),
            volumes: z.array(z.object({ name: z.string(), persistentVolumeClaim: z.object({ claimName: z.string() }).passthrough().optional() }).passthrough()).optional(),
          })
          .passthrough(),
      }),
    })
    .passthrough(),
});

const Service = z.object({
  kind: z.literal('Service'),
  metadata: z.object({ name: z.string() }).passthrough(),
  spec: z
    .object({
      selector: z.record(z.string(), z.string()).optional(),
      ports: z.array(z.object({ port: z.number().int().min(1).max(65535), targetPort: z.union([z.number().int(), z.string()]).optional() }).passthrough()).optional(),
    })
    .passthrough(),
});

type Deployment = z.infer<typeof Deployment>;
type Service = z.infer<typeof Service>;

export interface Manifest {
  /** Where it was read from, for messages. */
  source: string;
  text: string;
}

/** Deployments and Services from YAML files; other kinds are noted, malformed ones refused with their file and field. */
export function readManifests(files: Manifest[]): { deployments: Deployment[]; services: Service[]; skipped: string[] } {
  const deployments: Deployment[] = [];
  const services: Service[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    for (const [index, doc] of parseAllDocuments(file.text).entries()) {
      if (doc.errors.length) throw new Error(`${file.source}: document ${index + 1} is not valid YAML: ${doc.errors[0]!.message}`);
      const value = doc.toJS() as { kind?: unknown; metadata?: { name?: unknown } } | null;
      if (!value) continue;
      const schema = value.kind === 'Deployment' ? Deployment : value.kind === 'Service' ? Service : undefined;
      if (!schema) {
        skipped.push(`${file.source}: ${String(value.kind ?? 'a document without kind')} ${String(value.metadata?.name ?? '')}`.trim());
        continue;
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`${file.source}: ${String(value.kind)} ${String(value.metadata?.name ?? '')}: ${issue.path.join('.')}: ${issue.message}`);
      }
      if (parsed.data.kind === 'Deployment') deployments.push(parsed.data);
      else services.push(parsed.data);
    }
  }
  return { deployments, services, skipped };
}

/** Compose service names follow Compose's rule; Kubernetes names already do. */
const SERVICE_NAME = /^[a-z0-9][a-z0-9_.-]*$/;

export function stackFromManifests(project: string, files: Manifest[], secretFor: (name: string) => string): Stack {
  const { deployments, services: k8sServices, skipped } = readManifests(files);
  if (deployments.length === 0) throw new Error(`no Deployment in ${files.map((f) => f.source).join(', ')}`);
  const notes = skipped.map((s) => `not mirrored (no Compose equivalent here): ${s}`);
  const secrets: Record<string, string> = {};
  const services: StackService[] = deployments.map((d) => {
    const labels = d.spec.template.metadata?.labels ?? {};
    const selecting = k8sServices.find((s) => s.spec.selector && Object.entries(s.spec.selector).every(([k, v]) => labels[k] === v));
    const name = selecting?.metadata.name ?? d.metadata.name;
    if (!SERVICE_NAME.test(name)) throw new Error(`Deployment ${d.metadata.name}: "${name}" cannot be a Compose service name`);
    const [container, ...sidecars] = d.spec.template.spec.containers;
    for (const s of sidecars) notes.push(`${name}: sidecar container ${s.name} is not mirrored`);
    const entry = catalogEntryForImage(container!.image);
    const environment: Record<string, string> = {};
    for (const env of container!.env ?? []) {
      if (env.value !== undefined) environment[env.name] = env.value.replaceAll('$', () => '$$');
      else if (env.valueFrom?.secretKeyRef) {
        const variable = envVariable(env.name);
        secrets[variable] ??= secretFor(variable);
        environment[env.name] = `\${${variable}}`;
        notes.push(`${name}: ${env.name} came from Secret ${env.valueFrom.secretKeyRef.name}; a generated value is in .env`);
      } else {
        const variable = envVariable(env.name);
        secrets[variable] ??= '';
        environment[env.name] = `\${${variable}}`;
        notes.push(`${name}: ${env.name} came from a ConfigMap or field reference; set ${variable} in .env`);
      }
    }
    const ports = (selecting?.spec.ports ?? []).map((p) => ({
      host: p.port,
      container: targetPort(p.targetPort, p.port, container!),
      purpose: `Service ${selecting!.metadata.name} port ${p.port}`,
    }));
    const claims = new Set((d.spec.template.spec.volumes ?? []).filter((v) => v.persistentVolumeClaim).map((v) => v.name));
    const volumes = (container!.volumeMounts ?? []).filter((m) => claims.has(m.name)).map((m) => ({ name: `${name}-${m.name}`, target: m.mountPath }));
    for (const m of container!.volumeMounts ?? []) if (!claims.has(m.name)) notes.push(`${name}: volume mount ${m.name} at ${m.mountPath} is not mirrored (not a PersistentVolumeClaim)`);
    const replicas = d.spec.replicas ?? 1;
    if (replicas > 1 && ports.length) notes.push(`${name}: runs 1 replica instead of ${replicas}, because its ports are published on this machine`);
    return {
      name,
      ...(entry ? { entry } : {}),
      image: container!.image,
      ports,
      environment,
      ...(container!.command || container!.args ? { command: [...(container!.command ?? []), ...(container!.args ?? [])] } : {}),
      volumes: volumes.length ? volumes : (entry?.volumes ?? []).map((v) => ({ name: `${name}-${v.name}`, target: v.target })),
      files: [],
      ...healthOf(container!, entry),
      ...limitsOf(container!),
      dependsOn: [],
      ...(replicas > 1 && !ports.length ? { replicas } : {}),
    };
  });
  // A service that names another in its environment (a URL, a host) waits for it.
  for (const service of services) {
    const text = Object.values(service.environment).join(' ');
    service.dependsOn = services
      .filter((other) => other !== service && new RegExp(`(^|[^a-z0-9.-])${escapeRegExp(other.name)}([^a-z0-9-]|$)`).test(text))
      .map((other) => ({ service: other.name, condition: other.healthcheck ? 'service_healthy' : 'service_started' }));
  }
  return { project, services, secrets, notes };
}

function envVariable(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
}

function targetPort(target: number | string | undefined, port: number, container: z.infer<typeof Container>): number {
  if (typeof target === 'number') return target;
  if (typeof target === 'string') {
    const named = container.ports?.find((p) => p.name === target)?.containerPort;
    if (named) return named;
    if (/^\d+$/.test(target)) return Number(target);
  }
  return port;
}

/** An exec probe becomes the health check; otherwise the catalog's, when the image is a catalog service. */
function healthOf(container: z.infer<typeof Container>, entry: ReturnType<typeof catalogEntryForImage>): Pick<StackService, 'healthcheck'> {
  const probe = container.readinessProbe?.exec ? container.readinessProbe : container.livenessProbe?.exec ? container.livenessProbe : undefined;
  if (probe?.exec) {
    return {
      healthcheck: {
        test: ['CMD', ...probe.exec.command],
        ...(probe.periodSeconds ? { interval: `${probe.periodSeconds}s` } : {}),
        ...(probe.failureThreshold ? { retries: probe.failureThreshold } : {}),
        ...(probe.initialDelaySeconds ? { startPeriod: `${probe.initialDelaySeconds}s` } : {}),
      },
    };
  }
  return entry ? { healthcheck: entry.healthcheck } : {};
}

/** Kubernetes quantities as Compose takes them: `512Mi` → `512M`, `500m` CPU → 0.5. */
function limitsOf(container: z.infer<typeof Container>): Pick<StackService, 'limits'> {
  const limits = container.resources?.limits;
  if (!limits?.memory && limits?.cpu === undefined) return {};
  const memory = limits.memory ? memoryOf(limits.memory) : '512M';
  const cpus = limits.cpu === undefined ? 1 : cpuOf(limits.cpu);
  return { limits: { memory, cpus } };
}

function memoryOf(quantity: string): string {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|K|M|G|k)?$/.exec(quantity);
  if (!match) throw new Error(`memory limit "${quantity}" is not a Kubernetes quantity`);
  const unit = { Ki: 'K', Mi: 'M', Gi: 'G', K: 'K', M: 'M', G: 'G', k: 'K' }[match[2] ?? ''] ?? '';
  return `${Math.ceil(Number(match[1]))}${unit}`;
}

function cpuOf(quantity: string | number): number {
  if (typeof quantity === 'number') return quantity;
  const match = /^(\d+(?:\.\d+)?)(m)?$/.exec(quantity);
  if (!match) throw new Error(`CPU limit "${quantity}" is not a Kubernetes quantity`);
  return match[2] ? Number(match[1]) / 1000 : Number(match[1]);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
