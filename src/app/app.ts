import { homedir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { Clients, DomainClients, Judge, PlanningContext } from '../core/context.js';
import { ActionRegistry } from '../core/registry.js';
import { createFiles, createScratchArea } from '../clients/files.js';
import { createProcessRunner } from '../clients/processes.js';
import { createImageResolver } from '../clients/images.js';
import type { FlowDeps } from '../flow/request.js';
import { createJudge } from '../safety/judge/index.js';
import { createSecretScanner } from '../safety/secrets/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import { allActions, allRecipes, DOMAINS } from '../tools/index.js';
import { planningFrom } from '../clients/planning.js';

/**
 * The composition root: the one place that reads the environment and wires real clients, from
 * the one list of domains. Every surface (the CLI, a server, MCP) starts from here and hands it to
 * the request flow; everything is created on first use.
 */
export interface App extends FlowDeps {
  home: string;
  config: Config;
  configFiles: string[];
  close(): Promise<void>;
}

export function createApp(options: { cwd?: string; domains?: FlowDeps['domains'] } = {}): App {
  const cwd = resolve(options.cwd ?? process.cwd());
  const home = resolve(process.env.REIGN_HOME ?? join(homedir(), '.reign'));
  const domains = options.domains ?? DOMAINS;
  const { config, files } = loadConfig({ home, cwd });
  const secrets = createSecretScanner({ extraSecrets: config.secrets });
  let store: Promise<Store> | undefined;
  let judge: Promise<Judge> | undefined;
  let clients: Promise<Clients> | undefined;
  let planning: Promise<PlanningContext> | undefined;
  const log: Clients['log'] = {
    debug: (m) => void (process.env.REIGN_DEBUG && process.stderr.write(`debug: ${m}\n`)),
    info: (m) => void process.stderr.write(`${m}\n`),
    warn: (m) => void process.stderr.write(`warning: ${m}\n`),
  };
  const app: App = {
    home,
    cwd,
    config,
    configFiles: files,
    actor: { name: config.actor ?? safeUserName(), role: config.role },
    domains,
    registry: new ActionRegistry(allActions(domains)),
    recipes: allRecipes(domains),
    secrets,
    store: () => (store ??= openStore({ home, secrets })),
    judge: () => (judge ??= createJudge()),
    clients: () =>
      (clients ??= (async () => {
        const writer = createFiles(cwd);
        return {
          ...domainClients(domains, config),
          processes: createProcessRunner(),
          files: writer,
          scratch: createScratchArea(writer),
          judge: await app.judge(),
          images: createImageResolver(config.images),
          clock: { now: () => new Date() },
          log,
          cwd,
        };
      })()),
    planning: () => (planning ??= app.clients().then((all) => planningFrom(all, domains))),
    async close() {
      if (store) await (await store).close();
    },
  };
  return app;
}

/** Each domain's client, built from its section of the config. */
function domainClients(domains: FlowDeps['domains'], config: Config): DomainClients {
  const sections = config as unknown as Record<string, unknown>;
  return Object.assign({}, ...domains.map((d) => d.clients?.(sections[d.name] ?? {}, process.env) ?? {})) as DomainClients;
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
