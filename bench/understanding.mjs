// Scores the understanding on bench/understanding/*.jsonl: sets written apart from the project, in
// styles its examples lack (ticket titles, chat, non-native English), for measurement only — their
// figures are reported, the rules are not tuned to them. Run after `npm run build`; asserts nothing.
import { readdirSync } from 'node:fs';
import { describeScores, readJsonl, score } from '../dist/understand/evaluation.js';

const folder = new URL('./understanding/', import.meta.url);
for (const file of readdirSync(folder).filter((f) => f.endsWith('.jsonl')).sort()) {
  const items = readJsonl(new URL(file, folder));
  console.log(describeScores(file, items.length, score(items)));
}
