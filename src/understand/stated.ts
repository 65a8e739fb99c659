/**
 * Values a request states in so many words: "named X", "on port X", "on the network X",
 * "with password X". They are read from the raw text, whole and with their quotes removed, so a
 * value is never cut down to the part that happens to look safe: `named "web;rm -rf /"` states
 * the name `web;rm -rf /`, which the strict shapes then refuse. The planner must use every stated
 * value or say that it did not.
 */

export type StatedKind = 'name' | 'port' | 'network' | 'secret' | 'tag' | 'path';

export interface StatedValue {
  kind: StatedKind;
  value: string;
  /** The words it came from, as written: `named web`. */
  words: string;
}

/** A piece of the request: a quoted text whole, else a run of non-space characters. */
interface Chunk {
  text: string;
  quoted: boolean;
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
const AMBIGUOUS_SECRET_CUES = new Set(['token', 'secret']);

/** Words after a cue that show no value follows ("a secret named db", "the port for the api"). */
const NOT_VALUES = new Set([
  'a', 'an', 'the', 'is', 'are', 'to', 'for', 'of', 'on', 'in', 'at', 'from', 'with', 'and', 'or', 'it', 'its', 'that',
  'this', 'named', 'called', 'as', 'by', 'into', 'which', 'will', 'should', 'be', 'was', 'number', 'mapping', 'forwarding',
  'store', 'manager', 'vault', 'rotation', 'used', 'set', 'from', 'value', 'values', 'file', 'files', 'list', 'then',
  'reference', 'name', 'key', 'keys', 'so', 'if', 'when', 'but', 'not', 'only', 'there', 'here', 'exposed', 'open',
]);

/** Splits on whitespace but keeps a quoted text ("…", '…', `…`, “…”) whole. */
export function chunksOf(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  const pattern = /"([^"]*)"|“([^”]*)”|`([^`]*)`|(?<![\w])'([^']*)'(?![\w])|(\S+)/gs;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const quotedText = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (quotedText !== undefined) chunks.push({ text: quotedText, quoted: true });
    else chunks.push({ text: m[5]!, quoted: false });
  }
  return chunks;
}

/** Sentence punctuation after a bare word is not part of the value ("named web," / "port 80."). */
function bare(text: string): string {
  return text.replace(/[,.!?:)]+$/, '').replace(/^\(+/, '');
}

export function statedValues(text: string): StatedValue[] {
  const chunks = chunksOf(text);
  const found: StatedValue[] = [];
  const add = (kind: StatedKind, value: string, words: string) => {
    if (!found.some((f) => f.kind === kind && f.value === value)) found.push({ kind, value, words });
  };
  chunks.forEach((chunk, i) => {
    if (chunk.quoted) return;
    const word = bare(chunk.text).toLowerCase();
    // --flag=value, password=value, password:value
    const assigned = /^(-{0,2}[a-z_-]+)[=:](.+)$/i.exec(bare(chunk.text));
    if (assigned) {
      const cue = CUES.find((c) => c.words.includes(assigned[1]!.toLowerCase()));
      if (cue && (assigned[1]!.startsWith('-') || cue.kind === 'secret')) add(cue.kind, assigned[2]!, chunk.text);
      return;
    }
    const cue = CUES.find((c) => c.words.includes(word));
    if (!cue) {
      if (/^networks?$/.test(word)) networkValue(chunks, i, add);
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
    const value = next.quoted ? next.text : bare(next.text);
    if (!value || (!next.quoted && NOT_VALUES.has(value.toLowerCase()))) return;
    if (cue.kind === 'port' && !next.quoted && !/\d/.test(value) && !/[^\w-]/.test(value)) return;
    if (cue.kind === 'secret' && AMBIGUOUS_SECRET_CUES.has(word) && !next.quoted && !looksLikeSecret(value)) return;
    // "a secret named db-creds" names the secret; it is not its value
    add(cue.kind, value, `${chunk.text} ${next.text}`);
    // `named "web" "api"`: quoted values that follow are stated too, so none is lost to the first.
    for (let more = at + 1; next.quoted && chunks[more]?.quoted; more++) add(cue.kind, chunks[more]!.text, `${chunk.text} ${next.text} ${chunks[more]!.text}`);
  });
  return found;
}

/** An absolute, relative or home path: `/var/log`, `./app`, `../data`, `~/backups`. */
const PATH_WORD = /^(?:~|\.{1,2})?\/\S*$/;

const ATTACH_WORDS = new Set(['on', 'to', 'into', 'join', 'attach']);
const ARTICLES = new Set(['the', 'a', 'an']);

/** "on network backend", "on the network backend", "on the backend network", "to backend network". */
function networkValue(chunks: Chunk[], i: number, add: (kind: StatedKind, value: string, words: string) => void): void {
  const lower = (at: number) => (at >= 0 && chunks[at] && !chunks[at]!.quoted ? bare(chunks[at]!.text).toLowerCase() : '');
  const valueAt = (at: number) => (chunks[at]!.quoted ? chunks[at]!.text : bare(chunks[at]!.text));
  const usable = (value: string) => value && !NOT_VALUES.has(value.toLowerCase()) && !['same', 'default', 'new', 'existing', 'host'].includes(value.toLowerCase());
  const attached = (at: number) => ATTACH_WORDS.has(lower(at)) || (ARTICLES.has(lower(at)) && ATTACH_WORDS.has(lower(at - 1)));
  if (attached(i - 1) && chunks[i + 1] && usable(valueAt(i + 1))) add('network', valueAt(i + 1), `${chunks[i]!.text} ${chunks[i + 1]!.text}`);
  else if (i >= 1 && !ARTICLES.has(lower(i - 1)) && attached(i - 2) && usable(valueAt(i - 1))) add('network', valueAt(i - 1), `${chunks[i - 1]!.text} ${chunks[i]!.text}`);
}

/** A word that reads as a secret value rather than English: digits or symbols mixed in, or long. */
function looksLikeSecret(value: string): boolean {
  return value.length >= 8 && (/\d/.test(value) || /[^A-Za-z]/.test(value) || value.length >= 16);
}
