import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCommand } from './check.js';
import { capturedOutput } from './output.js';

const dir = mkdtempSync(join(tmpdir(), 'reign-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function batchFile(commands: string[]): string {
  const file = join(dir, `batch-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, commands.map((command, i) => JSON.stringify({ id: i, command })).join('\n'));
  return file;
}

describe('reign check --exit-code', () => {
  it.each([
    ['ls -la', 'read', 0],
    ['touch notes.txt', 'write', 10],
    ['rm -rf build/', 'admin', 11],
    ['rm -rf /', 'dangerous', 12],
  ])('exits with the level of %s (%s → %d)', async (command, level, code) => {
    const { out, text } = capturedOutput();
    expect(await checkCommand(command, { exitCode: true }, out)).toBe(code);
    expect(text().split('\n')[0]).toBe(level);
  });

  it('exits 0 for every level without the flag', async () => {
    for (const command of ['ls -la', 'touch notes.txt', 'rm -rf build/', 'rm -rf /']) {
      expect(await checkCommand(command, {}, capturedOutput().out)).toBe(0);
    }
  });

  it('exits with the most harmful level of a batch, and still prints every line', async () => {
    const { out, stdout } = capturedOutput(true);
    const file = batchFile(['ls', 'rm -rf build/', 'touch a']);
    expect(await checkCommand('', { batch: file, exitCode: true }, out)).toBe(11);
    expect(stdout.map((line) => JSON.parse(line).level)).toEqual(['read', 'admin', 'write']);
  });

  it('does not let a malformed batch line raise the exit code', async () => {
    const file = join(dir, 'malformed.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 1, command: 'ls' })}\nnot json\n`);
    const { out, stdout } = capturedOutput(true);
    expect(await checkCommand('', { batch: file, exitCode: true }, out)).toBe(0);
    expect(JSON.parse(stdout[1]!).error.code).toBe('usage');
  });
});
