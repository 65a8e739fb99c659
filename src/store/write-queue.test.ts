import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './dialect.js';
import { migrateToLatest } from './migrations/index.js';
import { createWriteQueue } from './write-queue.js';

describe('the write queue', () => {
  it('runs a batch again when SQLite answers BUSY, and only then', async () => {
    const db = openDatabase({ home: mkdtempSync(join(tmpdir(), 'reign-queue-')) });
    await migrateToLatest(db);
    const queue = createWriteQueue(db);
    let tries = 0;
    const written = await queue.write(async (trx) => {
      tries++;
      if (tries === 1) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY_SNAPSHOT' });
      await trx.insertInto('settings').values({ key: 'k', value: 'v' }).execute();
      return 'ok';
    });
    expect(written).toBe('ok');
    expect(tries).toBe(2);
    await expect(queue.write(async () => { throw new Error('not a lock'); })).rejects.toThrow('not a lock');
    await db.destroy();
  });
});
