import { ReignError, UsageError } from '../core/errors.js';
import type { EventSink } from '../core/events.js';
import { executeRollback, planRollback, type RollbackStep } from '../core/rollback.js';
import type { RunDetail, Store } from '../store/store.js';
import type { FlowDeps } from './request.js';

/**
 * The run with this id, or the only run whose id starts with it (like a git commit prefix).
 * Throws `not_found` (exit 6) when none matches and `usage` when the prefix is ambiguous.
 */
export async function findRun(store: Store, idOrPrefix: string): Promise<RunDetail> {
  const exact = await store.getRun(idOrPrefix);
  if (exact) return exact;
  const matches = idOrPrefix ? await store.listRuns({ idPrefix: idOrPrefix }) : [];
  if (matches.length > 1) {
    const shown = matches.slice(0, 5).map((r) => r.id).join(', ');
    throw new UsageError(`run id "${idOrPrefix}" is ambiguous: it matches ${shown}${matches.length > 5 ? ', …' : ''}`, 'give more characters of the run id');
  }
  const run = matches[0] && (await store.getRun(matches[0].id));
  if (!run) throw new ReignError('not_found', `no run "${idOrPrefix}"`, '`reign runs` lists runs');
  return run;
}

/** What undoing a recorded run takes, for the surface to show before it asks. */
export async function planRunRollback(deps: FlowDeps, idOrPrefix: string): Promise<{ run: RunDetail; work: RollbackStep[] }> {
  const run = await findRun(await deps.store(), idOrPrefix);
  return { run, work: planRollback(run, deps.registry) };
}

/** Undoes a run (also one whose process was killed), recorded in the store and the audit log. */
export async function runRollback(deps: FlowDeps, run: RunDetail, work: RollbackStep[], opts: { onEvent?: EventSink } = {}) {
  return executeRollback(run, work, {
    registry: deps.registry,
    clients: await deps.clients(),
    store: await deps.store(),
    actor: deps.actor.name,
    onEvent: opts.onEvent,
  });
}
