import type { Analysis } from './analyze.js';
import type { DomainDecision } from './domain-decision.js';
import type { IntentDecision } from './intent.js';

/**
 * How sure the understanding is that it read the intent right, from what decided it. The weights
 * are a logistic model fitted by `node bench/calibrate.mjs` on a labelled set that was written
 * apart from the project; the features are the evidence, never the text itself.
 */
export interface ConfidenceFeatures {
  /** The winner's share of the two strongest intents. */
  margin: number;
  /** How strong the winning evidence is (a clause-leading verb counts most), up to 1. */
  strength: number;
  /** How the tools were decided: named 1, hinted 0.8, a default rule 0.65. */
  domainSureness: number;
  /** The intent came from a verb or a command leading a clause. */
  leadingVerb: number;
  /** The intent came from a rule about the whole request (an artifact or thing named, a report). */
  inferred: number;
  /** The text has more than one sentence. */
  severalSentences: number;
  /** Its length in words, up to 40, as a share of 40. */
  length: number;
  /** The share of its longer words that some table of the lexicon recognised. */
  recognised: number;
}

/** Fitted by `node bench/calibrate.mjs` on bench/evals/nlu-holdout-a.jsonl: bias first, then one weight per feature. */
export const CONFIDENCE_WEIGHTS: Record<'bias' | keyof ConfidenceFeatures, number> = {
  bias: 0.06,
  margin: 1.15,
  strength: 0.94,
  domainSureness: -0.02,
  leadingVerb: 0.07,
  inferred: -0.46,
  severalSentences: -0.41,
  length: -0.8,
  recognised: 0.69,
};

export function confidenceFeatures(a: Analysis, decision: IntentDecision, domains: DomainDecision['basis']): ConfidenceFeatures {
  const covered = new Set<number>();
  for (const m of [...a.intents, ...a.domains, ...a.services, ...a.environments, ...a.clouds, ...a.ci, ...a.cloudResources]) {
    for (let i = m.start; i < m.end; i++) covered.add(i);
  }
  const longer = a.tokens.map((t, i) => ({ t, i })).filter(({ t }) => t.lemma.length > 3);
  const known = longer.filter(({ t, i }) => covered.has(i) || a.claimed[i] || a.classes[i]!.size > 0 || t.quoted);
  return {
    margin: decision.score > 0 ? decision.score / (decision.score + decision.runnerUp) : 0.5,
    strength: Math.min(decision.score, 1.5) / 1.5,
    domainSureness: { named: 1, hinted: 0.8, default: 0.65, none: 0.3 }[domains],
    leadingVerb: decision.basis === 'verb' || decision.basis === 'command' ? 1 : 0,
    inferred: decision.basis === 'artifact' || decision.basis === 'object' || decision.basis === 'report' ? 1 : 0,
    severalSentences: (a.sentence.at(-1) ?? 0) > 0 ? 1 : 0,
    length: Math.min(a.tokens.length, 40) / 40,
    recognised: longer.length ? known.length / longer.length : 1,
  };
}

/**
 * Below this, Reign does not act on its reading of a request that would change something: it shows
 * the reading and asks. Chosen on the development and used held-out sets (README: How it understands).
 */
export const ASK_BELOW = 0.7;

export function confidenceOf(features: ConfidenceFeatures): number {
  let z = CONFIDENCE_WEIGHTS.bias;
  for (const key of Object.keys(features) as (keyof ConfidenceFeatures)[]) z += CONFIDENCE_WEIGHTS[key] * features[key];
  const p = 1 / (1 + Math.exp(-z));
  return Math.round(Math.min(0.99, Math.max(0.05, p)) * 100) / 100;
}
