import { readFileSync } from 'node:fs';
import { understand } from './understand.js';

/**
 * Scores of `shared/evals/README.md` §1 ("scores"), for any labelled set: intent accuracy, exact
 * domain-set accuracy, and micro-averaged entity F1 over (key, value) pairs.
 */
export interface Labelled {
  id: string;
  text: string;
  intent: string;
  domains: string[];
  entities: Record<string, unknown>;
}

export interface Scores {
  intentAccuracy: number;
  domainAccuracy: number;
  entityF1: number;
}

export const readJsonl = <T>(url: URL): T[] =>
  readFileSync(url, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

/** (key, value) pairs, lists expanded, strings compared case-insensitively. */
function entityPairs(entities: Record<string, unknown>): string[] {
  return Object.entries(entities).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => `${key}=${typeof v === 'string' ? v.toLowerCase() : String(v)}`));
}

export function score(items: Labelled[]): Scores {
  let intents = 0;
  let domains = 0;
  let truePositives = 0;
  let predicted = 0;
  let expected = 0;
  for (const item of items) {
    const got = understand(item.text);
    if (got.intent === item.intent) intents++;
    if ([...got.domains].sort().join() === [...item.domains].sort().join()) domains++;
    const want = entityPairs(item.entities);
    const have = entityPairs(got.entities as Record<string, unknown>);
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

export function describeScores(label: string, count: number, scores: Scores): string {
  return `${label} (${count} items): intent ${scores.intentAccuracy.toFixed(3)}, domains ${scores.domainAccuracy.toFixed(3)}, entity F1 ${scores.entityF1.toFixed(3)}`;
}
