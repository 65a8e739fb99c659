import type { ArgSelection, Condition, Rule, ToolTable } from './rules/types.js';

/** A command's arguments split into options and positionals, the way its table says it reads them. */
export interface ParsedArgs {
  /** Every word after the command name, as bash passes them. */
  words: string[];
  positionals: string[];
  /** Option → its values (`true` for an option without one). `--x=1` and `-x 1` both give `-x`/`--x`. */
  flags: Map<string, (string | true)[]>;
  /** The positionals before the first option: the command path of `az vm delete -n x`. */
  leading: string[];
}

export function parseArgs(words: string[], table: Pick<ToolTable, 'valueFlags' | 'bundles' | 'dashlessFirst'>): ParsedArgs {
  const valueFlags = new Set(table.valueFlags ?? []);
  const flags = new Map<string, (string | true)[]>();
  const positionals: string[] = [];
  const leading: string[] = [];
  let sawOption = false;
  const set = (flag: string, value: string | true) => {
    const values = flags.get(flag);
    if (values) values.push(value);
    else flags.set(flag, [value]);
  };
  for (let i = 0; i < words.length; i++) {
    let word = words[i]!;
    if (i === 0 && table.dashlessFirst && /^[a-zA-Z]+$/.test(word)) word = `-${word}`;
    if (word === '--') {
      positionals.push(...words.slice(i + 1));
      break;
    }
    if (word.length < 2 || !word.startsWith('-')) {
      positionals.push(word);
      if (!sawOption) leading.push(word);
      continue;
    }
    sawOption = true;
    const equals = word.indexOf('=');
    if (equals > 1) {
      set(word.slice(0, equals), word.slice(equals + 1));
      continue;
    }
    if (valueFlags.has(word)) {
      const value = words[i + 1];
      if (value !== undefined) i++;
      set(word, value ?? true);
      continue;
    }
    if (word.startsWith('--') || word.length === 2) {
      set(word, true);
      continue;
    }
    const head = word.slice(0, 2);
    if (!table.bundles) {
      // `-n10`, `-oyaml`: a short option with its value attached; otherwise a single-dash long option.
      if (valueFlags.has(head)) set(head, word.slice(2));
      else set(word, true);
      continue;
    }
    set(word, true);
    for (let c = 1; c < word.length; c++) {
      const flag = `-${word[c]}`;
      if (valueFlags.has(flag)) {
        const rest = word.slice(c + 1);
        if (rest) set(flag, rest);
        else {
          const value = words[i + 1];
          if (value !== undefined) i++;
          set(flag, value ?? true);
        }
        break;
      }
      set(flag, true);
    }
  }
  return { words, positionals, flags, leading };
}

/** What conditions may look at besides the arguments. */
export interface MatchContext {
  /** A production target is selected for the tool (a Terraform workspace, an environment variable). */
  prodSelected: boolean;
  /** Files recorded earlier in the same text, by fact. */
  recorded(fact: string, value: string): boolean;
}

const PROD_NAME = /(^|[^a-z0-9])(prod|production|prd|live)([^a-z0-9]|$)/i;

/** `delete|del`, `s3 rb`, `* delete-*`: words, alternatives, wildcards and prefixes. */
type SubPattern = ((word: string) => boolean)[];
const subCache = new Map<string, SubPattern>();

function subPattern(sub: string): SubPattern {
  let pattern = subCache.get(sub);
  if (!pattern) {
    pattern = sub.split(' ').map((part) => wordMatcher(part));
    subCache.set(sub, pattern);
  }
  return pattern;
}

function wordMatcher(part: string): (word: string) => boolean {
  if (part === '*') return () => true;
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const alternative of part.split('|')) {
    if (alternative.endsWith('*')) prefixes.push(alternative.slice(0, -1));
    else exact.add(alternative);
  }
  return (word) => exact.has(word) || prefixes.some((p) => word.startsWith(p));
}

/** How many leading positionals a `sub` condition matches, or -1 when it does not. */
export function subMatch(sub: string | string[] | undefined, positionals: string[]): number {
  if (sub === undefined) return 0;
  for (const alternative of Array.isArray(sub) ? sub : [sub]) {
    const pattern = subPattern(alternative);
    if (positionals.length < pattern.length) continue;
    if (pattern.every((matches, i) => matches(positionals[i]!))) return pattern.length;
  }
  return -1;
}

export function conditionHolds(when: Condition, args: ParsedArgs, context: MatchContext): boolean {
  const skip = subMatch(when.sub, args.positionals);
  if (skip < 0) return false;
  if (when.verb !== undefined) {
    const [matches] = subPattern(when.verb);
    if (!args.leading.some((w) => matches!(w))) return false;
  }
  if (when.anyFlag && !when.anyFlag.some((f) => args.flags.has(f))) return false;
  if (when.allFlags && !when.allFlags.every((f) => args.flags.has(f))) return false;
  if (when.noFlag && when.noFlag.some((f) => args.flags.has(f))) return false;
  if (when.flagValue) {
    for (const [flag, pattern] of Object.entries(when.flagValue)) {
      const values = args.flags.get(flag);
      if (!values || !values.some((v) => pattern.test(v === true ? '' : v))) return false;
    }
  }
  const rest = args.positionals.slice(skip);
  if (when.noArgs && rest.length > 0) return false;
  if (when.arg && !rest.some((a) => when.arg!.test(a))) return false;
  if (when.last && !(rest.length > 1 && when.last.test(rest[rest.length - 1]!))) return false;
  if (when.word && !args.words.some((w) => when.word!.test(w))) return false;
  if (when.prod && !(context.prodSelected || args.words.some((w) => PROD_NAME.test(w)))) return false;
  if (when.recorded && !rest.some((a) => context.recorded(when.recorded!, a))) return false;
  return true;
}

/** The first rule of the table whose condition holds. */
export function firstMatch(table: ToolTable, args: ParsedArgs, context: MatchContext): Rule | undefined {
  for (const rule of table.rules) {
    if (!rule.when || conditionHolds(rule.when, args, context)) return rule;
  }
  return undefined;
}

/** The argument values an effect or record applies to. */
export function selectArgs(selection: ArgSelection, args: ParsedArgs, skip: number): string[] {
  const rest = args.positionals.slice(skip);
  switch (selection) {
    case 'args':
      return rest;
    case 'last':
      return rest.length > 1 ? rest.slice(-1) : [];
    case 'all-but-last':
      return rest.length > 1 ? rest.slice(0, -1) : rest;
    case 'after-first':
      return rest.slice(1);
    default: {
      if (selection.flag.endsWith('=')) {
        return rest.filter((a) => a.startsWith(selection.flag)).map((a) => a.slice(selection.flag.length));
      }
      return (args.flags.get(selection.flag) ?? []).filter((v): v is string => v !== true);
    }
  }
}

export function isProdName(text: string): boolean {
  return PROD_NAME.test(text);
}
