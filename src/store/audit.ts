import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ReignError } from '../core/errors.js';
import type { SecretScanner } from '../safety/secrets/scanner.js';
import type { AuditCheckpoint, CheckpointFiles } from './audit-checkpoint.js';
import type { Database } from './schema.js';
import type { AuditEntry, AuditLog, AuditVerification } from './store.js';

/** What the first entry links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** An entry as stored: `data` is the canonical JSON text that was hashed. */
interface StoredAuditEntry {
  seq: number;
  at: string;
  actor: string;
  kind: string;
  subject: string;
  data: string;
  prevHash: string;
  hash: string;
}

/**
 * Append-only and hash-chained: each entry's hash covers its content and the previous entry's
 * hash, and the head row (last seq and hash) is updated in the same transaction, so editing,
 * deleting, reordering or cutting off entries shows in `verify()`.
 *
 * The chain alone proves the log was not edited piecemeal; a consistent rewrite of every row and
 * the head is caught by the signed checkpoint kept outside the database (`audit-checkpoint.ts`).
 */
export function createAuditLog(db: Kysely<Database>, secrets: SecretScanner, checkpoint?: CheckpointFiles): AuditLog {
  const entries = async (from: Kysely<Database> = db) => (await from.selectFrom('audit').selectAll().orderBy('seq', 'asc').execute()).map(fromRow);
  // Rows and head in one read transaction: an append committing in between cannot make them disagree.
  const chain = () =>
    db.transaction().execute(async (trx) => {
      const all = await entries(trx);
      const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
      return { all, verdict: verifyChain(all, head) };
    });
  /**
   * Moves the checkpoint to a new entry only while it still agrees with the log: after a cut or
   * a rewrite, appending must not make the log look whole again. Its problems are verify's to
   * report, never a reason to fail the append.
   */
  const follow = async (files: CheckpointFiles, appended: { seq: number; hash: string }) => {
    try {
      const kept = files.read();
      if (!kept) {
        files.start(appended);
        return;
      }
      // Appenders in other processes may finish out of order: never move the checkpoint back.
      if (kept.seq >= appended.seq || !files.signedByThisHome(kept)) return;
      const recorded = await db.selectFrom('audit').select('hash').where('seq', '=', kept.seq).executeTakeFirst();
      if (recorded?.hash === kept.hash) files.replace(appended);
    } catch {
      // An unreadable checkpoint or key: `reign audit verify` names it.
    }
  };
  const log: AuditLog = {
    async append(entry) {
      const data = canonicalJson(secrets.redactValue(entry.data ?? null));
      const at = new Date().toISOString();
      const appended = await db.transaction().execute(async (trx) => {
        // Claim the next seq with a write first: it takes the write lock, so concurrent
        // appenders (other processes) queue here instead of reading the same head.
        const claimed = await trx
          .updateTable('audit_head')
          .set((eb) => ({ seq: eb('seq', '+', 1) }))
          .where('id', '=', 1)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) throw new Error('the audit log head is missing: run `reign audit verify`');
        const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
        const stored: StoredAuditEntry = {
          seq: head.seq,
          at,
          actor: secrets.redactText(entry.actor),
          kind: secrets.redactText(entry.kind),
          subject: secrets.redactText(entry.subject),
          data,
          prevHash: head.hash,
          hash: '',
        };
        stored.hash = entryHash(stored, stored.seq);
        await trx
          .insertInto('audit')
          .values({ seq: stored.seq, at, actor: stored.actor, kind: stored.kind, subject: stored.subject, data, prev_hash: stored.prevHash, hash: stored.hash })
          .execute();
        await trx.updateTable('audit_head').set({ hash: stored.hash }).where('id', '=', 1).execute();
        return toEntry(stored);
      });
      // After the commit: a checkpoint must never name an entry the database does not hold.
      if (checkpoint) await follow(checkpoint, appended);
      return appended;
    },

    async list(options = {}) {
      let query = db.selectFrom('audit').selectAll().orderBy('seq', 'desc');
      if (options.limit !== undefined) query = query.limit(options.limit);
      const rows = await query.execute();
      return rows.reverse().map((row) => toEntry(fromRow(row)));
    },

    async verify() {
      // The checkpoint first: it only ever names committed entries, so rows read after it hold it.
      let kept: AuditCheckpoint | undefined;
      let unreadable: string | undefined;
      try {
        kept = checkpoint?.read();
      } catch (error) {
        unreadable = (error as Error).message;
      }
      const { all, verdict } = await chain();
      if (!verdict.ok || !checkpoint) return verdict;
      const seq = all.at(-1)?.seq ?? 0;
      if (unreadable !== undefined) {
        return { ok: false, entries: all.length, seq, problem: 'altered', detail: `the audit checkpoint outside the database cannot be read (${unreadable})` };
      }
      if (!kept) {
        return checkpoint.keyPresent() && all.length
          ? { ok: false, entries: all.length, seq, problem: 'removed', detail: 'the audit checkpoint outside the database is missing' }
          : verdict;
      }
      if (!checkpoint.keyPresent()) {
        return { ok: false, entries: all.length, seq: kept.seq, problem: 'altered', detail: 'the key that signs the audit checkpoint is missing' };
      }
      return holds(all, kept, checkpoint, 'the checkpoint outside the database');
    },

    async checkpoint() {
      if (!checkpoint) throw new Error('this audit log keeps no checkpoints');
      const verdict = await log.verify();
      if (!verdict.ok) {
        throw new ReignError('refused', `the audit log does not verify (${verdict.problem} at entry ${verdict.seq}: ${verdict.detail}): a checkpoint of it would vouch for the tampering`, 'run `reign audit verify` and investigate before exporting');
      }
      const last = (await entries()).at(-1);
      if (!last) throw new ReignError('not_found', 'the audit log is empty: there is no head to export');
      return checkpoint.sign(last);
    },

    async verifyAgainst(exported) {
      if (!checkpoint) throw new Error('this audit log keeps no checkpoints');
      const { all, verdict } = await chain();
      return verdict.ok ? holds(all, exported, checkpoint, 'the exported checkpoint') : verdict;
    },
  };
  return log;
}

/** The log still holds the entry a checkpoint names, with the hash it recorded, and the checkpoint is this home's. */
function holds(all: readonly StoredAuditEntry[], kept: AuditCheckpoint, files: CheckpointFiles, what: string): AuditVerification {
  const fail = (problem: 'altered' | 'removed', detail: string): AuditVerification => ({ ok: false, entries: all.length, seq: kept.seq, problem, detail });
  if (!files.signedByThisHome(kept)) return fail('altered', `the signature of ${what} does not match`);
  const entry = all.find((e) => e.seq === kept.seq);
  if (!entry) return fail('removed', `the log ends at entry ${all.at(-1)?.seq ?? 0} but ${what} records entry ${kept.seq}`);
  if (entry.hash !== kept.hash) return fail('altered', `it is not the entry ${what} records`);
  return { ok: true, entries: all.length };
}

/**
 * Walks the entries in seq order and returns the first problem. Entries 1..n-1 having passed,
 * entry n is judged in this order:
 *
 * 1. No row has seq n (the next row has a larger seq): if some later row's content hashes
 *    correctly *as seq n*, entry n was moved → `reordered`; otherwise it was deleted → `removed`.
 * 2. The row's content does not hash to its stored hash at seq n: if it does hash correctly at
 *    some other seq k, the entry is intact but was renumbered from k. When the entry it links
 *    to (prevHash) still exists, entries were shuffled → `reordered`; when that entry is gone,
 *    entries were deleted and the rest renumbered to hide the gap → `removed`. If no seq makes
 *    it hash correctly, its content was changed → `altered`.
 * 3. The row is intact but its prevHash is not the hash of entry n-1: if prevHash names an
 *    entry elsewhere in the log → `reordered`, if it names no entry → `removed`.
 *
 * After the walk, the head row must record the last seq and hash: a head ahead of the log means
 * the tail was cut off (`removed`); a head behind it, or with another hash, means entries were
 * added or replaced outside the log (`altered`).
 */
function verifyChain(entries: readonly StoredAuditEntry[], head: { seq: number; hash: string } | undefined): AuditVerification {
  const count = entries.length;
  const fail = (seq: number, problem: 'altered' | 'removed' | 'reordered', detail: string): AuditVerification => ({ ok: false, entries: count, seq, problem, detail });
  const hashes = new Set(entries.map((e) => e.hash));
  const linksToExisting = (prevHash: string) => prevHash === GENESIS_HASH || hashes.has(prevHash);
  const lastSeq = entries.at(-1)?.seq ?? 0;
  const highestSeq = Math.max(lastSeq, head?.seq ?? 0);

  let expectedSeq = 1;
  let expectedPrev = GENESIS_HASH;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) {
      const moved = entries.find((e) => e.seq > expectedSeq && entryHash(e, expectedSeq) === e.hash);
      return moved
        ? fail(expectedSeq, 'reordered', `it was moved to position ${moved.seq}`)
        : fail(expectedSeq, 'removed', `the log goes from entry ${expectedSeq - 1} to entry ${entry.seq}`);
    }
    if (entryHash(entry, entry.seq) !== entry.hash) {
      const writtenAs = originalSeq(entry, highestSeq);
      if (writtenAs === undefined) return fail(entry.seq, 'altered', 'hash mismatch');
      return linksToExisting(entry.prevHash)
        ? fail(entry.seq, 'reordered', `position ${entry.seq} holds the entry written as ${writtenAs}`)
        : fail(entry.seq, 'removed', `later entries were renumbered to hide the gap (position ${entry.seq} holds entry ${writtenAs})`);
    }
    if (entry.prevHash !== expectedPrev) {
      return linksToExisting(entry.prevHash)
        ? fail(entry.seq, 'reordered', 'it links to an entry that is not the one before it')
        : fail(entry.seq, 'removed', 'the entry it links to is gone');
    }
    expectedSeq++;
    expectedPrev = entry.hash;
  }

  if (!head) return count ? fail(lastSeq + 1, 'removed', 'the log head is missing, so a cut-off end cannot be ruled out') : { ok: true, entries: 0 };
  if (head.seq > lastSeq) return fail(lastSeq + 1, 'removed', `the log ends at entry ${lastSeq} but its head records entry ${head.seq}`);
  if (head.seq < lastSeq) return fail(head.seq + 1, 'altered', `it was added outside the log (its head records entry ${head.seq})`);
  if (head.hash !== expectedPrev) return fail(lastSeq, 'altered', 'it is not the entry the log head records');
  return { ok: true, entries: count };
}

/** The seq an intact entry was written with, when it now sits at another one. */
function originalSeq(entry: StoredAuditEntry, highestSeq: number): number | undefined {
  for (let seq = 1; seq <= highestSeq; seq++) {
    if (seq !== entry.seq && entryHash(entry, seq) === entry.hash) return seq;
  }
  return undefined;
}

/** sha256 over a canonical serialisation of the entry as if it had sequence number `seq`. */
export function entryHash(entry: Omit<StoredAuditEntry, 'hash' | 'seq'>, seq: number): string {
  const canonical = JSON.stringify([seq, entry.at, entry.actor, entry.kind, entry.subject, entry.data, entry.prevHash]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** JSON with object keys sorted at every level, so equal values always hash alike. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  ) ?? 'null';
}

function fromRow(row: Database['audit']): StoredAuditEntry {
  return { seq: Number(row.seq), at: row.at, actor: row.actor, kind: row.kind, subject: row.subject, data: row.data, prevHash: row.prev_hash, hash: row.hash };
}

function toEntry(stored: StoredAuditEntry): AuditEntry {
  return { ...stored, data: JSON.parse(stored.data) as unknown };
}
