import { hostname } from 'node:os';
import type { Kysely, Selectable } from 'kysely';
import type { Plan } from '../core/plan.js';
import type { Review } from '../core/review.js';
import type { RunEvent } from '../core/events.js';
import type { RunStatus, StepStatus } from '../core/run.js';
import type { SecretScanner } from '../safety/secrets/scanner.js';
import { createAuditLog } from './audit.js';
import type { CheckpointFiles } from './audit-checkpoint.js';
import { createSessionStore } from './sessions.js';
import { createWriteQueue } from './write-queue.js';
import type { Database, RunsTable, StepsTable } from './schema.js';
import type { Compensation, ResourceRecord, RunDetail, RunSummary, StepRecord, Store } from './store.js';

/** Rows per INSERT when a plan's steps are recorded, well under every engine's parameter limit. */
const INSERT_CHUNK = 100;

/**
 * The store over any Kysely database. Every value is redacted before it is written; nothing here
 * depends on the engine.
 */
export function createSqlStore(db: Kysely<Database>, secrets: SecretScanner, checkpoint?: CheckpointFiles): Store {
  const thisHost = hostname();
  const { write, drained } = createWriteQueue(db);
  const json = (value: unknown) => JSON.stringify(secrets.redactValue(value ?? null));
  const text = (value: string) => secrets.redactText(value);
  const textOrNull = (value: string | undefined) => (value === undefined ? null : text(value));

  // Steps start concurrently within a process: this counter keeps their order when two share a
  // millisecond. Across processes started_at decides.
  let startCounter = 0;

  // Event sequence numbers per run, handed out in call order: the executor does not wait for one
  // event's write before emitting the next, and the order must survive.
  const eventSeqs = new Map<string, Promise<number>>();
  const nextEventSeq = (runId: string): Promise<number> => {
    const previous =
      eventSeqs.get(runId) ??
      db
        .selectFrom('events')
        .select((eb) => eb.fn.max('seq').as('max'))
        .where('run_id', '=', runId)
        .executeTakeFirst()
        .then((row) => Number(row?.max ?? 0));
    const next = previous.then((seq) => seq + 1);
    eventSeqs.set(runId, next);
    return next;
  };

  /** A run left `running` by a process that is gone (on this host) was interrupted. */
  const statusOf = (row: Pick<RunsTable, 'status' | 'pid' | 'host'>): RunStatus =>
    row.status === 'running' && row.host === thisHost && !processIsAlive(row.pid) ? 'interrupted' : (row.status as RunStatus);

  const updateStep = (runId: string, stepId: string, changes: Partial<StepsTable>) =>
    write(async (trx) => {
      const result = await trx.updateTable('steps').set(changes).where('run_id', '=', runId).where('step_id', '=', stepId).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new Error(`step "${stepId}" is not part of run ${runId}`);
    });

  return {
    async createRun(run) {
      const plan = secrets.redactValue(run.plan);
      const startedAt = new Date().toISOString();
      // Every planned step is recorded as pending up front, so a run cut short still shows
      // what it meant to do.
      const steps = plan.steps.map((step, index) => ({
        run_id: run.id,
        step_id: step.id,
        plan_index: index,
        start_order: null,
        action: step.action,
        title: step.title,
        input: JSON.stringify(step.input ?? null),
        command: plan.previews[step.id]?.command ?? '',
        status: 'pending',
      }));
      await write(async (trx) => {
        await trx
          .insertInto('runs')
          .values({
            id: run.id,
            request: plan.request,
            status: 'running',
            actor: text(run.actor),
            pid: run.pid,
            host: run.host,
            plan: JSON.stringify(plan),
            review: json(run.review),
            step_count: plan.steps.length,
            started_at: startedAt,
            finished_at: null,
            error: null,
            rollback_of: run.rollbackOf ?? null,
          })
          .execute();
        for (let i = 0; i < steps.length; i += INSERT_CHUNK) {
          await trx.insertInto('steps').values(steps.slice(i, i + INSERT_CHUNK)).execute();
        }
      });
      eventSeqs.set(run.id, Promise.resolve(0));
    },

    async stepStarted(runId, step) {
      await updateStep(runId, step.stepId, {
        start_order: ++startCounter,
        action: step.action,
        title: text(step.title),
        input: json(step.input),
        command: text(step.command),
        status: 'running',
        started_at: new Date().toISOString(),
      });
    },

    async stepFinished(runId, stepId, result) {
      await updateStep(runId, stepId, {
        status: result.status,
        output: result.output === undefined ? null : json(result.output),
        error: textOrNull(result.error),
        finished_at: new Date().toISOString(),
      });
    },

    async stepCompensated(runId, stepId, compensation) {
      await updateStep(runId, stepId, { status: compensation.status, compensation: json(compensation) });
    },

    async finishRun(runId, status, error) {
      const changes = { status, error: textOrNull(error), finished_at: new Date().toISOString() };
      await write((trx) => trx.updateTable('runs').set(changes).where('id', '=', runId).execute());
    },

    async appendEvent(event) {
      const data = json(event);
      const row = { run_id: event.runId, seq: await nextEventSeq(event.runId), at: event.at, type: event.type, step_id: 'stepId' in event ? event.stepId : null, data };
      await write((trx) => trx.insertInto('events').values(row).execute());
    },

    async addResources(runId, stepId, resources) {
      if (resources.length === 0) return;
      const createdAt = new Date().toISOString();
      await write(async (trx) => {
        for (const resource of resources) {
          const name = textOrNull(resource.name);
          await trx
            .insertInto('resources')
            .values({ run_id: runId, step_id: stepId, kind: resource.kind, resource_id: text(resource.id), name, created_at: createdAt, removed_at: null })
            .onConflict((oc) => oc.columns(['run_id', 'step_id', 'kind', 'resource_id']).doUpdateSet({ name, removed_at: null }))
            .execute();
        }
      });
    },

    async removeResources(resources) {
      const removedAt = new Date().toISOString();
      await write(async (trx) => {
        for (const resource of resources) {
          await trx
            .updateTable('resources')
            .set({ removed_at: removedAt })
            .where('kind', '=', resource.kind)
            .where('resource_id', '=', text(resource.id))
            .where('removed_at', 'is', null)
            .execute();
        }
      });
    },

    async getRun(runId) {
      const row = await db.selectFrom('runs').selectAll().where('id', '=', runId).executeTakeFirst();
      if (!row) return undefined;
      const stepRows = await db.selectFrom('steps').selectAll().where('run_id', '=', runId).execute();
      const summary = toSummary(row, statusOf(row));
      const interrupted = summary.status === 'interrupted';
      return {
        ...summary,
        plan: JSON.parse(row.plan) as Plan,
        review: JSON.parse(row.review) as Review,
        steps_: stepRows.sort(byStartOrder).map((s) => toStepRecord(s, interrupted)),
      } satisfies RunDetail;
    },

    async listRuns(options = {}) {
      let query = db
        .selectFrom('runs')
        .select(['id', 'request', 'status', 'actor', 'pid', 'host', 'step_count', 'started_at', 'finished_at', 'error', 'rollback_of'])
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc');
      if (options.idPrefix) query = query.where((eb) => eb(eb.fn('substr', ['id', eb.val(1), eb.val(options.idPrefix!.length)]), '=', options.idPrefix!));
      if (options.limit !== undefined) query = query.limit(options.limit);
      const rows = await query.execute();
      return rows.map((row) => toSummary(row, statusOf(row)));
    },

    async listResources(options = {}) {
      // Resources created in the same millisecond keep the order of their steps in the plan.
      let query = db
        .selectFrom('resources as r')
        .leftJoin('steps as s', (join) => join.onRef('s.run_id', '=', 'r.run_id').onRef('s.step_id', '=', 'r.step_id'))
        .selectAll('r')
        .orderBy('r.created_at', 'asc')
        .orderBy('r.run_id')
        .orderBy('s.plan_index')
        .orderBy('r.step_id');
      if (!options.includeRemoved) query = query.where('r.removed_at', 'is', null);
      if (options.runId) query = query.where('r.run_id', '=', options.runId);
      const rows = await query.execute();
      return rows.map(
        (r): ResourceRecord => ({
          kind: r.kind,
          id: r.resource_id,
          ...(r.name === null ? {} : { name: r.name }),
          runId: r.run_id,
          stepId: r.step_id,
          createdAt: r.created_at,
          removedAt: r.removed_at,
        }),
      );
    },

    async events(runId) {
      const rows = await db.selectFrom('events').select('data').where('run_id', '=', runId).orderBy('seq', 'asc').execute();
      return rows.map((r) => JSON.parse(r.data) as RunEvent);
    },

    audit: createAuditLog(db, secrets, checkpoint),
    sessions: createSessionStore(db, secrets),

    async close() {
      await drained();
      await db.destroy();
    },
  };
}

function toSummary(
  row: Pick<Selectable<RunsTable>, 'id' | 'request' | 'actor' | 'step_count' | 'started_at' | 'finished_at' | 'error' | 'rollback_of'>,
  status: RunStatus,
): RunSummary {
  return {
    id: row.id,
    request: row.request,
    status,
    actor: row.actor,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    steps: Number(row.step_count),
    error: row.error,
    rollbackOf: row.rollback_of,
  };
}

function toStepRecord(row: Selectable<StepsTable>, runInterrupted: boolean): StepRecord {
  const status = row.status === 'running' && runInterrupted ? 'interrupted' : (row.status as StepStatus);
  return {
    stepId: row.step_id,
    action: row.action,
    title: row.title,
    input: JSON.parse(row.input) as unknown,
    command: row.command,
    status,
    output: row.output === null ? null : (JSON.parse(row.output) as unknown),
    error: row.error,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    compensation: row.compensation === null ? null : (JSON.parse(row.compensation) as Compensation),
  };
}

/** Started steps in the order they started, then the ones that never did in plan order. */
function byStartOrder(a: Selectable<StepsTable>, b: Selectable<StepsTable>): number {
  if (a.started_at === null || b.started_at === null) {
    if (a.started_at !== b.started_at) return a.started_at === null ? 1 : -1;
    return a.plan_index - b.plan_index;
  }
  if (a.started_at !== b.started_at) return a.started_at < b.started_at ? -1 : 1;
  return (a.start_order ?? 0) - (b.start_order ?? 0);
}

/** Signal 0 checks that a process exists; EPERM means it exists under another user. */
function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
