import type { ProcessRunner } from '../../core/context.js';
import { ReignError } from '../../core/errors.js';
import type { ComposeCli, ProjectRef } from './schemas.js';

/**
 * The one place that decides which Compose CLI runs: the v2 plugin when `docker compose` answers,
 * else `docker-compose` v1. Asking the Docker CLI costs a few milliseconds; v1 is not asked at all
 * (its Python start-up is slow), a missing one fails at its first command with a hint.
 */
const detected = new WeakMap<ProcessRunner, Promise<ComposeCli>>();

export function composeCli(processes: ProcessRunner): Promise<ComposeCli> {
  let cli = detected.get(processes);
  if (!cli) {
    cli = processes
      .run('docker', ['compose', 'version'], { timeoutMs: 15_000 })
      .then((result): ComposeCli => (result.exitCode === 0 ? 'docker compose' : 'docker-compose'))
      .catch((): ComposeCli => 'docker-compose');
    detected.set(processes, cli);
  }
  return cli;
}

/** The program and leading words of a CLI. */
function cliWords(cli: ComposeCli): [string, ...string[]] {
  return cli === 'docker compose' ? ['docker', 'compose'] : ['docker-compose'];
}

/** Where Reign writes the run-time override: beside the compose file, hidden, regenerated each time. */
export function overridePath(ref: ProjectRef): string {
  return `${ref.directory}/.compose.reign.yaml`;
}

/**
 * The words of a Compose command for a project: `-p` always (v1 rejects a top-level `name:`, and
 * the project must not depend on the directory's name), the user's file first so its directory
 * is the project directory (where `.env` is read), then Reign's override when one is used.
 */
export function composeWords(ref: ProjectRef, args: readonly string[], options: { override?: boolean } = {}): string[] {
  return [
    ...cliWords(ref.cli ?? 'docker compose'),
    '-p', ref.project,
    '-f', `${ref.directory}/${ref.file}`,
    ...(options.override ? ['-f', overridePath(ref)] : []),
    ...args,
  ];
}

export function missingCli(cli: ComposeCli, error: unknown): ReignError {
  return new ReignError(
    'failure',
    `${cli} could not be started: ${(error as Error).message}`,
    'install the Docker Compose plugin (docker compose) or docker-compose',
    { cause: error },
  );
}
