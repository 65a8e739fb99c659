import { distance } from 'fastest-levenshtein';

/**
 * Bounded typo correction against the lexicon's own words: "kubctl" → kubectl, "promethues" →
 * prometheus. Only words the lexicon does not know are corrected, only to words of similar length
 * that start with the same letter, and short words never: "pod" must not become "pg".
 */

const MIN_LENGTH = 5;

export class TypoCorrector {
  private readonly byFirstLetter = new Map<string, string[]>();
  private readonly cache = new Map<string, string>();

  constructor(
    targets: Iterable<string>,
    private readonly known: ReadonlySet<string>,
  ) {
    for (const word of new Set(targets)) {
      if (word.length < MIN_LENGTH || !/^[a-z][a-z.-]*$/.test(word)) continue;
      const list = this.byFirstLetter.get(word[0]!) ?? [];
      list.push(word);
      this.byFirstLetter.set(word[0]!, list);
    }
  }

  correct(word: string): string {
    if (word.length < MIN_LENGTH || this.known.has(word) || !/^[a-z]+$/.test(word)) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const corrected = this.nearest(word);
    // Requests repeat the same few words; the cache stays small enough to keep.
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(word, corrected);
    return corrected;
  }

  private nearest(word: string): string {
    const allowed = word.length >= 9 ? 2 : 1;
    let best = word;
    let bestDistance = allowed + 1;
    for (const target of this.byFirstLetter.get(word[0]!) ?? []) {
      if (Math.abs(target.length - word.length) > allowed) continue;
      // Five letters leave too many real words one letter apart ("slack", "stack"): only a
      // missing, extra or swapped letter counts there, or a slip to a neighbouring key ("redus").
      if (word.length === MIN_LENGTH && target.length === word.length && !isTransposition(word, target) && !isKeySlip(word, target)) continue;
      const d = isTransposition(word, target) ? 1 : distance(word, target);
      if (d < bestDistance) {
        best = target;
        bestDistance = d;
      }
    }
    return best;
  }
}

/** Keys next to each other on a QWERTY keyboard, row by row. */
const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const NEIGHBOURS = new Map<string, Set<string>>();
for (const [r, row] of KEY_ROWS.entries()) {
  for (const [c, key] of [...row].entries()) {
    const near = [row[c - 1], row[c + 1], KEY_ROWS[r - 1]?.[c], KEY_ROWS[r - 1]?.[c + 1], KEY_ROWS[r + 1]?.[c], KEY_ROWS[r + 1]?.[c - 1]];
    NEIGHBOURS.set(key, new Set(near.filter((k): k is string => Boolean(k))));
  }
}

/** "redus" and "redis" differ in one letter whose keys touch: a slip, unlike "slack" and "stack". */
function isKeySlip(a: string, b: string): boolean {
  const differing = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [[ch, b[i]!] as const]));
  return differing.length === 1 && Boolean(NEIGHBOURS.get(differing[0]![0])?.has(differing[0]![1]));
}

/** "dokcer" and "docker" differ by two letters swapped: one slip of the fingers, not two. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i < a.length - 1 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
