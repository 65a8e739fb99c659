import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { parseCheckpoint } from '../store/audit-checkpoint.js';
import type { Store } from '../store/store.js';
import { EXIT } from './exit-codes.js';
import { table, type Output } from './output.js';

/**
 * `reign audit verify`: walks the hash chain. Exit 0 when intact, 1 when tampered, naming the
 * first bad entry: `audit log tampered: entry 17 was altered (hash mismatch)`.
 */
export async function auditVerifyCommand(opts: { json?: boolean; against?: string }, out: Output, store: Store, cwd = process.cwd()): Promise<number> {
  let verdict = await store.audit.verify();
  if (verdict.ok && opts.against) {
    const file = resolve(cwd, opts.against);
    if (!existsSync(file)) throw new UsageError(`${opts.against}: no such file`, 'export one with `reign audit checkpoint --out <file>`');
    verdict = await store.audit.verifyAgainst(parseCheckpoint(readFileSync(file, 'utf8'), opts.against));
  }
  if (opts.json) {
    out.jsonValue(verdict);
  } else if (verdict.ok) {
    out.line(`${out.color.green('audit log intact:')} ${verdict.entries} ${verdict.entries === 1 ? 'entry' : 'entries'}`);
  } else {
    out.line(`${out.color.red('audit log tampered:')} entry ${verdict.seq} was ${verdict.problem} (${verdict.detail})`);
  }
  return verdict.ok ? EXIT.success : EXIT.failure;
}

/** `reign audit checkpoint --out <file>`: the signed head, written atomically, to keep elsewhere. */
export async function auditCheckpointCommand(opts: { json?: boolean; out: string }, out: Output, store: Store, cwd: string): Promise<number> {
  const checkpoint = await store.audit.checkpoint();
  const text = `${JSON.stringify(checkpoint, null, 2)}\n`;
  if (opts.out === '-') {
    out.jsonValue(checkpoint);
    return EXIT.success;
  }
  const file = resolve(cwd, opts.out);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
  if (opts.json) out.jsonValue({ file, ...checkpoint });
  else out.line(`audit checkpoint at entry ${checkpoint.seq} written to ${opts.out}: keep it where the database is not, and check with \`reign audit verify --against ${opts.out}\``);
  return EXIT.success;
}

/** `reign audit list`: the newest entries, oldest first. */
export async function auditListCommand(opts: { json?: boolean; limit?: number }, out: Output, store: Store): Promise<number> {
  const entries = await store.audit.list({ limit: opts.limit ?? 50 });
  if (opts.json) {
    out.jsonValue(entries);
    return EXIT.success;
  }
  if (entries.length === 0) {
    out.note('the audit log is empty');
    return EXIT.success;
  }
  const rows = entries.map((e) => [String(e.seq), e.at.replace('T', ' ').slice(0, 19), e.actor, e.kind, e.subject, out.color.dim(e.hash.slice(0, 12))]);
  out.line(table(['SEQ', 'AT (UTC)', 'ACTOR', 'KIND', 'SUBJECT', 'HASH'], rows));
  return EXIT.success;
}
