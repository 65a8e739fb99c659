import { catalogEntry } from '../../catalog/index.js';
import type { ConfigFile, Healthcheck, ServiceEntry } from '../../catalog/service.js';

/**
 * A stack as the generators see it: services with everything resolved (ports de-conflicted,
 * dependencies and connection settings wired), whether they came from the catalog or from
 * Kubernetes manifests. Pure data; no I/O.
 */
export interface Stack {
  /** The Compose project name: lower-case letters, digits, `-` and `_`. */
  project: string;
  services: StackService[];
  /** Values for every `${VAR}` the services use; written to `.env`, never into compose.yaml. */
  secrets: Record<string, string>;
  /** Things the user must know, shown in the README. */
  notes: string[];
}

export interface StackService {
  name: string;
  /** The catalog entry it came from, for backups, titles and connection details. */
  entry?: ServiceEntry;
  image?: string;
  /** Built from `./<name>` with the generated Dockerfile. */
  build?: { context: string };
  ports: { host: number; container: number; purpose: string; http?: boolean }[];
  environment: Record<string, string>;
  command?: string[];
  hostname?: string;
  volumes: { name: string; target: string }[];
  files: ConfigFile[];
  healthcheck?: Healthcheck;
  limits?: { memory: string; cpus: number };
  user?: string;
  dependsOn: { service: string; condition: 'service_healthy' | 'service_started' }[];
  replicas?: number;
}

/** Compose's own rule for project names (v1 strips anything else, v2 refuses it). */
export const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** A project name from any text: `My Shop!` → `my-shop`. */
export function projectNameFrom(text: string): string {
  const name = text.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[-_]+|[-_]+$/g, '').slice(0, 63);
  return name || 'stack';
}

/** Kinds whose services an application connects to, and waits for. */
const BACKING_KINDS = new Set(['database', 'cache', 'queue', 'storage', 'security']);

/**
 * The catalog entries a request names, with what they need added (Grafana brings Prometheus),
 * each once, in the order named. Unknown names are returned for the caller to ask about.
 */
export function resolveServices(names: string[]): { entries: ServiceEntry[]; unknown: string[] } {
  const entries: ServiceEntry[] = [];
  const unknown: string[] = [];
  const add = (name: string) => {
    const entry = catalogEntry(name);
    if (!entry) return void unknown.push(name);
    if (entries.some((e) => e.name === entry.name)) return;
    entries.push(entry);
    for (const need of entry.needs ?? []) add(need.service);
  };
  names.forEach(add);
  return { entries, unknown };
}

/** The secret variables a set of entries uses. */
export function secretNames(entries: ServiceEntry[]): string[] {
  return [...new Set(entries.flatMap((e) => e.secrets ?? []))];
}

/**
 * A stack of catalog services. Applications depend on every backing service (waiting until it is
 * healthy) and get its connection settings; front ends also get the APIs; a service that needs
 * another waits for it; contributed files (data sources) go to their receiver when it is present.
 * Host ports that collide move up to the next free one.
 */
export function stackFromCatalog(project: string, entries: ServiceEntry[], secrets: Record<string, string>): Stack {
  const missing = secretNames(entries).filter((s) => !secrets[s]);
  if (missing.length) throw new Error(`no value for the secrets ${missing.join(', ')}`);
  const present = new Set(entries.map((e) => e.name));
  const usedPorts = new Set<number>();
  const services = entries.map((entry): StackService => {
    const uses = entries.filter((other) => other !== entry && usesService(entry, other));
    const needs = (entry.needs ?? []).map((n) => n.service).filter((n) => present.has(n));
    const dependsOn = [...new Set([...needs, ...uses.map((u) => u.name)])].map((service) => ({ service, condition: 'service_healthy' as const }));
    const environment = { ...Object.assign({}, ...uses.map((u) => u.offers?.env ?? {})), ...entry.environment };
    const contributed = entries.flatMap((other) => (other.contributes ?? []).filter((c) => c.to === entry.name).map((c) => c.file));
    return {
      name: entry.name,
      entry,
      ...(entry.build ? { build: { context: `./${entry.name}` } } : { image: entry.image }),
      ports: entry.ports.map((p) => ({ ...p, host: freePort(p.host, usedPorts) })),
      environment,
      ...(entry.command ? { command: entry.command } : {}),
      ...(entry.hostname ? { hostname: entry.hostname } : {}),
      volumes: entry.volumes ?? [],
      files: [...(entry.files ?? []), ...contributed],
      healthcheck: entry.healthcheck,
      limits: entry.limits,
      ...(entry.user.set ? { user: entry.user.set } : {}),
      dependsOn,
    };
  });
  const notes = entries.filter((e) => e.caution).map((e) => `${e.title}: ${e.caution}`);
  return { project, services, secrets: pick(secrets, secretNames(entries)), notes };
}

function usesService(user: ServiceEntry, other: ServiceEntry): boolean {
  if (user.kind === 'runtime') return BACKING_KINDS.has(other.kind);
  if (user.kind === 'frontend') return other.kind === 'runtime';
  return false;
}

function freePort(wanted: number, used: Set<number>): number {
  let port = wanted;
  while (used.has(port)) port++;
  used.add(port);
  return port;
}

function pick(record: Record<string, string>, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((k) => k in record).map((k) => [k, record[k]!]));
}
