import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalJson, entryHash } from './audit.js';
import { openStore } from './open-store.js';
import type { Store } from './store.js';

let home: string;
let store: Store;
let sql: BetterSqlite3.Database;

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'reign-audit-'));
  store = await openStore({ home });
  for (let i = 1; i <= 20; i++) await store.audit.append({ actor: 'alice', kind: 'run.started', subject: `r-${i}`, data: { n: i } });
  // Tampering goes straight to the file, as someone with a shell would.
  sql = new BetterSqlite3(join(home, 'reign.db'));
});

afterEach(async () => {
  sql.close();
  await store.close();
  rmSync(home, { recursive: true, force: true });
});

const renumber = (from: number, to: number) => sql.prepare('update audit set seq = ? where seq = ?').run(to, from);

describe('audit log', () => {
  it('chains each entry to the one before it and verifies an untouched log', async () => {
    const entries = await store.audit.list();
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
    expect(entries[4]).toMatchObject({ actor: 'alice', kind: 'run.started', subject: 'r-5', data: { n: 5 } });
    expect(await store.audit.verify()).toEqual({ ok: true, entries: 20 });
    expect((await store.audit.list({ limit: 3 })).map((e) => e.seq)).toEqual([18, 19, 20]);
  });

  it('verifies an empty log', async () => {
    const emptyHome = mkdtempSync(join(tmpdir(), 'reign-audit-empty-'));
    const empty = await openStore({ home: emptyHome });
    expect(await empty.audit.verify()).toEqual({ ok: true, entries: 0 });
    await empty.close();
    rmSync(emptyHome, { recursive: true, force: true });
  });

  it('hashes data canonically and stores it redacted', async () => {
    const a = await store.audit.append({ actor: 'bob', kind: 'login', subject: 'cli', data: { b: 1, a: { d: 2, c: 'x' }, password: 'hunter22' } });
    expect(a.data).toEqual({ a: { c: 'x', d: 2 }, b: 1, password: '[REDACTED:secret-field]' });
    const row = sql.prepare('select data from audit where seq = ?').get(a.seq) as { data: string };
    expect(row.data).toBe(canonicalJson({ password: '[REDACTED:secret-field]', b: 1, a: { c: 'x', d: 2 } }));
    expect(a.hash).toBe(entryHash({ ...a, data: row.data }, a.seq));
  });

  it('names an entry whose content was changed as altered', async () => {
    sql.prepare("update audit set subject = 'r-forged' where seq = 17").run();
    expect(await store.audit.verify()).toEqual({ ok: false, entries: 20, seq: 17, problem: 'altered', detail: 'hash mismatch' });
  });

  it('names an entry whose data or stored hash was changed as altered', async () => {
    sql.prepare(`update audit set data = '{"n":99}' where seq = 9`).run();
    sql.prepare(`update audit set hash = '${'f'.repeat(64)}' where seq = 12`).run();
    expect(await store.audit.verify()).toMatchObject({ ok: false, seq: 9, problem: 'altered' });
  });

  it('names a deleted middle entry as removed', async () => {
    sql.prepare('delete from audit where seq = 5').run();
    expect(await store.audit.verify()).toMatchObject({ ok: false, entries: 19, seq: 5, problem: 'removed' });
  });

  it('names a deleted first entry as removed', async () => {
    sql.prepare('delete from audit where seq = 1').run();
    expect(await store.audit.verify()).toMatchObject({ ok: false, seq: 1, problem: 'removed' });
  });

  it('notices a cut-off end through the head row', async () => {
    sql.prepare('delete from audit where seq = 20').run();
    expect(await store.audit.verify()).toMatchObject({ ok: false, entries: 19, seq: 20, problem: 'removed' });
    sql.prepare('delete from audit where seq > 15').run();
    expect(await store.audit.verify()).toMatchObject({ ok: false, entries: 15, seq: 16, problem: 'removed' });
  });

  it('notices a missing head row', async () => {
    sql.prepare('delete from audit_head').run();
    expect(await store.audit.verify()).toMatchObject({ ok: false, seq: 21, problem: 'removed' });
    await expect(store.audit.append({ actor: 'a', kind: 'k', subject: 's' })).rejects.toThrow('audit log head is missing');
  });

  it('names two entries whose seqs were swapped as reordered, at the first of them', async () => {
    renumber(3, -1);
    renumber(7, 3);
    renumber(-1, 7);
    expect(await store.audit.verify()).toEqual({
      ok: false, entries: 20, seq: 3, problem: 'reordered', detail: 'position 3 holds the entry written as 7',
    });
  });

  it('names an entry moved past the end as reordered', async () => {
    renumber(5, 50);
    expect(await store.audit.verify()).toMatchObject({ ok: false, seq: 5, problem: 'reordered' });
  });

  it('names a deletion hidden by renumbering the later entries as removed', async () => {
    sql.prepare('delete from audit where seq = 5').run();
    for (let seq = 6; seq <= 20; seq++) renumber(seq, seq - 1);
    sql.prepare('update audit_head set seq = 19').run();
    expect(await store.audit.verify()).toMatchObject({ ok: false, seq: 5, problem: 'removed' });
  });

  it('names an entry added outside the log (hash forged, head untouched) as altered', async () => {
    const last = sql.prepare('select * from audit where seq = 20').get() as { hash: string };
    const forged = { at: new Date().toISOString(), actor: 'mallory', kind: 'run.started', subject: 'r-x', data: '{}', prevHash: last.hash };
    sql.prepare('insert into audit (seq, at, actor, kind, subject, data, prev_hash, hash) values (21, ?, ?, ?, ?, ?, ?, ?)')
      .run(forged.at, forged.actor, forged.kind, forged.subject, forged.data, forged.prevHash, entryHash(forged, 21));
    expect(await store.audit.verify()).toMatchObject({ ok: false, entries: 21, seq: 21, problem: 'altered' });
  });

  it('reports the first problem when there are several', async () => {
    sql.prepare("update audit set actor = 'mallory' where seq = 12").run();
    sql.prepare('delete from audit where seq = 4').run();
    expect(await store.audit.verify()).toMatchObject({ ok: false, seq: 4, problem: 'removed' });
  });

  it('keeps one chain when another process appends at the same time', async () => {
    const child = appendFromAnotherProcess(25);
    // Keep appending until the child is done, so the two writers overlap.
    let ours = 0;
    while (!child.done()) {
      await store.audit.append({ actor: 'parent', kind: 'k', subject: `p${ours++}` });
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await child.succeeded();
    const entries = await store.audit.list();
    expect(entries.filter((e) => e.actor === 'child')).toHaveLength(25);
    expect(await store.audit.verify()).toEqual({ ok: true, entries: 20 + 25 + ours });
  });

  it('verifies as intact while another process is appending', async () => {
    const child = appendFromAnotherProcess(60);
    const verdicts = [];
    while (!child.done()) {
      verdicts.push(await store.audit.verify());
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await child.succeeded();
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts.filter((v) => !v.ok)).toEqual([]);
    expect(await store.audit.verify()).toEqual({ ok: true, entries: 80 });
  });
});

/** A second Reign process appending `count` entries: the store's own code, run by vite-node in a child process. */
function appendFromAnotherProcess(count: number) {
  const script = join(home, 'append.ts');
  const storeModule = fileURLToPath(new URL('./open-store.js', import.meta.url));
  writeFileSync(
    script,
    `import { openStore } from ${JSON.stringify(storeModule)};
     const store = await openStore({ home: ${JSON.stringify(home)} });
     for (let i = 0; i < ${count}; i++) await store.audit.append({ actor: 'child', kind: 'k', subject: 'c' + i });
     await store.close();`,
  );
  const viteNode = fileURLToPath(new URL('../../node_modules/vite-node/vite-node.mjs', import.meta.url));
  const child = spawn(process.execPath, [viteNode, script], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit');
  let done = false;
  void exited.then(() => (done = true));
  return {
    done: () => done,
    async succeeded() {
      const [code] = await exited;
      expect(code, stderr).toBe(0);
    },
  };
}
