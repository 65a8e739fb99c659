import type { Store } from '../store/store.js';
import { EXIT } from './exit-codes.js';
import { table, type Output } from './output.js';

/**
 * `reign audit verify`: walks the hash chain. Exit 0 when intact, 1 when tampered, naming the
 * first bad entry: `audit log tampered: entry 17 was altered (hash mismatch)`.
 */
export async function auditVerifyCommand(opts: { json?: boolean }, out: Output, store: Store): Promise<number> {
  const verdict = await store.audit.verify();
  if (opts.json) {
    out.jsonValue(verdict);
  } else if (verdict.ok) {
    out.line(`${out.color.green('audit log intact:')} ${verdict.entries} ${verdict.entries === 1 ? 'entry' : 'entries'}`);
  } else {
    out.line(`${out.color.red('audit log tampered:')} entry ${verdict.seq} was ${verdict.problem} (${verdict.detail})`);
  }
  return verdict.ok ? EXIT.success : EXIT.failure;
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
