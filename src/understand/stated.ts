import type { StatedValue } from '../core/interpretation.js';
import { SHELL_SYNTAX } from '../core/patterns.js';
import { parseMemory } from './entities.js';
import { INTENT_CUES } from './lexicon/intents.js';
import { MEMORY_UNITS } from './lexicon/numbers.js';

/**
 * Values a request states in so many words: "named X", "on port X", "on the network X",
 * "with password X". They are read from the raw text, whole and with their quotes removed, so a
 * value is never cut down to the part that happens to look safe: `named "web;rm -rf /"` states
 * the name `web;rm -rf /`, which the strict shapes then refuse. The planner must use every stated
 * value or say that it did not.
 */

export type { StatedValue };
type StatedKind = StatedValue['kind'];

/** A piece of the request: a quoted text whole, else a run of non-space characters. */
interface Chunk {
  text: string;
  quoted: boolean;
  /** `FOO="a b"`: an assignment of a quoted text, kept whole without its quotes. */
  assignment?: boolean;
}

/** Cue words and the kind of value that follows them. Flags take `--flag value` and `--flag=value`. */
const CUES: readonly { words: readonly string[]; kind: StatedKind }[] = [
  { words: ['named', 'called', 'titled', '--name'], kind: 'name' },
  { words: ['tagged', '--tag'], kind: 'tag' },
  { words: ['port', 'ports', '--port', '--publish', '-p'], kind: 'port' },
  { words: ['--network', '--net'], kind: 'network' },
  { words: ['password', 'passwd', '--password', '--passwd', 'passphrase'], kind: 'secret' },
  // Nouns that are also ordinary words ("the token for github"): a value must look like one.
  { words: ['token', '--token', 'secret', 'apikey', 'api-key', 'api_key'], kind: 'secret' },
];
/** Words after "port" that are about ports, not a port. */
const PORT_PROSE = new Set(['usage', 'conflict', 'conflicts', 'range', 'ranges', 'binding', 'bindings', 'scan', 'status', 'exposure', 'info', 'details', 'config', 'settings', 'numbers', 'mappings', 'forwards', 'clash', 'collision', 'issue', 'issues', 'problem', 'problems', 'error', 'errors']);
const AMBIGUOUS_SECRET_CUES = new Set(['token', 'secret']);

/** Words after a cue that show no value follows ("a secret named db", "the port for the api"). */
const NOT_VALUES = new Set([
  'a', 'an', 'the', 'is', 'are', 'to', 'for', 'of', 'on', 'in', 'at', 'from', 'with', 'and', 'or', 'it', 'its', 'that',
  'this', 'named', 'called', 'as', 'by', 'into', 'which', 'will', 'should', 'be', 'was', 'number', 'mapping', 'forwarding',
  'store', 'manager', 'vault', 'rotation', 'used', 'set', 'from', 'value', 'values', 'file', 'files', 'list', 'then',
  'reference', 'name', 'key', 'keys', 'so', 'if', 'when', 'but', 'not', 'only', 'there', 'here', 'exposed', 'open',
]);

/**
 * A word no English sentence holds, so it can only be a value: a glob, a climb, an apostrophe
 * that is no contraction, `~` that starts no home path. Left unused, it was dropped.
 */
function oddWord(text: string): boolean {
  // "&" is "and"; a ";" after a word ends a clause.
  const word = text.replace(/;+$/, '');
  if (!word || word === '&' || word === '&&' || word.includes('://') || PATH_WORD.test(word) || /^\d+(?:\.\d+)?%$/.test(word) || /^~\d/.test(word)) return false;
  if (/^[a-z]+['’](?:t|s|re|ll|ve|m|d)$/i.test(word) || /^[a-z]+s['’]$/i.test(word)) return false;
  // Shell syntax, or quotes, globs, `~`, `^`, `!`, `%`, `=` and climbs.
  return word.length > 64 || SHELL_SYNTAX.test(word) || /['’"*?[\]~^!%=]|\.\./.test(word);
}

/** Memory cue words: "512m of memory", "with memory 1g", "--memory=1g". */
const MEMORY_CUES = new Set(['memory', 'ram', 'mem', '--memory', '-m']);
const isMemoryUnit = (word: string) => Object.hasOwn(MEMORY_UNITS, word.toLowerCase()) || /^bytes?$/i.test(word);
/** Words before "of memory" that say how much in prose: "lots of memory", "out of memory", "90% of memory". */
const MEMORY_PROSE = new Set([
  'lot', 'lots', 'plenty', 'tons', 'loads', 'bunch', 'more', 'less', 'enough', 'some', 'much', 'little', 'out', 'most', 'half', 'all',
  'any', 'none', 'use', 'usage', 'amount', 'share', 'percent', 'part', 'full', 'short', 'because', 'low', 'high', 'same', 'kind',
  'type', 'waste', 'terms', 'lack', 'free', 'used', 'total', 'available', 'limit', 'limits', 'the', 'of', 'its', 'their', 'shared',
  'system', 'host', 'container', 'swap', 'physical', 'virtual',
]);

/** Words between a memory cue and its size: "memory limit of 1g", "memory to 512m". */
const MEMORY_FILLERS = new Set(['limit', 'limits', 'of', 'to', 'is', '=', ':', 'at']);

/** Splits on whitespace but keeps a quoted text ("…", '…', `…`, “…”) whole, and `FOO="a b"` whole. */
function chunksOf(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  const pattern = /(?<!\S)([A-Za-z_]\w*=)(?:"([^"]*)"|'([^']*)'|`([^`]*)`)(?!\S)|"([^"]*)"|“([^”]*)”|`([^`]*)`|(?<![\w])'([^']*)'(?![\w])|(\S+)/gs;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[1] !== undefined) {
      chunks.push({ text: m[1] + (m[2] ?? m[3] ?? m[4]), quoted: false, assignment: true });
      continue;
    }
    const quotedText = m[5] ?? m[6] ?? m[7] ?? m[8];
    if (quotedText !== undefined) chunks.push({ text: quotedText, quoted: true });
    else chunks.push({ text: m[9]!, quoted: false });
  }
  return chunks;
}

/** Environment variables a request sets (`FOO=bar`, `FOO="a b"`), each value whole. */
export function assignmentsIn(text: string): [name: string, value: string][] {
  return chunksOf(text).flatMap((chunk) => {
    const assigned = ENV_ASSIGNMENT.exec(chunk.assignment ? chunk.text : bare(chunk.text).replace(/;+$/, ''));
    return !chunk.quoted && assigned ? [[assigned[1]!, assigned[2]!] as [string, string]] : [];
  });
}
const ENV_ASSIGNMENT = /^([A-Z_][A-Z0-9_]*)=(.*)$/s;
/** Variables whose value is a secret, as the redaction treats them. */
const SECRET_VARIABLE = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_KEY/;
/** Options the details reader takes (`--memory 512m`, `--user=app`, `-v a:/b`); any other option is a stated value. */
const READ_OPTIONS = new Set([
  '--all', '--cpus', '--follow', '--memory', '--namespace', '--replicas', '--restart', '--tail', '--user', '--read-only', '--volume', '--env',
  '-a', '-f', '-m', '-n', '-v', '-e', '-d', '--detach',
]);

/** Sentence punctuation after a bare word is not part of the value ("named web," / "port 80."); a `)` closing a `(` of its own is. */
function bare(text: string): string {
  let word = text.replace(/[,.!?:]+$/, '');
  while (word.endsWith(')') && count(word, '(') < count(word, ')')) word = word.slice(0, -1).replace(/[,.!?:]+$/, '');
  return word.replace(/^\(+(?=[^)]*$)/, '');
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

export function statedValues(text: string): StatedValue[] {
  const chunks = chunksOf(text);
  const found: StatedValue[] = [];
  const add: Add = (kind, value, words, quotedOnly?: boolean) => {
    if (!found.some((f) => f.kind === kind && f.value === value)) found.push({ kind, value, words, ...(quotedOnly ? { quotedOnly } : {}) });
  };
  // Chunks taken as some cue's value are that value, not words of their own.
  const taken = new Set<number>();
  chunks.forEach((chunk, i) => {
    if (taken.has(i)) return;
    if (chunk.quoted) {
      // A quoted option (`"--privileged"`, `'-v /:/host'`) is as much a value as a bare one.
      if ((!/\s/.test(chunk.text) && oddWord(chunk.text)) || /^-{1,2}[a-z]/i.test(chunk.text)) add('word', chunk.text, chunk.text);
      else if (/[`$;|&<>\\]/.test(chunk.text)) add('word', chunk.text, chunk.text, true);
      // A quoted command line or plain word is a value too (`stop \`api\``), unless the request reports what it saw.
      else if (commandLineIn(chunk.text)) add('command', chunk.text, chunk.text, true);
      else if (/^[\w.-]+$/.test(chunk.text)) add('word', chunk.text, chunk.text, true);
      return;
    }
    const env = ENV_ASSIGNMENT.exec(chunk.assignment ? chunk.text : bare(chunk.text).replace(/;+$/, ''));
    if (env) {
      if (env[2]) add(SECRET_VARIABLE.test(env[1]!) ? 'secret' : 'env', env[2], chunk.text);
      return;
    }
    const option = /^--?[a-z][a-z0-9-]*/i.exec(bare(chunk.text))?.[0];
    if (option && !READ_OPTIONS.has(option.toLowerCase()) && !CUES.some((c) => c.words.includes(option.toLowerCase()))) {
      // `--privileged`, `-rf`: an option no recipe reads is used or refused like any value.
      add('flag', bare(chunk.text), chunk.text);
      return;
    }
    const word = bare(chunk.text).toLowerCase();
    // --flag=value, password=value, password:value
    const assigned = /^(-{0,2}[a-z_-]+)[=:](.+)$/i.exec(bare(chunk.text));
    if (assigned) {
      const cue = CUES.find((c) => c.words.includes(assigned[1]!.toLowerCase()));
      if (cue && (assigned[1]!.startsWith('-') || cue.kind === 'secret')) add(cue.kind, assigned[2]!, chunk.text);
      else if (!cue && !READ_OPTIONS.has(assigned[1]!.toLowerCase()) && oddWord(bare(chunk.text))) add(assigned[1]!.startsWith('-') ? 'flag' : 'word', bare(chunk.text), chunk.text);
      return;
    }
    if (MEMORY_CUES.has(word) && memoryValue(chunks, i, add, taken)) return;
    const cue = CUES.find((c) => c.words.includes(word));
    if (!cue) {
      if (/^networks?$/.test(word)) networkValue(chunks, i, add, taken);
      else if (oddWord(bare(chunk.text))) add('word', bare(chunk.text).replace(/;+$/, ''), chunk.text);
      // A path the text gives ("/var/log", "./app", "~/backups") is a value like any other: a plan
      // that acts on something else ("…; rm -rf /tmp/x" read as removing the last container) drops it.
      else if (PATH_WORD.test(bare(chunk.text))) add('path', bare(chunk.text), chunk.text);
      return;
    }
    let at = i + 1;
    // "the password is X", "password: X"
    if (cue.kind === 'secret' && ['is', ':', '='].includes(chunks[at]?.text.toLowerCase() ?? '')) at++;
    // "on port number 8080"
    if (cue.kind === 'port' && chunks[at]?.text.toLowerCase() === 'number') at++;
    const next = chunks[at];
    if (!next) return;
    // All punctuation ("password !!") is the value itself, not punctuation after one.
    const value = next.quoted ? next.text : bare(next.text) || next.text;
    if (!value || (!next.quoted && NOT_VALUES.has(value.toLowerCase()))) return;
    // "the port for the api", "port usage": English. A word with more than letters, or a last word, is a port.
    const ends = !chunks[at + 1] || ['and', '&', 'then'].includes(chunks[at + 1]!.text.toLowerCase()) || /[,.!?;]$/.test(next.text);
    if (cue.kind === 'port' && !next.quoted && /^[A-Za-z]+$/.test(next.text) && (!ends || PORT_PROSE.has(value.toLowerCase()))) return;
    if (cue.kind === 'secret' && AMBIGUOUS_SECRET_CUES.has(word) && !next.quoted && !looksLikeSecret(value)) return;
    // "a secret named db-creds" names the secret; it is not its value
    add(cue.kind, value, `${chunk.text} ${next.text}`);
    taken.add(at);
    // `named "web" "api"`: quoted values that follow are stated too, so none is lost to the first.
    for (let more = at + 1; next.quoted && chunks[more]?.quoted; more++) {
      add(cue.kind, chunks[more]!.text, `${chunk.text} ${next.text} ${chunks[more]!.text}`);
      taken.add(more);
    }
  });
  return found;
}

const PLACE_PREPOSITIONS = new Set(['in', 'from', 'into', 'inside', 'under']);
/** Words after "in"/"from" that name no directory: environments, clouds, tools, places in prose. */
const NOT_PLACES = new Set([
  'prod', 'production', 'staging', 'stage', 'dev', 'development', 'test', 'testing', 'qa', 'uat', 'local', 'aws', 'azure', 'gcp',
  'terraform', 'docker', 'compose', 'kubernetes', 'k8s', 'ci', 'here', 'there', 'place', 'parallel', 'order', 'detail', 'json',
  'workspace', 'folder', 'directory', 'dir', 'repo', 'repository', 'project', 'my', 'our', 'your', 'current', 'source', 'scratch',
  'dockerfile', 'cwd', 'background', 'case', 'front', 'memory',
]);

/**
 * The directory a build or a Terraform command works in, as the request says it: "terraform plan
 * in infra", "build an image from api". Only read for those; elsewhere "in" is a place in prose.
 */
export function placeIn(text: string): StatedValue | undefined {
  const chunks = chunksOf(text);
  for (let i = 0; i + 1 < chunks.length; i++) {
    if (chunks[i]!.quoted || !PLACE_PREPOSITIONS.has(bare(chunks[i]!.text).toLowerCase())) continue;
    const next = chunks[i + 1]!;
    const value = next.quoted ? next.text : bare(next.text);
    const lower = value.toLowerCase();
    if (!value || NOT_VALUES.has(lower) || NOT_PLACES.has(lower) || /^[a-z]{2}-[a-z]+-\d$/.test(lower)) continue;
    return { kind: 'path', value, words: `${chunks[i]!.text} ${next.text}` };
  }
  return undefined;
}

/** An absolute, relative or home path: `/var/log`, `./app`, `../data`, `~/backups`. */
const PATH_WORD = /^(?:~|\.{1,2})?\/\S*$/;

const ATTACH_WORDS = new Set(['on', 'to', 'into', 'join', 'attach']);
const ARTICLES = new Set(['the', 'a', 'an']);

/** "on network backend", "on the network backend", "on the backend network", "to backend network". */
function networkValue(chunks: Chunk[], i: number, add: Add, taken: Set<number>): void {
  const lower = (at: number) => (at >= 0 && chunks[at] && !chunks[at]!.quoted ? bare(chunks[at]!.text).toLowerCase() : '');
  const valueAt = (at: number) => (chunks[at]!.quoted ? chunks[at]!.text : bare(chunks[at]!.text));
  const usable = (value: string) => value && !NOT_VALUES.has(value.toLowerCase()) && !['same', 'default', 'new', 'existing', 'host'].includes(value.toLowerCase());
  const attached = (at: number) => ATTACH_WORDS.has(lower(at)) || (ARTICLES.has(lower(at)) && ATTACH_WORDS.has(lower(at - 1)));
  if (attached(i - 1) && chunks[i + 1] && usable(valueAt(i + 1))) {
    add('network', valueAt(i + 1), `${chunks[i]!.text} ${chunks[i + 1]!.text}`);
    taken.add(i + 1);
  } else if (i >= 1 && !ARTICLES.has(lower(i - 1)) && attached(i - 2) && usable(valueAt(i - 1))) {
    add('network', valueAt(i - 1), `${chunks[i - 1]!.text} ${chunks[i]!.text}`);
  }
}

/**
 * The size a memory cue states, before it ("512m of memory", "512 MB ram") or after it ("memory
 * limit of 1g", "-m 1g"). Stated as bytes when it reads as a size, else as written, to be
 * refused; English around the cue ("lots of memory", "out of memory") states nothing.
 */
function memoryValue(chunks: Chunk[], i: number, add: Add, taken: Set<number>): boolean {
  const text = (at: number) => (chunks[at] ? (chunks[at]!.quoted ? chunks[at]!.text : bare(chunks[at]!.text)) : '');
  // A value is quoted or holds more than letters (`512m`, `web?`); a plain word only right after
  // "with"/"and" and not prose: "with lots of memory" states nothing, "with cache of memory" does.
  const valueLike = (at: number) => {
    const chunk = chunks[at];
    if (!chunk || /%$/.test(text(at))) return false;
    if (chunk.quoted || /[^A-Za-z]/.test(chunk.text) || chunk.text.length > 20) return true;
    const word = text(at).toLowerCase();
    return ['with', 'and', '&'].includes(text(at - 1).toLowerCase()) && !MEMORY_PROSE.has(word) && !NOT_VALUES.has(word) && !isMemoryUnit(word);
  };
  const state = (from: number, to: number) => {
    const written = chunks.slice(from, to + 1).map((c) => c.text).join(' ');
    const parts = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text(from) + (to > from ? ` ${text(to)}` : ''));
    const bytes = parts ? parseMemory(parts[1]!, parts[2] || 'b') : undefined;
    add('memory', bytes ? String(bytes) : text(from) + (to > from ? ` ${text(to)}` : ''), [chunks[i]!.text, written].join(' '));
    for (let at = from; at <= to; at++) taken.add(at);
    return true;
  };
  // Before a memory word (not an option): "X of memory", "512m memory", "N MB of memory".
  const word = text(i).toLowerCase();
  const of = text(i - 1).toLowerCase() === 'of';
  const before = of ? i - 2 : i - 1;
  if (!word.startsWith('-') && before >= 0 && !taken.has(before)) {
    if (isMemoryUnit(text(before)) && /^\d+(?:\.\d+)?$/.test(text(before - 1))) return state(before - 1, before);
    const sized = of ? valueLike(before) : /\d/.test(text(before));
    if (sized && !CUES.some((c) => c.words.includes(text(before).toLowerCase()))) return state(before, before);
  }
  // After: "memory 1g", "memory limit of 512 MB", "--memory=1g" is an option with its value.
  let after = i + 1;
  while (MEMORY_FILLERS.has(text(after).toLowerCase())) after++;
  // After the cue only a size is a value: "memory optimized", "memory request/limit" are prose.
  if (!chunks[after] || !/\d/.test(text(after))) return false;
  if (/^\d+(?:\.\d+)?$/.test(text(after)) && isMemoryUnit(text(after + 1))) return state(after, after + 1);
  return state(after, after);
}

type Add = (kind: StatedKind, value: string, words: string, quotedOnly?: boolean) => void;

/** A word that reads as a secret value rather than English: digits or symbols mixed in, or long. */
function looksLikeSecret(value: string): boolean {
  return value.length >= 8 && (/\d/.test(value) || /[^A-Za-z]/.test(value) || value.length >= 16);
}

// One-word commands, and commands known with an option ("free -h"): a request that is such a command line is the command.
export const SHELL_BINARIES = new Set(
  INTENT_CUES.filter((c) => c.kind === 'command' && (!c.phrase.includes(' ') || /^\S+ -/.test(c.phrase))).map((c) => c.phrase.split(' ')[0]!),
);

/**
 * A part of a longer request, or a quoted text, written as a command line (`… && rm -rf build/`):
 * a command and an option or a path. It is never run from there, nor read as words.
 */
export function commandLineIn(text: string): string | undefined {
  const [first, second] = text.trim().split(/\s+/);
  return first && second && SHELL_BINARIES.has(first) && (/^(-|\/|~|\.)/.test(second) || second.includes('/')) ? text.trim() : undefined;
}
