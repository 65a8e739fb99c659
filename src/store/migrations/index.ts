import { Migrator, type Kysely, type Migration } from 'kysely';
import { messageOf } from '../../core/errors.js';
import * as initial from './001_initial.js';

/**
 * Every migration, imported statically so the compiled dist/ needs no directory scan.
 * Names sort in the order they apply; append, never edit.
 */
const MIGRATIONS: Record<string, Migration> = {
  '001_initial': initial,
};

/**
 * Brings the schema up to date; a no-op when it already is. Takes any database because
 * migrations describe the schema as it was when they were written, not today's types.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return;
    // Kysely takes no lock across processes on SQLite: two Reign processes opening a new home at
    // once both start the first migration, and the one that loses finds the tables made. The
    // winner's migration commits whole, so trying again finds it applied.
    if (attempt < MIGRATION_ATTEMPTS && RACED.test(messageOf(error))) {
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      continue;
    }
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`database migration ${failed ?? ''} failed: ${messageOf(error)}`, { cause: error });
  }
}

const MIGRATION_ATTEMPTS = 5;
const RACED = /already exists|database is locked|SQLITE_BUSY/i;
