// Benchmark of `reign parse` (run after `npm run build`). Prints figures and ratios; asserts nothing.
//  (a) understanding throughput: in-process rate of `understand` over the NLU dev texts for ~3 s,
//      against the goal of 5,000 requests/s on one core; plus the wall time of one
//      `bin/reign parse --json --batch` process over the whole file;
//  (b) cold start: `bin/reign parse --json "run redis named cache"` against `node -e 0`, median
//      of 10 runs each.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const GOAL_PER_SECOND = 5000;
const RUNS = 10;
const root = fileURLToPath(new URL('..', import.meta.url));
const devSet = fileURLToPath(new URL('../../shared/evals/nlu-dev.jsonl', import.meta.url));
const reign = fileURLToPath(new URL('../bin/reign', import.meta.url));

const { understand } = await import(new URL('../dist/understand/index.js', import.meta.url).href);
const texts = readFileSync(devSet, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).text);

// warm up, then measure
for (const text of texts) understand(text);
let count = 0;
const started = performance.now();
while (performance.now() - started < 3000) {
  for (const text of texts) understand(text);
  count += texts.length;
}
const perSecond = count / ((performance.now() - started) / 1000);
console.log(`understand, in process: ${Math.round(perSecond)} requests/s over ${count} requests (goal ${GOAL_PER_SECOND}/s: ${(perSecond / GOAL_PER_SECOND).toFixed(2)}x)`);

const timed = (file, args) => {
  const t = performance.now();
  execFileSync(file, args, { cwd: root, stdio: ['ignore', 'ignore', 'ignore'] });
  return performance.now() - t;
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const batchMs = timed(reign, ['parse', '--json', '--batch', devSet]);
console.log(`reign parse --json --batch (${texts.length} requests, one process): ${batchMs.toFixed(0)} ms wall, ${(texts.length / (batchMs / 1000)).toFixed(0)} requests/s including start-up`);

const node = [];
const parse = [];
for (let i = 0; i < RUNS; i++) {
  node.push(timed(process.execPath, ['-e', '0']));
  parse.push(timed(reign, ['parse', '--json', 'run redis named cache']));
}
const nodeMedian = median(node);
const parseMedian = median(parse);
console.log(`cold start, median of ${RUNS}: reign parse ${parseMedian.toFixed(0)} ms, node -e 0 ${nodeMedian.toFixed(0)} ms (${(parseMedian / nodeMedian).toFixed(2)}x node)`);
