import { composeFile } from './compose-file.js';
import { ENV_FILE_MODE, envFile } from './env-file.js';
import { makefile } from './makefile.js';
import { readme } from './readme.js';
import type { Stack } from './stack.js';

/** One file of a generated project, its path relative to the project directory. */
export interface GeneratedFile {
  path: string;
  content: string;
  mode?: number;
  /** Shown in the plan: why this file exists. */
  purpose: string;
}

export const COMPOSE_FILE = 'compose.yaml';

/** Every file of a Compose project for a stack: what a person needs to run, reach and keep it. */
export function projectFiles(stack: Stack): GeneratedFile[] {
  const configFiles = new Map(stack.services.flatMap((s) => s.files.map((f) => [f.path, f] as const)));
  return [
    { path: COMPOSE_FILE, content: composeFile(stack), purpose: 'the services, their health checks, limits, volumes and network' },
    { path: '.env', content: envFile(stack), mode: ENV_FILE_MODE, purpose: 'the project name and generated secrets (mode 600)' },
    { path: 'Makefile', content: makefile(stack), purpose: 'up, down, logs, ps, backup, restore' },
    { path: 'README.md', content: readme(stack), purpose: 'endpoints and connection strings' },
    ...[...configFiles.values()].map((f) => ({ path: f.path, content: f.content, purpose: `configuration mounted at ${f.target}` })),
    ...stack.services.flatMap((s) =>
      s.entry?.build && s.build
        ? [
            { path: `${s.name}/Dockerfile`, content: s.entry.build.dockerfile, purpose: `multi-stage build of ${s.name}, running as a non-root user` },
            { path: `${s.name}/.dockerignore`, content: s.entry.build.dockerignore, purpose: `keeps secrets and build output out of the ${s.name} image` },
          ]
        : [],
    ),
  ];
}
