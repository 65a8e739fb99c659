import { homedir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { Clients, Judge } from '../core/context.js';
import { ActionRegistry } from '../core/registry.js';
import { createFiles } from '../clients/files.js';
import { createProcessRunner } from '../clients/processes.js';
import { createImageResolver } from '../clients/images.js';
import { createJudge } from '../safety/judge/index.js';
import { createSecretScanner, type SecretScanner } from '../safety/secrets/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import { dockerClient } from '../tools/docker/index.js';
import { allActions } from '../tools/index.js';

/**
 * The composition root: the one place that reads the environment and wires real clients. Every
 * subcommand gets what it needs from here, created on first use.
 */
export interface App {
  home: string;
  cwd: string;
  config: Config;
  configFiles: string[];
  actor: { name: string; role: Config['role'] };
  registry: ActionRegistry;
  secrets: SecretScanner;
  store(): Promise<Store>;
  judge(): Promise<Judge>;
  clients(): Promise<Clients>;
  close(): Promise<void>;
}

export function createApp(options: { cwd?: string } = {}): App {
  const cwd = resolve(options.cwd ?? process.cwd());
  const home = resolve(process.env.REIGN_HOME ?? join(homedir(), '.reign'));
  const { config, files } = loadConfig({ home, cwd });
  const secrets = createSecretScanner({ extraSecrets: config.secrets });
  let store: Promise<Store> | undefined;
  let judge: Promise<Judge> | undefined;
  let clients: Promise<Clients> | undefined;
  const app: App = {
    home,
    cwd,
    config,
    configFiles: files,
    actor: { name: config.actor ?? safeUserName(), role: config.role },
    registry: new ActionRegistry(allActions()),
    secrets,
    store: () => (store ??= openStore({ home, secrets })),
    judge: () => (judge ??= createJudge()),
    clients: () =>
      (clients ??= (async () => ({
        docker: dockerClient({ host: config.docker.host ?? process.env.DOCKER_HOST }),
        processes: createProcessRunner(),
        files: createFiles(cwd),
        judge: await app.judge(),
        images: createImageResolver(config.images),
        clock: { now: () => new Date() },
        log: {
          debug: (m) => void (process.env.REIGN_DEBUG && process.stderr.write(`debug: ${m}\n`)),
          info: (m) => void process.stderr.write(`${m}\n`),
          warn: (m) => void process.stderr.write(`warning: ${m}\n`),
        },
        cwd,
      }))()),
    async close() {
      if (store) await (await store).close();
    },
  };
  return app;
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
