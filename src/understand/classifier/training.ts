/**
 * The labelled requests the intent model learns from: the development set beside the checkout,
 * the project's examples, requests written only to train it (`training/`), and the held-out sets
 * already used to find failures. `bench/evals-e` is never among them: it measures.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { TrainingOptions } from './softmax.js';

export const TRAINING_FOLDERS = ['../shared/evals/', 'src/understand/examples/', 'src/understand/classifier/training/', 'bench/evals/', 'bench/evals-b/', 'bench/evals-c/', 'bench/evals-d/'];

export const TRAINING_OPTIONS: TrainingOptions = { steps: 300, rate: 2, l2: 0.0005, minCount: 2 };

export interface LabelledText {
  text: string;
  intent: string;
}

/** Every request of the training sets, with a digest of their files that changes when any does. */
export function readTrainingSets(root: URL): { examples: LabelledText[]; digest: string } {
  const hash = createHash('sha256');
  const examples: LabelledText[] = [];
  for (const folder of TRAINING_FOLDERS) {
    const url = new URL(folder, root);
    if (!existsSync(url)) throw new Error(`training set folder ${folder} is missing beside the checkout`);
    const files = readdirSync(url).filter((f) => f.endsWith('.jsonl') && (folder.startsWith('src/') || f.startsWith('nlu-'))).sort();
    for (const file of files) {
      const text = readFileSync(new URL(file, url), 'utf8');
      hash.update(`${folder}${file}\n`).update(text);
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        const item = JSON.parse(line) as Partial<LabelledText>;
        if (typeof item.text === 'string' && typeof item.intent === 'string') examples.push({ text: item.text, intent: item.intent });
      }
    }
  }
  return { examples, digest: hash.digest('hex').slice(0, 16) };
}
