import { SECRET_KEY_QUALIFIERS, SECRET_KEY_WORDS, SECRET_RULES } from './rules.js';
import { GENERATED } from '../../core/generated-secrets.js';

/** Finds secrets in text and structured values and replaces them with `[REDACTED:<rule-id>]`. */
export interface SecretScanner {
  redactText(text: string): string;
  /** A JSON-shaped copy with every string redacted and the values of secret-named keys replaced. */
  redactValue<T>(value: T): T;
  /** Where the secrets are, in order, without overlaps. */
  findSecrets(text: string): SecretMatch[];
  /** Marks values found at run time (a password the request states) as secrets from now on. */
  addSecrets(values: readonly string[]): void;
}

export interface SecretMatch {
  rule: string;
  start: number;
  end: number;
}

export interface SecretScannerOptions {
  /** Literal values the configuration marks secret; redacted wherever they appear. */
  extraSecrets?: readonly string[];
}

/** Rule id for a configured literal. */
const CONFIGURED = 'configured-secret';
/** Rule id for a value redacted because of the key it sits under. */
const SECRET_FIELD = 'secret-field';
/** Literals shorter than this would redact ordinary words and numbers. */
const MIN_LITERAL_LENGTH = 4;

export function createSecretScanner(options: SecretScannerOptions = {}): SecretScanner {
  let literals: string[] = [];
  const addSecrets = (values: readonly string[]) => {
    literals = [...new Set([...literals, ...values])]
      .filter((s) => s.length >= MIN_LITERAL_LENGTH)
      // Longest first, so a secret that contains another is redacted whole.
      .sort((a, b) => b.length - a.length);
  };
  addSecrets(options.extraSecrets ?? []);
  const rules = SECRET_RULES.map((rule) => ({ rule, regex: new RegExp(rule.pattern.source, `${rule.pattern.flags}gd`) }));

  const findSecrets = (text: string): SecretMatch[] => {
    const found: SecretMatch[] = [];
    for (const literal of literals) {
      for (let at = text.indexOf(literal); at !== -1; at = text.indexOf(literal, at + literal.length)) {
        claim(found, { rule: CONFIGURED, start: at, end: at + literal.length });
      }
    }
    for (const { rule, regex } of rules) {
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m; m = regex.exec(text)) {
        if (m[0].length === 0) regex.lastIndex++;
        const span = secretSpan(m);
        if (span[1] <= span[0]) continue;
        const secret = text.slice(span[0], span[1]);
        if (isReference(secret) || (rule.accept && !rule.accept(secret))) continue;
        claim(found, { rule: rule.id, start: span[0], end: span[1] });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  };

  const redactText = (text: string): string => {
    const found = findSecrets(text);
    if (found.length === 0) return text;
    let result = '';
    let at = 0;
    for (const match of found) {
      result += `${text.slice(at, match.start)}[REDACTED:${match.rule}]`;
      at = match.end;
    }
    return result + text.slice(at);
  };

  const redactValue = <T>(value: T): T => redactDeep(value, undefined, redactText, new WeakSet()) as T;

  return { redactText, redactValue, findSecrets, addSecrets };
}

/** Keeps a match unless an earlier (higher-priority) one already covers part of it. */
function claim(found: SecretMatch[], match: SecretMatch): void {
  if (found.some((f) => f.start < match.end && match.start < f.end)) return;
  found.push(match);
}

/** The range of the first named group that took part, else of the whole match. */
function secretSpan(match: RegExpExecArray): [number, number] {
  const groups = match.indices?.groups;
  if (groups) {
    for (const span of Object.values(groups)) if (span) return span;
  }
  return [match.index, match.index + match[0].length];
}

function redactDeep(value: unknown, key: string | undefined, redactText: (text: string) => string, seen: WeakSet<object>): unknown {
  if (key !== undefined && isSecretKey(key) && isScalarSecret(value)) return `[REDACTED:${SECRET_FIELD}]`;
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  // Same shape JSON.stringify would store: Dates and other toJSON values first.
  const json = typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): unknown }).toJSON() : value;
  if (json !== value) return redactDeep(json, key, redactText, seen);
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactDeep(item, undefined, redactText, seen));
    const entries = Object.entries(value);
    // `{ name: 'DB_PASSWORD', value: '…' }`: the environment entries of Kubernetes and ECS.
    const namedSecret = typeof (value as { name?: unknown }).name === 'string' && isSecretKey((value as { name: string }).name);
    return Object.fromEntries(
      entries.map(([k, v]) => [
        k,
        namedSecret && k === 'value' && isScalarSecret(v) ? `[REDACTED:${SECRET_FIELD}]` : redactDeep(v, k, redactText, seen),
      ]),
    );
  } finally {
    seen.delete(value);
  }
}

/**
 * Text that names a secret without holding it: the plan's placeholder for one made at run time,
 * or a variable reference (`${POSTGRES_PASSWORD}`, `$$DB_PASSWORD`) that a file resolves elsewhere.
 */
function isReference(value: string): boolean {
  return value === GENERATED || /^\$+(?:\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)$/.test(value);
}

function isScalarSecret(value: unknown): boolean {
  return (typeof value === 'string' && value.length > 0 && !isReference(value)) || typeof value === 'number' || typeof value === 'bigint';
}

/** Object keys repeat across every event and step; judging each once keeps redaction cheap. */
const secretKeyVerdicts = new Map<string, boolean>();
const MAX_REMEMBERED_KEYS = 4096;

/** `POSTGRES_PASSWORD`, `apiKey`, `client-secret`, `X-Api-Key` → true; `secretName`, `sort_key`, `tokens` → false. */
export function isSecretKey(key: string): boolean {
  let verdict = secretKeyVerdicts.get(key);
  if (verdict === undefined) {
    if (secretKeyVerdicts.size >= MAX_REMEMBERED_KEYS) secretKeyVerdicts.clear();
    verdict = judgeKey(key);
    secretKeyVerdicts.set(key, verdict);
  }
  return verdict;
}

function judgeKey(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
  const last = words.at(-1);
  if (!last) return false;
  if (SECRET_KEY_WORDS.has(last)) return true;
  if (last !== 'key' || words.length < 2) return false;
  const envStyle = /^[A-Z0-9_]+$/.test(key);
  return envStyle || SECRET_KEY_QUALIFIERS.has(words.at(-2)!);
}
