import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { reign, sandbox } from './reign.js';

/** A home whose audit log holds two runs' entries, made by a read-only request. */
function homeWithEntries() {
  const box = sandbox();
  for (let i = 0; i < 2; i++) expect(reign(['how much disk is free', '--yes'], box).code).toBe(0);
  return box;
}

function cutLastEntryConsistently(home: string) {
  const sql = new BetterSqlite3(join(home, 'reign.db'));
  const last = sql.prepare('select max(seq) as seq from audit').get() as { seq: number };
  sql.prepare('delete from audit where seq = ?').run(last.seq);
  const before = sql.prepare('select seq, hash from audit where seq = ?').get(last.seq - 1) as { seq: number; hash: string };
  sql.prepare('update audit_head set seq = ?, hash = ? where id = 1').run(before.seq, before.hash);
  sql.close();
  return last.seq;
}

describe('reign audit verify with the head kept outside the database', () => {
  it('fails, exit 1, when the last entry is deleted and the head row rewritten to match', () => {
    const box = homeWithEntries();
    expect(reign(['audit', 'verify'], box).code).toBe(0);
    const cut = cutLastEntryConsistently(box.home);
    const r = reign(['audit', 'verify'], box);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`audit log tampered: entry ${cut} was removed (the log ends at entry ${cut - 1} but the checkpoint outside the database records entry ${cut})`);
  });

  it('stays tampered after the cut however many runs follow, and refuses to export a checkpoint of it', () => {
    const box = homeWithEntries();
    const cut = cutLastEntryConsistently(box.home);
    for (let i = 0; i < 2; i++) expect(reign(['how much disk is free', '--yes'], box).code).toBe(0);
    const r = reign(['audit', 'verify'], box);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`audit log tampered: entry ${cut} was altered (it is not the entry the checkpoint outside the database records)`);
    const exported = reign(['audit', 'checkpoint', '--out', 'head.json'], box);
    expect(exported.code).toBe(3);
    expect(exported.stderr).toContain('the audit log does not verify');
    expect(existsSync(join(box.cwd, 'head.json'))).toBe(false);
  });

  it('exports a signed head that verify --against proves is still there, until the log is cut below it', () => {
    const box = homeWithEntries();
    const exported = reign(['audit', 'checkpoint', '--out', 'head.json'], box);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('written to head.json');
    const head = JSON.parse(readFileSync(join(box.cwd, 'head.json'), 'utf8'));
    expect(Object.keys(head).sort()).toEqual(['at', 'hash', 'mac', 'seq']);

    expect(reign(['how much disk is free', '--yes'], box).code).toBe(0);
    expect(reign(['audit', 'verify', '--against', 'head.json'], box).code).toBe(0);

    // Cut the exported head off and re-sign the local checkpoint with the key: only the exported file still disagrees.
    const sql = new BetterSqlite3(join(box.home, 'reign.db'));
    sql.prepare('delete from audit where seq >= ?').run(head.seq);
    const kept = sql.prepare('select seq, hash from audit where seq = ?').get(head.seq - 1) as { seq: number; hash: string };
    sql.prepare('update audit_head set seq = ?, hash = ? where id = 1').run(kept.seq, kept.hash);
    sql.close();
    const key = Buffer.from(readFileSync(join(box.home, 'audit.key'), 'utf8').trim(), 'hex');
    const mac = createHmac('sha256', key).update(`reign-audit:${kept.seq}:${kept.hash}`).digest('hex');
    writeFileSync(join(box.home, 'audit-checkpoint.json'), JSON.stringify({ ...kept, at: head.at, mac }));
    expect(reign(['audit', 'verify'], box).code).toBe(0);
    const r = reign(['audit', 'verify', '--against', 'head.json', '--json'], box);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, seq: head.seq, problem: 'removed', detail: `the log ends at entry ${kept.seq} but the exported checkpoint records entry ${head.seq}` });
  });

  it('reports a checkpoint file that was emptied as tampering, exit 1', () => {
    const box = homeWithEntries();
    writeFileSync(join(box.home, 'audit-checkpoint.json'), '');
    const r = reign(['audit', 'verify'], box);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/audit log tampered: entry \d+ was altered \(the audit checkpoint outside the database cannot be read/);
  });

  it('refuses a malformed --against file with exit 2 naming the file and field', () => {
    const box = homeWithEntries();
    writeFileSync(join(box.cwd, 'bad.json'), JSON.stringify({ seq: 1, hash: 'nothex' }));
    const r = reign(['audit', 'verify', '--against', 'bad.json'], box);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.json: hash: expected a sha256 hash in hex');
  });
});
