// Fits the confidence model of src/understand/confidence.ts: a logistic regression of "the intent
// was read right" on the features of each request, over a labelled set written apart from the
// project (default: bench/evals/nlu-holdout-a.jsonl, a set already used to find failures). Prints
// the weights to put in CONFIDENCE_WEIGHTS and the AUROC before and after. Deterministic: fixed
// start, fixed steps. Run after `npm run build`: node bench/calibrate.mjs [file.jsonl]
import { readFileSync } from 'node:fs';
import { explain } from '../dist/understand/index.js';
import { CONFIDENCE_WEIGHTS } from '../dist/understand/confidence.js';

const file = process.argv[2] ?? new URL('./evals/nlu-holdout-a.jsonl', import.meta.url);
const items = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const rows = items.flatMap((item) => {
  const { interpretation, features } = explain(item.text);
  return features ? [{ x: features, y: interpretation.intent === item.intent ? 1 : 0, confidence: interpretation.confidence }] : [];
});
const keys = Object.keys(rows[0].x);

function auroc(scored) {
  const pos = scored.filter((r) => r.y).map((r) => r.s);
  const neg = scored.filter((r) => !r.y).map((r) => r.s);
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

const w = { bias: 0, ...Object.fromEntries(keys.map((k) => [k, 0])) };
const sigmoid = (z) => 1 / (1 + Math.exp(-z));
const predict = (x) => sigmoid(w.bias + keys.reduce((z, k) => z + w[k] * x[k], 0));
const RATE = 0.5;
const L2 = 0.01;
for (let step = 0; step < 4000; step++) {
  const grad = { bias: 0, ...Object.fromEntries(keys.map((k) => [k, 0])) };
  for (const r of rows) {
    const error = predict(r.x) - r.y;
    grad.bias += error;
    for (const k of keys) grad[k] += error * r.x[k];
  }
  w.bias -= (RATE * grad.bias) / rows.length;
  for (const k of keys) w[k] -= RATE * (grad[k] / rows.length + L2 * w[k]);
}

console.log(`${rows.length} requests read as something to do, ${rows.filter((r) => r.y).length} with the intent right`);
console.log(`AUROC with the weights in use: ${auroc(rows.map((r) => ({ y: r.y, s: r.confidence }))).toFixed(3)} (bias ${CONFIDENCE_WEIGHTS.bias})`);
console.log(`AUROC with the fitted weights: ${auroc(rows.map((r) => ({ y: r.y, s: predict(r.x) }))).toFixed(3)}`);
console.log('CONFIDENCE_WEIGHTS = {');
for (const k of ['bias', ...keys]) console.log(`  ${k}: ${w[k].toFixed(2)},`);
console.log('}');
