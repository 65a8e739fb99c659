import type { Details, Domain, Entities, Intent, Interpretation } from '../core/interpretation.js';
import type { Analysis } from './analyze.js';
import { analyze } from './analyze.js';
import { extractEntities, list } from './entities.js';
import { buildAsked, extractDetails } from './details.js';
import { decideIntent } from './intent.js';
import { readIntent } from './classifier/read-intent.js';
import type { DomainDecision } from './domain-decision.js';
import { decideDomains, domainEvidence } from './domain-decision.js';
import type { ConversationMemory, SessionDefaults, Subject } from './memory.js';
import { createMemory, updateMemory } from './memory.js';
import { commandLineIn, placeIn, statedValues, type StatedValue } from './stated.js';
import { SETS } from './tables.js';
import { NOUN_REQUEST_INTENT } from './lexicon/intents.js';
import { DEFAULT_APPLIES_TO, DEFAULT_STATEMENT_PATTERNS } from './lexicon/defaults.js';
import { REFERRING_WORDS, HISTORY_REFERENCES } from './lexicon/words.js';
import { STRENGTH_VALUE } from './lexicon/domains.js';
import { CLARIFYING_QUESTIONS, HISTORY_QUESTION, QUALITY_QUESTION, QUALITY_WORDS, VERB_QUESTIONS } from './lexicon/questions.js';
import { confidenceFeatures, confidenceOf, type ConfidenceFeatures } from './confidence.js';

interface Options {
  /** A later task of one request: with no target of its own it acts on the previous task's subject. */
  implicitSubject?: boolean;
  /** The user's answer to a question named this thing ("cache"), even if it is a common word. */
  answerName?: string;
  /** A part of a longer request: shell text counts only when the whole request is a command. */
  part?: boolean;
}

/** Why the interpretation came out as it did: the cues and rules that decided. */
export interface Explanation {
  interpretation: Interpretation;
  reasons: string[];
  /** What the confidence was computed from, when the request was read as something to do. */
  features?: ConfidenceFeatures;
}

const REFERRING = new Set(REFERRING_WORDS);
/** Stated values that make a request's target its own. */
const OWN_TARGETS = new Set<StatedValue['kind']>(['path', 'word', 'command', 'flag', 'name', 'network']);
const APP_LEVEL: Intent[] = ['deploy', 'scale', 'rollback', 'update', 'monitor', 'debug', 'destroy', 'backup', 'restore'];
const LOCAL_ONLY_DOMAINS: Domain[] = ['docker', 'compose', 'shell', 'git', 'github', 'ci'];

export function explain(text: string, memory?: ConversationMemory, options: Options = {}): Explanation {
  const reasons: string[] = [];
  if (!/[a-z0-9]/i.test(text)) return { interpretation: clarification(text, {}, CLARIFYING_QUESTIONS.unknown, 0.95), reasons: ['no words to understand'] };
  const a = analyze(text);
  const extracted = extractEntities(a);
  const entities = extracted.entities;
  if (options.answerName && !entities.name && !entities.services && !entities.image) entities.name = options.answerName;

  const details = extractDetails(a, { wholeRequest: !options.part });
  let stated = statedValues(text);
  const commandLine = options.part ? commandLineIn(text) : undefined;
  if (commandLine) stated.push({ kind: 'command', value: commandLine, words: commandLine });
  placeStated(stated, entities, details);
  const evidence = domainEvidence(a, extracted, Boolean(details.command));
  // Where the request happens ("the repo", "the stack") is enough to read "rename" or "move" as a change.
  const decision = decideIntent(a, new Set(evidence.filter((e) => e.strength >= STRENGTH_VALUE.context).map((e) => e.domain)), readIntent(text));
  reasons.push(...decision.reasons);
  let intent = decision.intent ?? (entities.services?.length ? NOUN_REQUEST_INTENT : undefined);
  // "why does `npm ci` fail": a symptom report quotes what it saw, not values to act on.
  // A command given whole holds its quotes itself.
  if (intent === 'debug' || intent === 'monitor' || details.command !== undefined) stated = stated.filter((s) => !s.quotedOnly);
  if (!decision.intent && intent) reasons.push('no verb: a request naming services asks to create them');

  const defaultsSaid = statedDefaults(a, entities);
  if (defaultsSaid) {
    const noted = describeDefaults(defaultsSaid);
    return { interpretation: clarification(text, entities, `Noted ${noted} for this session. What should I do?`, 0.9), reasons: [`a statement of session defaults: ${noted}`] };
  }

  const applied: string[] = [];
  const subject = memory?.subjects[0];
  const refersBack = a.tokens.some((t, i) => REFERRING.has(t.lemma) && !a.subordinate[i + 1] || t.lemma === 'same' && a.tokens[i + 1]?.lemma === 'one');
  // A path is a target of its own ("how much space is left on /"): the last subject does not replace it.
  // So is a value that cannot be read ("run web\"-1"): it is refused, never replaced by the last subject.
  const hasTarget = Boolean(entities.name || entities.services?.length || entities.image || details.path || stated.some((s) => OWN_TARGETS.has(s.kind)));
  let fromMemory: Subject | undefined;
  // With no target and no tool named ("what would change if I apply"), the request goes on with
  // the conversation's last subject, as "it" would.
  const continues = !hasTarget && domainEvidenceIsEmpty(evidence);
  if (subject && !hasTarget && (refersBack || options.implicitSubject || continues)) {
    fromMemory = subject;
    if (subject.name) entities.name = one(subject.name);
    else if (subject.services) entities.services = subject.services;
    else if (subject.image) entities.image = one(subject.image);
    applied.push(`${subject.name ? `name ${subject.name.join(', ')}` : subject.services ? `services ${subject.services.join(', ')}` : `image ${subject.image?.join(', ')}`} (previous request)`);
  }
  // "run redis named cache on it" right after creating a network: "it" is that network.
  if (subject?.object === 'network' && subject.name && /\b(?:on|to|into)\s+(?:it|that network|that)\b/i.test(text) && hasTarget) {
    details.network = subject.name[0];
    applied.push(`network ${subject.name[0]} (previous request)`);
  }

  const defaults = memory?.defaults ?? {};
  if (defaults.environment && !entities.environments && intent && APP_LEVEL.includes(intent)
    && !evidence.some((e) => e.strength >= 2 && LOCAL_ONLY_DOMAINS.includes(e.domain)) && (hasTarget || fromMemory)) {
    entities.environments = [defaults.environment];
    applied.push(`environment ${defaults.environment} (session default)`);
  }

  let domains: DomainDecision = decideDomains(a, evidence, entities, intent);
  // A subject taken from memory keeps its tools unless this request names others.
  if (fromMemory && (domains.basis === 'none' || domains.basis === 'default')) {
    domains = { domains: fromMemory.domains, basis: 'default', reasons: ['domains of the previous request'] };
  }
  // "restore postgres" right after setting up a stack with postgres: that stack's postgres. Only
  // for acting on something that exists: "run nginx" after a cron job for nginx logs is new.
  const named = entities.services ?? [];
  if (!fromMemory && intent !== 'create' && subject?.services && domains.basis === 'default' && named.length > 0 && named.every((n) => subject.services!.includes(n))
    && subject.domains.some((d) => d !== domains.domains[0])) {
    domains = { domains: subject.domains, basis: 'default', reasons: ['the services of the previous request, with its tools'] };
    applied.push(`${subject.domains.join(', ')} (previous request)`);
  }
  reasons.push(...domains.reasons);
  if (extracted.devFromLocalPlace && domains.domains.every((d) => d === 'git' || d === 'shell')) {
    entities.environments = entities.environments?.filter((e) => e !== 'dev');
    if (!entities.environments?.length) delete entities.environments;
  }

  if (!intent || domains.domains.length === 0) {
    const question = questionFor(a, intent, decision.reasons);
    // Vague with nothing recognisable is surely vague; vague while naming things may be a misreading.
    const named = Object.keys(entities).length > 0 || evidence.length > 0;
    return { interpretation: { ...clarification(text, entities, question, intent ? 0.75 : named ? 0.55 : 0.9, applied), stated }, reasons: [...reasons, 'nothing to act on: asking'] };
  }

  // "terraform plan in infra", "build an image from api": the directory to work in, used or refused.
  // Not for writing a configuration: "a Lambda layer from layer.zip" is part of what to write.
  if (details.path === undefined && !stated.some((s) => s.kind === 'path') && (buildAsked(a) || (domains.domains.includes('terraform') && intent !== 'create'))) {
    const place = placeIn(text);
    if (place) {
      details.path = place.value;
      stated.push(place);
    }
  }
  applyDefaults(entities, domains.domains, defaults, applied);
  // "attach the api container to the frontend-net network": a network to join, not a subject.
  if (details.network && details.object !== 'network' && entities.name) {
    const names = list(entities.name).filter((n) => n !== details.network);
    if (names.length) entities.name = one(names);
    else delete entities.name;
  }
  const features = confidenceFeatures(a, decision, domains.basis);
  const confidence = confidenceOf(features);
  return {
    interpretation: { text, intent, domains: domains.domains, entities, details, confidence, question: null, applied, stated },
    reasons,
    features,
  };
}

/**
 * What the text states in so many words wins over what the word tables guessed: "run postgres
 * named db" names `db`, even though "db" is also a word for a database; "with password X" is the
 * password to use.
 */
function placeStated(stated: StatedValue[], entities: Entities, details: Details): void {
  for (const s of stated) {
    if (s.kind === 'secret' && details.password === undefined) details.password = s.value;
    if (s.kind === 'network' && details.network === undefined) details.network = s.value;
    if (s.kind === 'name') {
      const taken = [...(entities.services ?? []), ...list(entities.namespace), ...list(entities.branch), ...list(entities.environments), ...list(entities.image)].map((v) => String(v).toLowerCase());
      const names = list(entities.name);
      if (!names.includes(s.value) && !taken.includes(s.value.toLowerCase())) entities.name = one([...names, s.value]);
    }
  }
}

function domainEvidenceIsEmpty(evidence: readonly { strength: number }[]): boolean {
  return evidence.every((e) => e.strength < STRENGTH_VALUE.context);
}

/** The whole-request interpretation (what `reign parse` prints). Never throws. */
export function understand(text: string, memory?: ConversationMemory): Interpretation {
  return understandWith(text, memory, {});
}

function understandWith(text: string, memory: ConversationMemory | undefined, options: Options): Interpretation {
  try {
    return explain(text, memory, options).interpretation;
  } catch {
    // The contract promises an answer for any text; a question is the safe one.
    return clarification(text, {}, CLARIFYING_QUESTIONS.unknown, 0.5);
  }
}

/**
 * One interpretation per task, in order: "create a network called backend, then run redis named
 * cache on it and show its logs" is three. Later tasks inherit the subject of earlier ones.
 */
export function understandAll(text: string, memory?: ConversationMemory): Interpretation[] {
  let segments: string[];
  try {
    segments = taskSegments(analyze(text));
  } catch {
    segments = [text];
  }
  if (segments.length <= 1) return [understand(text, memory)];
  // Shell text given as such is one task: its `;` and `&&` belong to the command, not the request.
  const whole = understand(text, memory);
  if (whole.details.command !== undefined) return [whole];
  let working = memory ?? createMemory();
  const results: Interpretation[] = [];
  segments.forEach((segment, index) => {
    const interpretation = understandWith(segment, working, { implicitSubject: index > 0, part: true });
    results.push(interpretation);
    working = remember(working, interpretation);
  });
  keepStated(statedValues(text), results);
  return results;
}

/**
 * Tasks are read from the request's words with their punctuation gone (`stop [a-z]` becomes
 * `stop a-z`): a value the whole text states that no task states is given to the task that holds
 * what is left of it, so it is still used or refused.
 */
function keepStated(whole: readonly StatedValue[], tasks: Interpretation[]): void {
  const stated = new Set(tasks.flatMap((t) => t.stated.map((s) => `${s.kind}:${s.value}`)));
  for (const value of whole) {
    if (stated.has(`${value.kind}:${value.value}`) || tasks.some((t) => t.stated.some((s) => s.kind === value.kind && s.value.includes(value.value)))) continue;
    const left = value.value.replace(/[^\w./-]/g, '');
    const task = tasks.find((t) => left && t.text.includes(left)) ?? tasks.at(-1)!;
    task.stated.push(value);
  }
}

/**
 * Continues a request the user was asked about: "scale it" + "cache to 3" reads as "scale cache
 * to 3". An answer that is a whole request of its own replaces the original.
 */
export function continueWith(original: Interpretation, answer: string, memory?: ConversationMemory): Interpretation {
  const alone = understand(answer, memory);
  const answerAnalysis = analyze(answer);
  const answerHasVerb = answerAnalysis.intents.some((m) => m.row.intent && (m.row.kind === 'verb' || m.row.kind === 'command') && answerAnalysis.clauseHead[m.start]);
  if (alone.intent !== 'clarify' && answerHasVerb) return alone;
  const words = original.text.split(/\s+/);
  const at = words.findIndex((w) => REFERRING.has(w.toLowerCase().replace(/[^a-z]/g, '')));
  const combined = at >= 0 ? [...words.slice(0, at), answer.trim(), ...words.slice(at + 1)].join(' ') : `${original.text.trim()} ${answer.trim()}`;
  const firstWord = answerAnalysis.tokens.find((t) => !SETS.determiners.has(t.lemma) && !SETS.prepositions.has(t.lemma) && !/^\d+$/.test(t.lower));
  return understandWith(combined, memory, { answerName: firstWord && /^[\w.-]+$/.test(firstWord.raw) ? firstWord.raw : undefined });
}

/** The defaults a statement like "we use AWS" or "our namespace is payments" sets, if it is one. */
export function defaultsStated(text: string): SessionDefaults | undefined {
  const a = analyze(text);
  return statedDefaults(a, extractEntities(a).entities);
}

/**
 * The memory after a request: its subject becomes the one "it" refers to, and defaults it stated
 * ("we use AWS") are kept. Returns a new memory.
 */
export function remember(memory: ConversationMemory, interpretation: Interpretation): ConversationMemory {
  return updateMemory(memory, interpretation, defaultsStated(interpretation.text));
}

function statedDefaults(a: Analysis, entities: Entities): SessionDefaults | undefined {
  if (!DEFAULT_STATEMENT_PATTERNS.some((p) => p.test(a.text.trim()))) return undefined;
  if (new Set(a.clause).size > 1 && a.intents.some((m) => m.row.kind === 'verb' && a.clauseHead[m.start] && a.clause[m.start]! > 0)) return undefined;
  const stated: SessionDefaults = {};
  const cloud = list(entities.cloud)[0];
  if (cloud) stated.cloud = cloud;
  const environment = entities.environments?.[0] ?? statedEnvironment(a);
  if (environment) stated.environment = environment;
  const namespace = list(entities.namespace)[0] ?? (/\bnamespace\s+(?:is|to|will be|should be)\s+['"]?([a-z0-9][-a-z0-9]*)/i.exec(a.text)?.[1]);
  if (namespace) stated.namespace = namespace;
  const ci = list(entities.ci)[0];
  if (ci) stated.ci = ci;
  return Object.keys(stated).length ? stated : undefined;
}

/** "default to test": an environment word the position rules would not take elsewhere. */
function statedEnvironment(a: Analysis): SessionDefaults['environment'] {
  for (const m of a.environments) if (m.row.environment) return m.row.environment;
  return undefined;
}

function describeDefaults(stated: SessionDefaults): string {
  return Object.entries(stated).map(([k, v]) => `${k} ${String(v)}`).join(', ');
}

function applyDefaults(entities: Entities, domains: Domain[], defaults: SessionDefaults, applied: string[]): void {
  const relevant = (key: keyof typeof DEFAULT_APPLIES_TO) => DEFAULT_APPLIES_TO[key].domains.some((d) => domains.includes(d));
  if (defaults.cloud && !entities.cloud && relevant('cloud')) {
    entities.cloud = defaults.cloud;
    applied.push(`cloud ${defaults.cloud} (session default)`);
  }
  if (defaults.environment && !entities.environments && relevant('environment')) {
    entities.environments = [defaults.environment];
    applied.push(`environment ${defaults.environment} (session default)`);
  }
  if (defaults.namespace && !entities.namespace && relevant('namespace')) {
    entities.namespace = defaults.namespace;
    applied.push(`namespace ${defaults.namespace} (session default)`);
  }
  if (defaults.ci && !entities.ci && relevant('ci')) {
    entities.ci = defaults.ci;
    applied.push(`ci ${defaults.ci} (session default)`);
  }
}

function questionFor(a: Analysis, intent: Intent | undefined, reasons: string[]): string {
  const lower = ` ${a.tokens.map((t) => t.lower).join(' ')} `;
  if (HISTORY_REFERENCES.some((p) => lower.includes(` ${p} `))) return HISTORY_QUESTION;
  if (a.tokens.some((t) => QUALITY_WORDS.includes(t.lemma))) return QUALITY_QUESTION;
  const cue = /from "([^"]+)"/.exec(reasons[0] ?? '')?.[1];
  if (cue && Object.hasOwn(VERB_QUESTIONS, cue)) return VERB_QUESTIONS[cue]!;
  return CLARIFYING_QUESTIONS[intent ?? 'unknown'];
}

function clarification(text: string, entities: Entities, question: string, confidence: number, applied: string[] = []): Interpretation {
  return { text, intent: 'clarify', domains: [], entities, details: {}, confidence, question, applied, stated: [] };
}

/** Tasks start at a sentence, at "then", or at a clause that opens with a request verb. */
function taskSegments(a: Analysis): string[] {
  const starts = new Set<number>([0]);
  for (const m of a.intents) {
    if (!m.row.intent || (m.row.kind !== 'verb' && m.row.kind !== 'command')) continue;
    if (!a.clauseHead[m.start] || a.subordinate[m.start]) continue;
    // "run nginx and mount ./site at /html": a setting of the task before it, not a task.
    if (a.tokens[m.start]?.lemma === 'mount' && a.tokens[m.start - 1]?.lower === 'and') continue;
    const clause = a.clause[m.start]!;
    if (clause > 0) starts.add(a.clause.indexOf(clause));
  }
  const named = namedServiceStarts(a);
  for (const start of named) starts.add(start);
  const ordered = [...starts].sort((x, y) => x - y);
  let verb: string | undefined;
  return ordered.map((start, k) => {
    const words = a.tokens.slice(start, ordered[k + 1] ?? a.tokens.length).map((t) => t.raw);
    while (words.length > 1 && /^(and|then|plus)$/i.test(words[words.length - 1]!)) words.pop();
    while (words.length > 1 && /^(and|plus)$/i.test(words[0]!)) words.shift();
    // "run postgres named db and redis named cache": the second service takes the first's verb.
    if (named.has(start) && verb) words.unshift(verb);
    else verb = verbAt(a, start);
    return words.join(' ');
  });
}

/** The verb a task starts with, as written ("run"), when it starts with one. */
function verbAt(a: Analysis, start: number): string | undefined {
  return a.intents.some((m) => m.start === start && m.row.kind === 'verb') ? a.tokens[start]!.raw : undefined;
}

/**
 * "postgres named db and redis named cache": each service given its own name after the first is
 * a task of its own, so neither name is lost to a single stack.
 */
function namedServiceStarts(a: Analysis): Set<number> {
  const naming = (i: number) => ['named', 'called'].includes(a.tokens[i]?.lower ?? '');
  const starts = new Set<number>();
  let namedBefore = false;
  let previousEnd = 0;
  for (const service of a.services) {
    for (let i = previousEnd; i < service.start; i++) if (naming(i)) namedBefore = true;
    previousEnd = service.end;
    const joined = a.tokens[service.start - 1]?.lower === 'and' || a.tokens[service.start]!.breakBefore;
    if (namedBefore && joined && naming(service.end)) starts.add(a.tokens[service.start - 1]?.lower === 'and' ? service.start - 1 : service.start);
  }
  return starts;
}

function one<T>(values: T[]): T | T[] {
  return values.length === 1 ? values[0]! : values;
}
