import type { Token } from './text.js';
import { singular } from './text.js';

/**
 * Phrase tables compiled once into an index by first word, then matched left to right, longest
 * phrase first. A phrase is words, `…` (up to three other words, within one clause) and token
 * classes `<service>`, `<image>`, `<number>`.
 */

export type TokenClass = 'service' | 'image' | 'number' | 'file';

type Part = { word: string } | { gap: true } | { cls: TokenClass };

interface Compiled<R> {
  row: R;
  parts: Part[];
  /** Words that must match (gaps excluded): the longer, the more specific. */
  size: number;
}

interface PhraseIndex<R> {
  byFirst: Map<string, Compiled<R>[]>;
}

export interface Match<R> {
  row: R;
  start: number;
  /** Index after the last matched token. */
  end: number;
  /** Indices of the tokens the phrase's words matched (not the gaps). */
  anchors: number[];
}

const MAX_GAP = 4;

export function foldWord(word: string): string {
  return singular(word.toLowerCase());
}

export function compile<R extends { phrase: string }>(rows: readonly R[]): PhraseIndex<R> {
  const byFirst = new Map<string, Compiled<R>[]>();
  for (const row of rows) {
    const parts: Part[] = row.phrase.split(/\s+/).map((w): Part => {
      if (w === '…') return { gap: true };
      const cls = /^<(service|image|number|file)>$/.exec(w)?.[1] as TokenClass | undefined;
      return cls ? { cls } : { word: foldWord(w) };
    });
    const first = parts[0]!;
    const key = 'word' in first ? first.word : 'cls' in first ? `<${first.cls}>` : '';
    const compiled = { row, parts, size: parts.filter((p) => !('gap' in p)).length };
    const list = byFirst.get(key) ?? [];
    list.push(compiled);
    byFirst.set(key, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.size - a.size);
  return { byFirst };
}

/**
 * All non-overlapping matches: at each token the most specific phrase that matches and passes
 * `accept` wins, and the tokens it used start no other match. Equally specific phrases that match
 * the same words are all returned, as alternatives a later rule chooses between.
 */
export function matchAll<R>(
  tokens: readonly Token[],
  index: PhraseIndex<R>,
  classes: readonly Set<TokenClass>[],
  accept: (row: R, start: number) => boolean = () => true,
): Match<R>[] {
  const used = new Array<boolean>(tokens.length).fill(false);
  const matches: Match<R>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const candidates = candidatesAt(tokens, i, index, classes);
    const best: Match<R>[] = [];
    for (const candidate of candidates) {
      if (best.length && candidate.size < best[0]!.anchors.length) break;
      const anchors = matchParts(tokens, classes, candidate.parts, i, used);
      if (!anchors || !accept(candidate.row, i)) continue;
      if (best.length && anchors.join() !== best[0]!.anchors.join()) continue;
      best.push({ row: candidate.row, start: i, end: anchors[anchors.length - 1]! + 1, anchors });
    }
    matches.push(...best);
    for (const a of best[0]?.anchors ?? []) used[a] = true;
  }
  return matches;
}

function candidatesAt<R>(tokens: readonly Token[], i: number, index: PhraseIndex<R>, classes: readonly Set<TokenClass>[]): Compiled<R>[] {
  const byWord = index.byFirst.get(tokens[i]!.lemma) ?? [];
  const extra: Compiled<R>[] = [];
  const base = tokens[i]!.base;
  if (base) extra.push(...(index.byFirst.get(base) ?? []));
  for (const cls of classes[i]!) extra.push(...(index.byFirst.get(`<${cls}>`) ?? []));
  if (extra.length === 0) return byWord;
  return [...byWord, ...extra].sort((a, b) => b.size - a.size);
}

function matchParts(tokens: readonly Token[], classes: readonly Set<TokenClass>[], parts: Part[], start: number, used: boolean[]): number[] | undefined {
  const anchors: number[] = [];
  const go = (p: number, t: number): boolean => {
    if (p === parts.length) return true;
    const part = parts[p]!;
    if ('gap' in part) {
      for (let skip = 0; skip <= MAX_GAP; skip++) {
        const at = t + skip;
        // A gap never reaches across a clause break.
        if (at >= tokens.length || tokens[at]!.breakBefore) return false;
        if (go(p + 1, at)) return true;
      }
      return false;
    }
    if (t >= tokens.length || used[t]) return false;
    if (p > 0 && tokens[t]!.breakBefore && !('gap' in parts[p - 1]!)) return false;
    const token = tokens[t]!;
    // A participle stands for its verb inside a phrase of several words, or where it alone is the action.
    const ok = 'word' in part
      ? token.lemma === part.word || (token.base === part.word && (token.baseAlone || isPhrasal(parts)))
      : classes[t]!.has(part.cls);
    if (!ok) return false;
    anchors.push(t);
    if (go(p + 1, t + 1)) return true;
    anchors.pop();
    return false;
  };
  return go(0, start) ? anchors : undefined;
}

/** "roll … back", "clean up": words only, so "the running redis container" is not "run … <service>". */
function isPhrasal(parts: Part[]): boolean {
  return parts.length > 1 && parts.every((p) => !('cls' in p));
}
