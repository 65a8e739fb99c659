import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { UsageError } from '../core/errors.js';

/**
 * The audit log's head kept outside the database, signed with a key only this home holds: someone
 * who rewrites the database consistently (rows and head row) without the key file cannot make the
 * checkpoint agree. It does not stop someone who holds the key file too; an exported checkpoint
 * (`reign audit checkpoint --out`) kept elsewhere does, for every entry up to its head.
 */
export const AuditCheckpoint = z.object({
  seq: z.number().int().min(1, 'seq is 1 or more'),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 hash in hex'),
  at: z.string().min(1, 'expected the time it was taken'),
  mac: z.string().regex(/^[0-9a-f]{64}$/, 'expected an HMAC-SHA256 in hex'),
});
export type AuditCheckpoint = z.infer<typeof AuditCheckpoint>;

export interface CheckpointFiles {
  /** The last head written; undefined when there is none. */
  read(): AuditCheckpoint | undefined;
  /**
   * Creates the key and the first checkpoint, only in a home that has neither: a key without a
   * checkpoint, or a checkpoint without a key, means one was removed, and recreating it would
   * hide that. Returns whether this call created them.
   */
  start(head: { seq: number; hash: string }): boolean;
  /** Replaces the checkpoint with a newly signed head, atomically. */
  replace(head: { seq: number; hash: string }): void;
  sign(head: { seq: number; hash: string }): AuditCheckpoint;
  signedByThisHome(checkpoint: AuditCheckpoint): boolean;
  /** Whether the key exists: checkpoints were started here, so a missing checkpoint was removed. */
  keyPresent(): boolean;
}

export function checkpointFiles(home: string): CheckpointFiles {
  const keyPath = join(home, 'audit.key');
  const checkpointPath = join(home, 'audit-checkpoint.json');
  let key: Buffer | undefined;

  const loadKey = (): Buffer => {
    if (key) return key;
    if (!existsSync(keyPath)) throw new UsageError(`${keyPath} is missing: the audit checkpoint cannot be signed or checked`, 'run `reign audit verify` and keep the home intact');
    if ((statSync(keyPath).mode & 0o077) !== 0) {
      throw new UsageError(`${keyPath} can be read by other users: the audit checkpoint key must be private`, `chmod 600 ${keyPath}`);
    }
    key = Buffer.from(readFileSync(keyPath, 'utf8').trim(), 'hex');
    return key;
  };
  const macOf = (head: { seq: number; hash: string }) => createHmac('sha256', loadKey()).update(`reign-audit:${head.seq}:${head.hash}`).digest('hex');

  const files: CheckpointFiles = {
    read() {
      if (!existsSync(checkpointPath)) return undefined;
      return parseCheckpoint(readFileSync(checkpointPath, 'utf8'), checkpointPath);
    },
    start(head) {
      if (existsSync(keyPath) || existsSync(checkpointPath)) return false;
      // 'wx': of two processes starting at once, only the one that creates the key goes on.
      try {
        writeFileSync(keyPath, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw error;
      }
      files.replace(head);
      return true;
    },
    replace(head) {
      const temporary = `${checkpointPath}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(files.sign(head))}\n`, { mode: 0o600 });
      chmodSync(temporary, 0o600);
      renameSync(temporary, checkpointPath);
    },
    sign(head) {
      return { seq: head.seq, hash: head.hash, at: new Date().toISOString(), mac: macOf(head) };
    },
    signedByThisHome(checkpoint) {
      const expected = Buffer.from(macOf(checkpoint), 'hex');
      const given = Buffer.from(checkpoint.mac, 'hex');
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
    keyPresent() {
      return existsSync(keyPath);
    },
  };
  return files;
}

/** Reads a checkpoint file, naming the file and the field that is wrong. */
export function parseCheckpoint(text: string, file: string): AuditCheckpoint {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`${file}: not a JSON audit checkpoint`, 'export one with `reign audit checkpoint --out <file>`');
  }
  const parsed = AuditCheckpoint.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${file}: ${issue.path.join('.') || 'checkpoint'}: ${issue.message}`, 'export one with `reign audit checkpoint --out <file>`');
  }
  return parsed.data;
}
