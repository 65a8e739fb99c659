import type { Clients, PlanningClients, PlanningContext } from '../core/context.js';
import type { AnyToolDomain } from '../core/domain.js';
import { createReadFiles } from './files.js';

/**
 * The read-only context planning gets from the run's clients: files read-only, each domain's
 * read-only view of its client, and the process runner for tools' own previews.
 */
export function planningFrom(clients: Clients, domains: readonly AnyToolDomain[]): PlanningContext {
  const views = Object.assign({}, ...domains.map((d) => d.planning?.(clients) ?? {})) as PlanningClients;
  return {
    ...views,
    files: createReadFiles(clients.cwd),
    processes: clients.processes,
    scratch: clients.scratch,
    judge: clients.judge,
    images: clients.images,
    clock: clients.clock,
    log: clients.log,
    cwd: clients.cwd,
  };
}
