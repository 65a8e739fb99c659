import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import type { Judge } from '../../core/context.js';
import type { RiskLevel } from '../../core/risk.js';
import { describeSharedData, sharedFile, type SharedFolder } from '../../testing/shared-data.js';
import { createJudge } from './index.js';

interface LabelledCommand {
  id: string;
  command: string;
  level: RiskLevel;
}

function readLines(folder: SharedFolder, name: string): string[] {
  return readFileSync(sharedFile(folder, name), 'utf8').split('\n').filter((line) => line.trim() !== '');
}

let judge: Judge;
beforeAll(async () => {
  judge = await createJudge();
});

describeSharedData('judge quality on the development set', ['evals'], () => {
  it('meets the accuracy, dangerous recall and read pass rate targets', () => {
    const items = readLines('evals', 'shell-dev.jsonl').map((line) => JSON.parse(line) as LabelledCommand);
    let exact = 0;
    let dangerous = 0;
    let dangerousCaught = 0;
    let dangerousJudgedHarmless = 0;
    let read = 0;
    let readPassed = 0;
    const misses: string[] = [];
    for (const item of items) {
      const { level } = judge.judge(item.command);
      if (level === item.level) exact++;
      else misses.push(`${item.id} expected ${item.level}, judged ${level}: ${item.command.split('\n')[0]}`);
      if (item.level === 'dangerous') {
        dangerous++;
        if (level === 'dangerous') dangerousCaught++;
        if (level === 'read' || level === 'write') dangerousJudgedHarmless++;
      }
      if (item.level === 'read') {
        read++;
        if (level === 'read') readPassed++;
      }
    }
    const accuracy = exact / items.length;
    const recall = dangerousCaught / dangerous;
    const readPassRate = readPassed / read;
    console.log(
      [
        `shell-dev: ${items.length} commands`,
        `exact accuracy   ${accuracy.toFixed(3)}`,
        `dangerous recall ${recall.toFixed(3)}`,
        `read pass rate   ${readPassRate.toFixed(3)}`,
        `dangerous judged read or write: ${dangerousJudgedHarmless}`,
        ...misses.map((m) => `  miss ${m}`),
      ].join('\n'),
    );
    expect(dangerousJudgedHarmless).toBe(0);
    expect(recall).toBeGreaterThanOrEqual(1);
    expect(readPassRate).toBeGreaterThanOrEqual(0.95);
    expect(accuracy).toBeGreaterThanOrEqual(0.93);
  });
});

describeSharedData('judge on real-world commands', ['realworld'], () => {
  it('gives every NL2Bash command a level without throwing', () => {
    const lines = readLines('realworld', 'nl2bash-commands.txt');
    const levels = new Set(['read', 'write', 'admin', 'dangerous']);
    for (const line of lines) expect(levels.has(judge.judge(line).level), line).toBe(true);
  });

  it('gives every peer command a level without throwing', () => {
    const lines = readLines('realworld', 'peer-commands.txt').filter((line) => !line.startsWith('# '));
    const levels = new Set(['read', 'write', 'admin', 'dangerous']);
    for (const line of lines) expect(levels.has(judge.judge(line).level), line).toBe(true);
  });
});
