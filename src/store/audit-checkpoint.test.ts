import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkpointFiles, parseCheckpoint } from './audit-checkpoint.js';
import { openStore } from './open-store.js';
import type { Store } from './store.js';

let home: string;
let store: Store;
let sql: BetterSqlite3.Database;

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'reign-checkpoint-'));
  store = await openStore({ home });
  for (let i = 1; i <= 5; i++) await store.audit.append({ actor: 'alice', kind: 'run.started', subject: `r-${i}` });
  sql = new BetterSqlite3(join(home, 'reign.db'));
});

afterEach(async () => {
  sql.close();
  await store.close();
  rmSync(home, { recursive: true, force: true });
});

/** Deletes the last entry and sets the head row to the entry before it: the chain alone agrees. */
function cutTailConsistently() {
  sql.prepare('delete from audit where seq = 5').run();
  const before = sql.prepare('select hash from audit where seq = 4').get() as { hash: string };
  sql.prepare('update audit_head set seq = 4, hash = ? where id = 1').run(before.hash);
}

describe('the audit checkpoint outside the database', () => {
  it('follows each append, signed, in a file only its owner can read; the key too', async () => {
    const kept = JSON.parse(readFileSync(join(home, 'audit-checkpoint.json'), 'utf8'));
    const last = (await store.audit.list({ limit: 1 }))[0]!;
    expect(kept).toMatchObject({ seq: 5, hash: last.hash });
    expect(statSync(join(home, 'audit.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, 'audit-checkpoint.json')).mode & 0o777).toBe(0o600);
    expect(await store.audit.verify()).toEqual({ ok: true, entries: 5 });
  });

  it('catches a tail cut off with the head row rewritten to match', async () => {
    cutTailConsistently();
    expect(await store.audit.verify()).toMatchObject({
      ok: false, seq: 5, problem: 'removed',
      detail: 'the log ends at entry 4 but the checkpoint outside the database records entry 5',
    });
  });

  it('catches a checkpoint rewritten without the key, and a checkpoint deleted', async () => {
    cutTailConsistently();
    const path = join(home, 'audit-checkpoint.json');
    const kept = JSON.parse(readFileSync(path, 'utf8'));
    const before = sql.prepare('select hash from audit where seq = 4').get() as { hash: string };
    writeFileSync(path, JSON.stringify({ ...kept, seq: 4, hash: before.hash }));
    expect(await store.audit.verify()).toMatchObject({ ok: false, problem: 'altered', detail: 'the signature of the checkpoint outside the database does not match' });
    unlinkSync(path);
    expect(await store.audit.verify()).toMatchObject({ ok: false, problem: 'removed', detail: 'the audit checkpoint outside the database is missing' });
  });

  it('proves an exported head is still in the log, and fails once it is not', async () => {
    const exported = await store.audit.checkpoint();
    await store.audit.append({ actor: 'alice', kind: 'run.started', subject: 'r-6' });
    expect(await store.audit.verifyAgainst(exported)).toEqual({ ok: true, entries: 6 });

    // With the key, the local checkpoint can be re-signed; the exported one still disagrees.
    sql.prepare('delete from audit where seq >= 5').run();
    const four = sql.prepare('select hash from audit where seq = 4').get() as { hash: string };
    sql.prepare('update audit_head set seq = 4, hash = ? where id = 1').run(four.hash);
    writeFileSync(join(home, 'audit-checkpoint.json'), JSON.stringify(checkpointFiles(home).sign({ seq: 4, hash: four.hash })));
    expect(await store.audit.verify()).toEqual({ ok: true, entries: 4 });
    expect(await store.audit.verifyAgainst(exported)).toMatchObject({ ok: false, seq: 5, problem: 'removed' });
  });

  it('never moves back: an append that finishes after a later one leaves the later head', async () => {
    const files = checkpointFiles(home);
    const five = files.read()!;
    const later = { seq: 9, hash: 'b'.repeat(64) };
    files.replace(later);
    await store.audit.append({ actor: 'alice', kind: 'run.started', subject: 'r-6' });
    expect(files.read()).toMatchObject(later);
    expect(five.seq).toBe(5);
  });

  it('keeps failing after a consistent cut, however many entries are appended after it', async () => {
    cutTailConsistently();
    for (let i = 0; i < 3; i++) await store.audit.append({ actor: 'alice', kind: 'run.started', subject: `after-${i}` });
    expect(await store.audit.verify()).toMatchObject({ ok: false, seq: 5, problem: 'altered', detail: 'it is not the entry the checkpoint outside the database records' });
  });

  it('does not recreate a deleted checkpoint, nor a deleted key', async () => {
    unlinkSync(join(home, 'audit-checkpoint.json'));
    await store.audit.append({ actor: 'alice', kind: 'run.started', subject: 'r-6' });
    expect(existsSync(join(home, 'audit-checkpoint.json'))).toBe(false);
    expect(await store.audit.verify()).toMatchObject({ ok: false, problem: 'removed', detail: 'the audit checkpoint outside the database is missing' });

    const other = mkdtempSync(join(tmpdir(), 'reign-checkpoint-'));
    const second = await openStore({ home: other });
    await second.audit.append({ actor: 'alice', kind: 'run.started', subject: 'r-1' });
    unlinkSync(join(other, 'audit.key'));
    await second.audit.append({ actor: 'alice', kind: 'run.started', subject: 'r-2' });
    expect(existsSync(join(other, 'audit.key'))).toBe(false);
    expect(await second.audit.verify()).toMatchObject({ ok: false, problem: 'altered', detail: 'the key that signs the audit checkpoint is missing' });
    await second.close();
    rmSync(other, { recursive: true, force: true });
  });

  it('refuses to export a checkpoint of a log that does not verify', async () => {
    cutTailConsistently();
    await expect(store.audit.checkpoint()).rejects.toThrow(/the audit log does not verify \(removed at entry 5: .*\): a checkpoint of it would vouch for the tampering/);
  });

  it('an append still succeeds when the key cannot be used; verify names the key', async () => {
    chmodSync(join(home, 'audit.key'), 0o644);
    const fresh = await openStore({ home });
    await expect(fresh.audit.append({ actor: 'alice', kind: 'run.started', subject: 'r-6' })).resolves.toMatchObject({ seq: 6 });
    await expect(fresh.audit.verify()).rejects.toThrow(/audit\.key can be read by other users/);
    await fresh.close();
  });

  it('refuses a key file others can read, naming the fix', () => {
    chmodSync(join(home, 'audit.key'), 0o644);
    expect(() => checkpointFiles(home).sign({ seq: 1, hash: 'a'.repeat(64) })).toThrow(/audit\.key can be read by other users/);
  });

  it('names the file and the field of a malformed checkpoint', () => {
    expect(() => parseCheckpoint('{"seq":0}', 'head.json')).toThrow('head.json: seq: seq is 1 or more');
    expect(() => parseCheckpoint('not json', 'head.json')).toThrow('head.json: not a JSON audit checkpoint');
  });
});
