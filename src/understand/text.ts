/**
 * Turning request text into tokens: words with their written form, a lower-case form, a folded
 * form (`lemma`, plural stripped, typo corrected) used for matching against the lexicon, and the
 * clause they belong to.
 */

export interface Token {
  /** As written, without surrounding quotes or punctuation: values are reported this way. */
  raw: string;
  lower: string;
  /** Matching form: singular, typo corrected. Lexicon phrases are folded the same way. */
  lemma: string;
  /** Punctuation (`,` `;` `:` `.` `!` `?`) or a dash stood right before this token. */
  breakBefore: boolean;
  /** A sentence ended right before this token. */
  sentenceBefore: boolean;
  /** The token was inside quotes or backticks. */
  quoted: boolean;
  /** A question mark follows the token: its sentence asks. */
  questionAfter?: boolean;
  /**
   * For a participle of a lexicon verb ("rolled", "cleaning"), the verb: it matches inside phrasal
   * verbs ("rolled back"), and alone where `baseAlone` says the grammar makes it the action.
   */
  base?: string;
  baseAlone?: boolean;
}

// Contractions become words so that "what's" reads as "what is" and "isn't" as "is not".
const CONTRACTIONS: [RegExp, string][] = [
  [/\b(can)['’]t\b/gi, '$1 not'],
  [/\bwon['’]t\b/gi, 'will not'],
  [/\b(\w+)n['’]t\b/gi, '$1 not'],
  [/\b(it|what|that|there|here|who|where|how|he|she)['’]s\b/gi, '$1 is'],
  [/\blet['’]s\b/gi, 'let us'],
  [/\b(\w+)['’](re)\b/gi, '$1 are'],
  [/\b(\w+)['’](ll)\b/gi, '$1 will'],
  [/\b(\w+)['’](ve)\b/gi, '$1 have'],
  [/\b(i)['’]m\b/gi, '$1 am'],
  [/\b(\w+)['’]d\b/gi, '$1 would'],
  // Possessives: "the container's data" is about the container.
  [/\b(\w+)['’]s\b/gi, '$1'],
];

const LEADING = /^["'`‘’“”([{<]+/;
const TRAILING = /["'`‘’“”)\]}>,;:!?]+$|(?<![.\d/])\.+$|(?<=\w)\.+$/;
const BREAK_CHARS = /[,;:!?.]/;
const SENTENCE_CHARS = /[.!?;]$/;
const DASHES = new Set(['-', '--', '—', '–', '|']);
const SYMBOL_WORDS = new Map([['&', 'and'], ['+', 'and'], ['&&', 'and']]);

// Typed without the apostrophe ("whats running", "dont touch prod"): the same words.
const BARE_CONTRACTIONS: [RegExp, string][] = [
  [/\bcant\b/gi, 'can not'],
  [/\bwont\b/gi, 'will not'],
  [/\b(do|does|did|is|are|was|were|has|have|had|should|would|could)nt\b/gi, '$1 not'],
  [/\b(what|that|there)s\b/gi, '$1 is'],
];

/**
 * A label before the request says where it was written, not what it asks: a runbook's "Step 3:" or
 * "15)", a list bullet, a commit's "chore(infra):".
 */
const LABEL_PREFIX = /^\s*(?:[A-Z][A-Z0-9]{1,9}-\d+\b[:.]?\s|@[\w.-]+[,:]?\s|\/([a-z][\w-]*)\s|(?:step|task|item)\s*#?\d+[a-z]?\s*[:.)-]|\d+[.)]\s|[-*•]\s|\[[ x]\]\s|(?:feat|fix|chore|refactor|perf|ci|docs|build|test|style|ops|infra|deps|release|nit)(?:\(([^)]*)\))?!?:\s)\s*/i;
/** A commit's scope that names a tool ("chore(cfn): delete the legacy stack") still says which tool. */
const TOOL_SCOPES = new Set(['k8s', 'kubernetes', 'helm', 'terraform', 'tf', 'cfn', 'cloudformation', 'arm', 'bicep', 'docker', 'compose', 'git', 'github', 'gh', 'ci', 'gitlab']);

function withoutLabel(text: string): string {
  const label = LABEL_PREFIX.exec(text);
  if (!label) return text;
  // a commit's "(scope)" or a chat command's "/tool"
  const scope = (label[1] ?? label[2])?.toLowerCase();
  const rest = text.slice(label[0].length);
  if (!scope || !TOOL_SCOPES.has(scope)) return rest;
  // The scope belongs to the first line, the one the label stands on.
  const end = rest.indexOf('\n');
  return end < 0 ? `${rest} — ${scope}` : `${rest.slice(0, end)} — ${scope}${rest.slice(end)}`;
}

export function tokenize(text: string, fold: (lower: string) => string): Token[] {
  let prepared = withoutLabel(text);
  if (/['’]/.test(text)) for (const [pattern, replacement] of CONTRACTIONS) prepared = prepared.replace(pattern, replacement);
  for (const [pattern, replacement] of BARE_CONTRACTIONS) prepared = prepared.replace(pattern, replacement);
  const tokens: Token[] = [];
  let pendingBreak = false;
  let pendingSentence = false;
  let inQuote = false;
  let fenced = false;
  for (const chunk of prepared.replace(/\s*\n\s*/g, ' \n ').split(/[^\S\n]+/)) {
    // A line break ends a sentence: a ticket's title, its description and its criteria are apart.
    if (chunk === '\n') {
      pendingSentence = pendingBreak = tokens.length > 0;
      continue;
    }
    if (!chunk) continue;
    // A fenced block (```) is pasted output: every word in it is quoted.
    if (/^```\w*$/.test(chunk)) {
      fenced = !fenced;
      continue;
    }
    if (DASHES.has(chunk)) {
      pendingBreak = true;
      continue;
    }
    const opensQuote = /^["'`‘“]/.test(chunk);
    const closesQuote = /["'`’”][,;:.!?)]*$/.test(chunk);
    let word = chunk.replace(LEADING, '');
    const trailing = word.match(/[,;:!?.)\]"'`’”]+$/)?.[0] ?? '';
    word = stripTrailing(word);
    const quoted = fenced || inQuote || opensQuote;
    if (opensQuote && !closesQuote) inQuote = true;
    else if (inQuote && closesQuote) inQuote = false;
    if (!word) {
      if (BREAK_CHARS.test(chunk)) pendingBreak = true;
      continue;
    }
    const mapped = SYMBOL_WORDS.get(word) ?? word;
    const lower = mapped.toLowerCase();
    tokens.push({ raw: mapped, lower, lemma: fold(lower), breakBefore: pendingBreak, sentenceBefore: pendingSentence, quoted, ...(trailing.includes('?') && { questionAfter: true }) });
    pendingBreak = BREAK_CHARS.test(trailing);
    pendingSentence = SENTENCE_CHARS.test(trailing.replace(/["'`’”)\]]+$/, ''));
  }
  return tokens;
}

function stripTrailing(word: string): string {
  let current = word;
  for (;;) {
    const next = current.replace(TRAILING, '');
    if (next === current) return current;
    current = next;
  }
}

// Words that end in "s" without being plurals, so "redis" does not fold to "redi".
const NOT_PLURAL = new Set([
  'kubernetes', 'jenkins', 'postgres', 'redis', 'aws', 'gcs', 'rds', 'ecs', 'eks', 'aks', 'gke', 'status', 'always',
  'previous', 'this', 'its', 'is', 'was', 'has', 'does', 'yes', 'us', 'plus', 'across', 'process', 'access', 'ingress',
  'egress', 'dns', 'tls', 'https', 'nats', 'minus', 'bus', 'alias', 'canvas', 'series', 'species', 'less', 'unless',
  'whereas', 'analysis', 'gatekeeper', 'ms', 'ks', 'os', 'vms', 'ps', 'ls', 'apis', 'ips', 'cpus', 'gpus', 'k8s', 'ns',
  'news', 'elasticsearch', 'efs', 'sns', 'sqs', 'kms', 'iis',
  'windows', 'axios',
]);

/** Folds a lower-case word to the form the lexicon is matched on: "containers" → "container". */
export function singular(lower: string): string {
  if (lower.length <= 3 || NOT_PLURAL.has(lower) || !/^[a-z-]+$/.test(lower)) return lower;
  if (lower.endsWith('ies') && lower.length > 4) return `${lower.slice(0, -3)}y`;
  if (/(sses|xes|ches|shes)$/.test(lower)) return lower.slice(0, -2);
  if (/(ss|us|is|ous)$/.test(lower)) return lower;
  if (lower.endsWith('s')) return lower.slice(0, -1);
  return lower;
}
