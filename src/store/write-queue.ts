import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';
import { isBusy } from './dialect.js';

interface WriteQueue {
  /** Runs `body` in a transaction; settles once that transaction has committed. */
  write<T>(body: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
  /** Settles when every queued write has committed. */
  drained(): Promise<void>;
}

interface Pending {
  body: (trx: Transaction<Database>) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Group commit. A commit costs far more than a statement, and the executor records every step
 * before and after it runs (several steps at once), so writes that arrive while one batch
 * commits are committed together in the next. Each caller still waits for the commit that holds
 * its write: "recorded before the step starts" keeps its meaning.
 *
 * A write that throws is reported to its caller alone; the batch's other writes still commit.
 * Bodies must use only the transaction they are given, never the database directly, or they
 * would wait for the connection their own batch holds.
 */
/**
 * SQLite answers BUSY at once, without waiting, when a transaction that has read must write after
 * another process committed (WAL's snapshot rule). Such a batch is run again, a few times.
 */
const BUSY_ATTEMPTS = 6;

export function createWriteQueue(db: Kysely<Database>): WriteQueue {
  let queue: Pending[] = [];
  let draining: Promise<void> | undefined;

  const commitBatch = async (batch: Pending[]) => {
    let outcomes: { ok: boolean; value: unknown }[] = [];
    for (let attempt = 1; ; attempt++) {
      outcomes = [];
      try {
        await db.transaction().execute(async (trx) => {
          for (const pending of batch) {
            try {
              outcomes.push({ ok: true, value: await pending.body(trx) });
            } catch (error) {
              outcomes.push({ ok: false, value: error });
              // Another process holds the write lock past our snapshot: the whole batch is tried again.
              if (isBusy(error)) throw error;
            }
          }
        });
        break;
      } catch (error) {
        if (isBusy(error) && attempt < BUSY_ATTEMPTS) {
          await new Promise((resolve) => setTimeout(resolve, 25 * attempt * attempt));
          continue;
        }
        for (const pending of batch) pending.reject(error);
        return;
      }
    }
    batch.forEach((pending, i) => (outcomes[i]!.ok ? pending.resolve(outcomes[i]!.value) : pending.reject(outcomes[i]!.value)));
  };

  const drain = async () => {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      await commitBatch(batch);
    }
    draining = undefined;
  };

  return {
    write<T>(body: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ body, resolve: resolve as (value: unknown) => void, reject });
        draining ??= Promise.resolve().then(drain);
      });
    },
    drained: () => draining ?? Promise.resolve(),
  };
}
