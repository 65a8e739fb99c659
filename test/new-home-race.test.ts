import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REIGN } from './reign.js';

function reignAsync(args: string[], home: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [REIGN, ...args], { env: { ...process.env, REIGN_HOME: home, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('a new home opened by several reign processes at once', () => {
  it('is set up once: every process gets the database, none fails its migration', async () => {
    // The first migration races only while the tables do not exist yet: a fresh home each round.
    for (let round = 0; round < 8; round++) {
      const home = mkdtempSync(join(tmpdir(), 'reign-race-'));
      const results = await Promise.all(Array.from({ length: 4 }, () => reignAsync(['runs', '--json'], home)));
      for (const r of results) expect(r.code, r.stderr).toBe(0);
    }
  }, 120_000);
});
