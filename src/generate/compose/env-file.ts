import type { Stack } from './stack.js';

/** `.env` is written with this mode: its secrets are for the owner alone. */
export const ENV_FILE_MODE = 0o600;

/**
 * `.env` for a stack: the project name (so `docker compose` anywhere in the directory acts on the
 * same project) and every generated secret. Values are hex or base64url, so no quoting is needed
 * by either Compose version.
 */
export function envFile(stack: Stack): string {
  const lines = [
    `# Secrets for the ${stack.project} stack. Keep this file out of version control.`,
    `COMPOSE_PROJECT_NAME=${stack.project}`,
    ...Object.entries(stack.secrets).map(([k, v]) => `${k}=${v}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** The variables of an existing `.env`, so regenerating a project keeps the passwords its volumes were made with. */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match) values[match[1]!] = match[2]!.trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}
