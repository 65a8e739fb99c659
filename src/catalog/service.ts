/**
 * The shape of one catalog entry: everything a Compose project needs to run a service well, as
 * data a reviewer can read. Generators interpret it; nothing here runs anything.
 *
 * Values may use Compose interpolation (`${POSTGRES_PASSWORD}`): the generated `.env` holds every
 * variable an entry lists under `secrets`, so credentials never appear in `compose.yaml`.
 * A literal `$` meant for the container's shell is written `$$`, as Compose requires.
 */
export interface ServiceEntry {
  /** Catalog key, and the service's name in a generated stack. */
  name: string;
  title: string;
  kind: ServiceKind;
  /** Pinned image reference; image settings can map it to a mirror. */
  image: string;
  /** Container ports, each published on 127.0.0.1 at `host` so only this machine reaches it. */
  ports: PortSpec[];
  environment?: Record<string, string>;
  /** Variables generated as random secrets into `.env` and referenced from `environment`. */
  secrets?: string[];
  command?: string[];
  /** A fixed hostname, for services that key their data by it (RabbitMQ's node name). */
  hostname?: string;
  /** Named volumes: `name` is prefixed with nothing, so keep it unique in a stack (`postgres-data`). */
  volumes?: { name: string; target: string }[];
  /** Configuration files this entry ships, bind-mounted read-only. */
  files?: ConfigFile[];
  /** Files this entry gives to another service of the same stack (Prometheus → Grafana data source). */
  contributes?: { to: string; file: ConfigFile }[];
  healthcheck: Healthcheck;
  limits: { memory: string; cpus: number };
  /** Who the main process runs as; `set` goes into `user:` when the image does not already drop root. */
  user: { runsAs: string; set?: string };
  /** Services it cannot work without; a stack that names this entry gets them too. */
  needs?: { service: string; why: string }[];
  /** What dependants get in their environment, and the line the README shows. */
  offers?: Connection;
  backup?: BackupMethod;
  /** For runtimes and front ends: how the generated Dockerfile builds the app. */
  build?: AppBuild;
  /** Shown beside the service in the README: limits of a dev setup a user must know. */
  caution?: string;
}

type ServiceKind = 'database' | 'cache' | 'queue' | 'proxy' | 'observability' | 'storage' | 'security' | 'runtime' | 'frontend';

interface PortSpec {
  container: number;
  host: number;
  /** What the port is for, shown in the README: "SQL", "management UI". */
  purpose: string;
  /** An HTTP port gets an `http://localhost:<port>` link in the README. */
  http?: boolean;
}

export interface ConfigFile {
  /** Path in the generated project, relative to its directory. */
  path: string;
  /** Where it is mounted in the container. */
  target: string;
  content: string;
}

export interface Healthcheck {
  /** Compose's `test`: `["CMD", …]` runs without a shell, `["CMD-SHELL", "…"]` through `/bin/sh`. */
  test: string[];
  interval?: string;
  timeout?: string;
  retries?: number;
  startPeriod?: string;
}

interface Connection {
  /** Environment variables for services that depend on this one, reaching it by its service name. */
  env: Record<string, string>;
  /** How a person on this machine connects, with `${VAR}` left for the reader to fill from `.env`. */
  local: string;
}

/**
 * A database-aware backup: `dump` runs in the service's container through `sh -c` and writes
 * `file`; `restore` reads it back. Both use the container's own environment for credentials, so
 * no secret is ever on a command line Reign builds. A `snapshot` copies a file the server writes
 * itself (Redis's dump.rdb) and restores it with the service stopped.
 */
export type BackupMethod =
  | { kind: 'dump'; tool: string; file: string; extension: string; dump: string; restore: string }
  | { kind: 'snapshot'; tool: string; file: string; extension: string; snapshot: string[] };

export interface AppBuild {
  /** Port the app listens on inside the container. */
  port: number;
  dockerfile: string;
  dockerignore: string;
}
