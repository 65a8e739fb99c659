/**
 * Shell text reduced to what the judge needs: every simple command that would run, in the order
 * it would start, with its words resolved as far as they can be known without running anything.
 */

/** Stands for each part of a word that only exists at run time (a variable, a substitution). */
export const DYNAMIC = '\u0000';
/** Stands for an item read at run time that is never empty: a line `xargs` reads, a file `find` found. */
export const ITEM = '\u0001';

export interface Word {
  /** The text as written. */
  raw: string;
  /** The value bash would pass, quotes and escapes removed, unknown parts as DYNAMIC. */
  value: string;
  /** Commands whose output becomes part of this word: `$(…)`, backticks, `<(…)`, loop variables. */
  sources: CommandSite[];
  /** Names of the variables the word expands. */
  variables: string[];
  /** Set when the word is a process substitution: the file it names is the output of these commands. */
  processInput?: CommandSite[];
}

export interface Assignment {
  name: string;
  value: Word;
}

export interface Redirect {
  /** `>`, `>>`, `<`, `&>`, `>&`, `<&`, `>|`, `<>`, `&>>`. */
  operator: string;
  /** The file descriptor written before the operator, if any. */
  descriptor?: number;
  target: Word;
}

export interface StdinText {
  text: string;
  /** False when the text expands variables or substitutions. */
  literal: boolean;
}

export interface CommandSite {
  /** The command as written, for the reasons shown to a person. */
  text: string;
  assignments: Assignment[];
  /** The command name first, then its arguments. Empty for a bare assignment or redirection. */
  words: Word[];
  redirects: Redirect[];
  /** Commands whose output is this command's standard input: the previous stage of its pipeline. */
  stdinFrom: CommandSite[];
  /** A here-document or here-string given as standard input. */
  stdinText?: StdinText;
  /** Started with `&`, or a stage of a pipeline (both fork). */
  forks: boolean;
  /** The function whose body holds this command. */
  insideFunction?: string;
}

export interface ShellScript {
  sites: CommandSite[];
  /** The functions the script defines: name → the text of its body. */
  functions: Map<string, string>;
  /** The parser had to skip or guess at part of the text. */
  hasSyntaxError: boolean;
}

export function isStatic(word: Word): boolean {
  return !word.value.includes(DYNAMIC);
}

/** Every command whose output reaches this command's standard input, through any number of stages. */
export function upstreamOf(site: CommandSite): CommandSite[] {
  const seen = new Set<CommandSite>();
  const visit = (s: CommandSite) => {
    for (const from of s.stdinFrom) {
      if (!seen.has(from)) {
        seen.add(from);
        visit(from);
      }
    }
  };
  visit(site);
  return [...seen];
}

/** The text a command reads on standard input, when it is written in the command itself. */
export function literalStdin(site: CommandSite): string | undefined {
  if (site.stdinText) return site.stdinText.literal ? site.stdinText.text : undefined;
  const [from] = site.stdinFrom;
  if (!from || site.stdinFrom.length > 1) return undefined;
  const [name, ...args] = from.words;
  if (!name || !args.every(isStatic)) return undefined;
  if (name.value === 'echo') return args.filter((a) => !/^-[neE]+$/.test(a.value)).map((a) => a.value).join(' ');
  if (name.value === 'printf') {
    // `printf '%s\n' a b` repeats its format for each argument, as printf does.
    const [format = '', ...rest] = args.map((a) => a.value);
    const shown = format.includes('%s') && rest.length ? rest.map((value) => format.replace('%s', value)).join('') : [format, ...rest].join(' ');
    return shown.replace(/\\n/g, '\n');
  }
  if (name.value === 'cat' && args.length === 0) return literalStdin(from);
  return undefined;
}
