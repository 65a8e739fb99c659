import { CLOUD_TABLES } from './cloud.js';
import { COREUTILS_TABLES } from './coreutils.js';
import { DATABASE_TABLES } from './databases.js';
import { DOCKER_TABLES } from './docker.js';
import { GIT_TABLES } from './git.js';
import { KUBERNETES_TABLES } from './kubernetes.js';
import { NETWORK_TABLES } from './network.js';
import { PACKAGE_TABLES } from './packages.js';
import { SYSTEM_TABLES } from './system.js';
import { TERRAFORM_TABLES } from './terraform.js';
import type { ToolTable } from './types.js';
import { WINDOWS_TABLES } from './windows.js';

/** Every tool table, most specific first: the first table that names a command is its table. */
const TOOL_TABLES: ToolTable[] = [
  ...DOCKER_TABLES,
  ...KUBERNETES_TABLES,
  ...TERRAFORM_TABLES,
  ...GIT_TABLES,
  ...CLOUD_TABLES,
  ...NETWORK_TABLES,
  ...PACKAGE_TABLES,
  ...DATABASE_TABLES,
  ...SYSTEM_TABLES,
  ...COREUTILS_TABLES,
  ...WINDOWS_TABLES,
];

/** Subcommands that are tools of their own: `docker compose` reads like `docker-compose`. */
export const SUBCOMMAND_TOOLS: Record<string, Record<string, string>> = {
  docker: { compose: 'docker-compose' },
  podman: { compose: 'podman-compose' },
};

export function tableIndex(): Map<string, ToolTable> {
  const index = new Map<string, ToolTable>();
  for (const table of TOOL_TABLES) {
    for (const name of table.names) if (!index.has(name)) index.set(name, table);
  }
  return index;
}

export const UNKNOWN_COMMAND = { level: 'admin', reason: 'is not a known command, so what it does cannot be checked' } as const;
