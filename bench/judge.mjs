// Commands per second of the shell judge on one core, against the goal of 10,000/s.
// Run after `npm run build`: node bench/judge.mjs
import { readFileSync } from 'node:fs';
import { createJudge } from '../dist/safety/judge/index.js';

const GOAL_PER_SECOND = 10_000;
const DURATION_MS = 3_000;

const commands = readFileSync(new URL('../../shared/evals/shell-dev.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line).command);

const judge = await createJudge();
// Warm up the parser and the JIT before measuring.
for (const command of commands) judge.judge(command);

let judged = 0;
const start = performance.now();
while (performance.now() - start < DURATION_MS) {
  for (const command of commands) judge.judge(command);
  judged += commands.length;
}
const seconds = (performance.now() - start) / 1000;
const perSecond = judged / seconds;

console.log(`judge: ${commands.length} dev-set commands, ${judged} judgements in ${seconds.toFixed(2)} s`);
console.log(`judge: ${Math.round(perSecond).toLocaleString('en')} commands/s (goal ${GOAL_PER_SECOND.toLocaleString('en')}/s, ratio ${(perSecond / GOAL_PER_SECOND).toFixed(2)})`);
