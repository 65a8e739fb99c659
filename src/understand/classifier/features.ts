/**
 * The words a statistical reading of intent looks at: folded words (the same forms the lexicon
 * matches), pairs of neighbouring words, the first words of each sentence, and whether the text
 * asks. Values and names are replaced by their kind, so "scale api to 4" and "scale web to 9"
 * teach the same thing.
 */
import { tokenize } from '../text.js';
import { fold } from '../tables.js';

const NUMBER = /^\d+([.,]\d+)*$/;
const VERSION = /^v?\d+(\.\d+)+\S*$/;
const PATH = /^(~|\.{0,2}\/)\S+$/;

function shape(lemma: string, raw: string): string {
  if (NUMBER.test(raw)) return '<n>';
  if (VERSION.test(raw)) return '<v>';
  if (PATH.test(raw)) return '<path>';
  if (/[:@]/.test(raw) && /[a-z]/i.test(raw)) return '<ref>';
  if (/[-_]/.test(raw) && /[a-z]/i.test(raw) && raw.length > 3) return '<id>';
  return lemma;
}

export function intentFeatures(text: string): string[] {
  const tokens = tokenize(text, fold);
  const words = tokens.map((t) => (t.quoted ? '<quoted>' : shape(t.lemma, t.raw)));
  const features = new Set<string>();
  words.forEach((w, i) => {
    features.add(w);
    if (i > 0 && !tokens[i]!.breakBefore) features.add(`${words[i - 1]} ${w}`);
    if (i === 0 || tokens[i]!.sentenceBefore) {
      features.add(`^${w}`);
      if (words[i + 1]) features.add(`^${w} ${words[i + 1]}`);
    }
  });
  if (tokens.some((t) => t.questionAfter)) features.add('<asks>');
  if (tokens.some((t, i) => i > 0 && t.sentenceBefore)) features.add('<sentences>');
  return [...features];
}
