import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { auditListCommand, auditVerifyCommand } from './audit.js';
import { EXIT } from './exit-codes.js';
import { capturedOutput } from './output.js';

const capture = capturedOutput;

let home: string;
let store: Store;

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'reign-cli-audit-'));
  store = await openStore({ home });
  for (const subject of ['r-1', 'r-2', 'r-3']) await store.audit.append({ actor: 'alice', kind: 'run.started', subject, data: { subject } });
});

afterEach(async () => {
  await store.close();
  rmSync(home, { recursive: true, force: true });
});

function tamper(statement: string) {
  const sql = new BetterSqlite3(join(home, 'reign.db'));
  sql.prepare(statement).run();
  sql.close();
}

describe('reign audit verify', () => {
  it('exits 0 and says how many entries an intact log has', async () => {
    const { out, stdout } = capture();
    expect(await auditVerifyCommand({}, out, store)).toBe(EXIT.success);
    expect(stdout).toEqual(['audit log intact: 3 entries']);
  });

  it('exits 1 naming the first altered entry in one line', async () => {
    tamper("update audit set actor = 'mallory' where seq = 2");
    const { out, stdout } = capture();
    expect(await auditVerifyCommand({}, out, store)).toBe(EXIT.failure);
    expect(stdout).toEqual(['audit log tampered: entry 2 was altered (hash mismatch)']);
  });

  it('prints ok, entries, seq, problem and detail as JSON', async () => {
    const intact = capture(true);
    await auditVerifyCommand({ json: true }, intact.out, store);
    expect(JSON.parse(intact.stdout[0]!)).toEqual({ ok: true, entries: 3 });

    tamper('delete from audit where seq = 3');
    const tampered = capture(true);
    expect(await auditVerifyCommand({ json: true }, tampered.out, store)).toBe(EXIT.failure);
    expect(JSON.parse(tampered.stdout[0]!)).toEqual({ ok: false, entries: 2, seq: 3, problem: 'removed', detail: expect.any(String) });
  });
});

describe('reign audit list', () => {
  it('shows the newest entries oldest first as a table', async () => {
    const { out, stdout } = capture();
    expect(await auditListCommand({ limit: 2 }, out, store)).toBe(EXIT.success);
    const lines = stdout.join('\n').split('\n');
    expect(lines[0]).toMatch(/^SEQ\s+AT \(UTC\)\s+ACTOR\s+KIND\s+SUBJECT\s+HASH$/);
    expect(lines.slice(1).map((l) => l.split(/\s{3,}/)[0])).toEqual(['2', '3']);
    expect(lines[2]).toContain('r-3');
  });

  it('prints every field of each entry as JSON', async () => {
    const { out, stdout } = capture(true);
    await auditListCommand({ json: true }, out, store);
    const entries = JSON.parse(stdout[0]!) as Record<string, unknown>[];
    expect(entries).toHaveLength(3);
    expect(Object.keys(entries[0]!).sort()).toEqual(['actor', 'at', 'data', 'hash', 'kind', 'prevHash', 'seq', 'subject']);
  });
});
