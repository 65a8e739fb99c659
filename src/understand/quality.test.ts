import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { understand, understandAll } from './index.js';

/**
 * Scores on the development set of `shared/evals/README.md` §1, computed exactly as its "scores"
 * section defines them. The held-out set is scored the same way with the same thresholds.
 */
interface Labelled {
  id: string;
  text: string;
  intent: string;
  domains: string[];
  entities: Record<string, unknown>;
}

const readJsonl = <T>(relative: string): T[] =>
  readFileSync(new URL(relative, import.meta.url), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

/** (key, value) pairs, lists expanded, strings compared case-insensitively. */
function pairs(entities: Record<string, unknown>): string[] {
  return Object.entries(entities).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => `${key}=${typeof v === 'string' ? v.toLowerCase() : String(v)}`));
}

function score(items: Labelled[]) {
  let intents = 0;
  let domains = 0;
  let truePositives = 0;
  let predicted = 0;
  let expected = 0;
  for (const item of items) {
    const got = understand(item.text);
    if (got.intent === item.intent) intents++;
    if ([...got.domains].sort().join() === [...item.domains].sort().join()) domains++;
    const want = pairs(item.entities);
    const have = pairs(got.entities as Record<string, unknown>);
    predicted += have.length;
    expected += want.length;
    const remaining = [...want];
    for (const pair of have) {
      const at = remaining.indexOf(pair);
      if (at >= 0) {
        remaining.splice(at, 1);
        truePositives++;
      }
    }
  }
  const precision = predicted ? truePositives / predicted : 1;
  const recall = expected ? truePositives / expected : 1;
  return {
    intentAccuracy: intents / items.length,
    domainAccuracy: domains / items.length,
    entityF1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

describe('understanding quality on the development set', () => {
  const items = readJsonl<Labelled>('../../../shared/evals/nlu-dev.jsonl');

  it('meets the intent, domain and entity thresholds', () => {
    const scores = score(items);
    console.log(`nlu-dev (${items.length} items): intent ${scores.intentAccuracy.toFixed(3)}, domains ${scores.domainAccuracy.toFixed(3)}, entity F1 ${scores.entityF1.toFixed(3)}`);
    expect(scores.intentAccuracy).toBeGreaterThanOrEqual(0.97);
    expect(scores.domainAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(scores.entityF1).toBeGreaterThanOrEqual(0.95);
  });
});

describe('real-world requests', () => {
  const files = ['../../../shared/realworld/k8s-bench-prompts.jsonl', '../../../shared/realworld/iac-prompts.jsonl'];

  it.each(files)('interprets every request in %s without failing', (file) => {
    for (const { id, text } of readJsonl<{ id: string; text: string }>(file)) {
      const interpretation = understand(text);
      expect(interpretation.intent, id).toBeTypeOf('string');
      expect(interpretation.intent === 'clarify' ? interpretation.question : 'no question needed', id).toBeTruthy();
      expect(understandAll(text).length, id).toBeGreaterThan(0);
    }
  });
});
