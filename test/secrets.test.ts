import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reign, sandbox } from './reign.js';

const alnum = (n: number) => {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(n), (b) => chars[b % chars.length]).join('');
};
const upper = (n: number) => Array.from(randomBytes(n), (b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[b % 32]).join('');
const b64url = (n: number) => randomBytes(n).toString('base64url');

/** Fifty secrets of the kinds people leak, made fresh for each run so nothing can be hard-coded. */
function plantedSecrets(): { secret: string; text: string }[] {
  const kinds: (() => { secret: string; text: string })[] = [
    () => { const s = `ghp_${alnum(36)}`; return { secret: s, text: s }; },
    () => { const s = `github_pat_${alnum(22)}_${alnum(59)}`; return { secret: s, text: s }; },
    () => { const s = `glpat-${alnum(20)}`; return { secret: s, text: s }; },
    () => { const s = `xoxb-${randomBytes(5).readUInt32BE()}-${randomBytes(5).readUInt32BE()}-${alnum(24)}`; return { secret: s, text: s }; },
    () => { const s = `AKIA${upper(16)}`; return { secret: s, text: `aws_access_key_id = ${s}` }; },
    () => { const s = alnum(40); return { secret: s, text: `AWS_SECRET_ACCESS_KEY=${s}` }; },
    () => { const s = `sk-ant-api03-${b64url(60)}`; return { secret: s, text: s }; },
    () => { const s = `eyJhbGciOiJIUzI1NiJ9.${b64url(24)}.${b64url(32)}`; return { secret: s, text: `Authorization: Bearer ${s}` }; },
    () => { const s = alnum(18); return { secret: s, text: `postgres://app:${s}@db.internal:5432/app` }; },
    () => { const s = alnum(16); return { secret: s, text: `DB_PASSWORD=${s}` }; },
    // Secrets in plain words: a value that mixes letters and digits after the word that names it.
    () => { const s = `${alnum(10)}4x`; return { secret: s, text: `with password ${s}` }; },
    () => { const s = `${alnum(20)}9k`; return { secret: s, text: `the token is ${s}` }; },
    () => { const s = `${alnum(14)}2b`; return { secret: s, text: `secret ${s}` }; },
    () => { const s = `${alnum(24)}7z`; return { secret: s, text: `api key ${s}` }; },
    () => { const s = `${alnum(12)}5m`; return { secret: s, text: `--password ${s}` }; },
    () => { const s = `${alnum(12)}3p`; return { secret: s, text: `mysql -u root -p ${s}` }; },
  ];
  return Array.from({ length: 50 }, (_, i) => kinds[i % kinds.length]!());
}

function everythingStored(home: string): string {
  return ['reign.db', 'reign.db-wal']
    .map((f) => join(home, f))
    .filter(existsSync)
    .map((f) => readFileSync(f).toString('latin1'))
    .join('\n');
}

describe('secrets in commands, output and errors', () => {
  it('appear nowhere: not in the store, the audit log, stdout or stderr', () => {
    const box = sandbox();
    const planted = plantedSecrets();
    const seen: string[] = [];
    const third = Math.ceil(planted.length / 3);
    // In the command text (an input), in what the command prints (output), and in a failing command's error.
    const asInput = planted.slice(0, third).map((p) => p.text.replace(/'/g, ''));
    const asOutput = planted.slice(third, 2 * third).map((p) => p.text);
    const asError = planted.slice(2 * third).map((p) => p.text);
    const runs = [
      reign([`run: printf '%s\\n' ${asInput.map((t) => `'${t}'`).join(' ')} >/dev/null`, '--yes'], box),
      reign([`run: cat ${join(box.cwd, 'out.txt')}`, '--yes'], { ...box, cwd: writeFile(box.cwd, 'out.txt', asOutput.join('\n')) }),
      reign([`run: cat ${join(box.cwd, 'err.txt')} >&2; exit 3`, '--yes'], { ...box, cwd: writeFile(box.cwd, 'err.txt', asError.join('\n')) }),
    ];
    for (const r of runs) seen.push(r.stdout, r.stderr);
    expect(runs[0]!.code, runs[0]!.stderr).toBe(0);
    expect(runs[1]!.code, runs[1]!.stderr).toBe(0);
    expect(runs[2]!.code).toBe(1);
    expect(runs[1]!.stdout).toMatch(/REDACTED/);
    const audit = reign(['audit', 'list', '--json', '--limit', '500'], box);
    const shown = reign(['show', '--json', JSON.parse(reign(['runs', '--json'], box).stdout)[0].id], box);
    seen.push(audit.stdout, shown.stdout, shown.stderr, everythingStored(box.home));

    const everything = seen.join('\n');
    const leaked = planted.filter((p) => everything.includes(p.secret));
    expect(leaked.map((p) => p.secret)).toEqual([]);
    // The records exist: the check above is not passing on empty files.
    expect(everything).toContain('printf');
    expect(everything).toContain('exit 3');
  });
});

function writeFile(dir: string, name: string, content: string): string {
  // Written by the test, read by the command under test.
  writeFileSync(join(dir, name), `${content}\n`);
  return dir;
}
