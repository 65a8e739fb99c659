import { createSecretScanner, type SecretScanner } from '../safety/secrets/scanner.js';
import { checkpointFiles } from './audit-checkpoint.js';
import { openDatabase } from './dialect.js';
import { migrateToLatest } from './migrations/index.js';
import { createSqlStore } from './sql-store.js';
import type { Store } from './store.js';

/**
 * Opens Reign's store under `home` (the database is `<home>/reign.db`, the audit checkpoint and
 * its key beside it), bringing its schema up to date. Every write is redacted by `secrets`.
 */
export async function openStore(options: { home: string; secrets?: SecretScanner }): Promise<Store> {
  const db = openDatabase({ home: options.home });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createSqlStore(db, options.secrets ?? createSecretScanner(), checkpointFiles(options.home));
}
