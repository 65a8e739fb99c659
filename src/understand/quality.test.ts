import { expect, it } from 'vitest';
import { describeSharedData, sharedFile } from '../testing/shared-data.js';
import { understand, understandAll } from './index.js';
import type { Labelled } from './evaluation.js';
import { describeScores, readJsonl, score } from './evaluation.js';

/**
 * Scores on the development set of `shared/evals/README.md` §1, computed exactly as its "scores"
 * section defines them. The held-out set is scored the same way with the same thresholds.
 */
describeSharedData('understanding quality on the development set', ['evals'], () => {
  it('meets the intent, domain and entity thresholds', () => {
    const items = readJsonl<Labelled>(sharedFile('evals', 'nlu-dev.jsonl'));
    const scores = score(items);
    console.log(describeScores('nlu-dev', items.length, scores));
    expect(scores.intentAccuracy).toBeGreaterThanOrEqual(0.97);
    expect(scores.domainAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(scores.entityF1).toBeGreaterThanOrEqual(0.95);
  });
});

describeSharedData('real-world requests', ['realworld'], () => {
  const files = ['k8s-bench-prompts.jsonl', 'iac-prompts.jsonl'];

  it.each(files)('interprets every request in ../shared/realworld/%s without failing', (file) => {
    for (const { id, text } of readJsonl<{ id: string; text: string }>(sharedFile('realworld', file))) {
      const interpretation = understand(text);
      expect(interpretation.intent, id).toBeTypeOf('string');
      expect(interpretation.intent === 'clarify' ? interpretation.question : 'no question needed', id).toBeTruthy();
      expect(understandAll(text).length, id).toBeGreaterThan(0);
    }
  });
});
