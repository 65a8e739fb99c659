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
  /** The last head written; undefined when there is none yet. */
  read(): AuditCheckpoint | undefined;
  /** Records a new head, unless the file already holds this one or a later one. */
  advance(head: { seq: number; hash: string }): void;
  sign(head: { seq: number; hash: string }): AuditCheckpoint;
  signedByThisHome(checkpoint: AuditCheckpoint): boolean;
  /** Whether checkpoints were ever written here: a missing file then means it was removed. */
  inUse(): boolean;
}

export function checkpointFiles(home: string): CheckpointFiles {
  const keyPath = join(home, 'audit.key');
  const checkpointPath = join(home, 'audit-checkpoint.json');
  let key: Buffer | undefined;

  const loadKey = (): Buffer => {
    if (key) return key;
    if (!existsSync(keyPath)) {
      // 'wx': of two processes creating it at once, one wins and the other reads the winner's.
      try {
        writeFileSync(keyPath, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
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
    advance(head) {
      // Appenders in other processes may finish out of order: never move the checkpoint back.
      // A race between this read and the rename can at worst leave it behind the log, which
      // verify accepts; it can never leave it ahead of the log or with a wrong hash.
      const current = files.read();
      if (current && current.seq >= head.seq) return;
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
    inUse() {
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
