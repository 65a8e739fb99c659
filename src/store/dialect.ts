import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { ReignError, messageOf } from '../core/errors.js';
import type { Database } from './schema.js';

/** The database file under the Reign home. */
const DATABASE_FILE = 'reign.db';

/** How long a write waits for another Reign process to finish its own, in milliseconds. */
const BUSY_TIMEOUT_MS = 5_000;
/** Prepared statements kept per connection; the store issues a few dozen distinct ones. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * The one place that knows which database engine is used and how it is tuned. Everything else
 * speaks Kysely's query builder, so another dialect plugs in here.
 */
export function openDatabase(options: { home: string }): Kysely<Database> {
  mkdirSync(options.home, { recursive: true, mode: 0o700 });
  const sqlite = openSqlite(join(options.home, DATABASE_FILE));
  // WAL lets `reign runs` read while a run writes; NORMAL still survives a process crash and
  // skips the fsync per commit that would make recording every step slow.
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Switching to WAL takes a lock that SQLite does not wait for: another process setting up the
  // same new home holds it for a moment, so the switch is tried again rather than failing.
  untilNotBusy(() => sqlite.pragma('journal_mode = WAL'));
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

const SWITCH_ATTEMPTS = 50;

/** SQLite could not take a lock another process holds (SQLITE_BUSY and its variants). */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) || /database is locked/.test(String((error as Error | null)?.message ?? ''));
}

function untilNotBusy(body: () => unknown): void {
  for (let attempt = 1; ; attempt++) {
    try {
      body();
      return;
    } catch (error) {
      if (attempt >= SWITCH_ATTEMPTS || !isBusy(error)) throw error;
      // A synchronous pause: opening the store is synchronous, and the wait is a few milliseconds.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10 * attempt);
    }
  }
}

/** Opens the file, turning the driver's failures into errors that say what to do. */
function openSqlite(file: string): BetterSqlite3.Database {
  try {
    return new BetterSqlite3(file);
  } catch (error) {
    // The native driver is compiled for one Node.js ABI; a different Node.js cannot load it.
    if ((error as NodeJS.ErrnoException).code === 'ERR_DLOPEN_FAILED') {
      throw new ReignError('failure', `the SQLite driver was built for another Node.js version than this one (${process.version})`, 'run `npm rebuild better-sqlite3` in the Reign checkout with this Node.js', { cause: error });
    }
    throw new ReignError('failure', `cannot open the store ${file}: ${messageOf(error)}`, 'check that REIGN_HOME is a directory you can write', { cause: error });
  }
}

/**
 * Kysely prepares every query it runs; the store runs the same few shapes thousands of times per
 * run, so prepared statements are kept by their SQL text (values are always parameters).
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = cache.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql) as unknown as SqliteStatement;
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
