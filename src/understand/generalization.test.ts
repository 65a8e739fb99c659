import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOMAINS, INTENTS } from '../core/interpretation.js';
import type { Labelled } from './evaluation.js';
import { describeScores, readJsonl, score } from './evaluation.js';

/**
 * Requests written apart from the development set, in other words and styles (terse, chatty,
 * jargon, typos, passive, multi-task, kubectl-ai and IaC prompts, shell tasks), labelled by the
 * same contract. They are scored like the held-out set, against the same thresholds.
 */
const examples = new URL('./examples/', import.meta.url);
const files = readdirSync(examples).filter((f) => f.endsWith('.jsonl')).sort();

describe('understanding of requests written apart from the development set', () => {
  const byFile = files.map((file) => ({ file, items: readJsonl<Labelled>(new URL(file, examples)) }));
  const items = byFile.flatMap((f) => f.items);

  it('holds at least 250 labelled requests covering every intent and every domain', () => {
    expect(items.length).toBeGreaterThanOrEqual(250);
    expect([...new Set(items.map((i) => i.intent))].sort()).toEqual([...INTENTS].sort());
    expect([...new Set(items.flatMap((i) => i.domains))].sort()).toEqual([...DOMAINS].sort());
  });

  it('meets the intent, domain and entity thresholds', () => {
    for (const f of byFile) console.log(describeScores(f.file, f.items.length, score(f.items)));
    const scores = score(items);
    console.log(describeScores('all examples', items.length, scores));
    expect(scores.intentAccuracy).toBeGreaterThanOrEqual(0.97);
    expect(scores.domainAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(scores.entityF1).toBeGreaterThanOrEqual(0.95);
  });
});
