import { Migrator, type Kysely, type Migration } from 'kysely';
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
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`database migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
