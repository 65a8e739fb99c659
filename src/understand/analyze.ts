import type { Token } from './text.js';
import { singular, tokenize } from './text.js';
import type { Match, TokenClass } from './phrases.js';
import { matchAll } from './phrases.js';
import { INDEX, SETS, fold, verbBase } from './tables.js';
import type { IntentCue } from './lexicon/intents.js';
import { TASK_STARTING_KINDS } from './lexicon/intents.js';
import type { DomainCue } from './lexicon/domains.js';
import type { ServiceSynonym } from './lexicon/services.js';
import type { EnvironmentSynonym } from './lexicon/environments.js';
import type { CloudSynonym } from './lexicon/clouds.js';
import type { CiSynonym } from './lexicon/ci.js';
import { NUMBER_WORDS, WEAK_NUMBER_WORDS } from './lexicon/numbers.js';

/**
 * The request read once: tokens, what each lexicon table matched, and the clause structure that
 * says which words carry the request and which only describe.
 */
export interface Analysis {
  text: string;
  tokens: Token[];
  classes: Set<TokenClass>[];
  services: Match<ServiceSynonym>[];
  environments: Match<EnvironmentSynonym>[];
  clouds: Match<CloudSynonym>[];
  ci: Match<CiSynonym>[];
  domains: Match<DomainCue>[];
  intents: Match<IntentCue>[];
  cloudResources: Match<{ phrase: string }>[];
  /** Clause number of each token; a clause is a task-sized piece of the request. */
  clause: number[];
  /** The token sits in a relative or subordinate clause ("a workflow that deploys it"). */
  subordinate: boolean[];
  /** Sentence number of each token. */
  sentence: number[];
  /** Only fillers ("please", "can you", "then") stand between the clause start and the token. */
  clauseHead: boolean[];
  /** Tokens some table claimed as a value (service, environment, cloud, CI system, tool word). */
  claimed: boolean[];
}

/** "nginx:1.25", "ghcr.io/acme/api:2.1", "postgres@sha256:…": a tag, digest or registry host. */
const IMAGE_REF = /^(?:[a-z0-9][a-z0-9.-]*(?::\d+)?\/)?[a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)*(?::[a-z0-9_][a-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/i;

export function isImageReference(raw: string): boolean {
  if (!IMAGE_REF.test(raw) || raw.includes('://')) return false;
  const hasTag = /:[^/]+$/.test(raw) && !/^\d+:\d+$/.test(raw);
  const hasDigest = raw.includes('@sha256:');
  const hasRegistry = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?\//i.test(raw) && raw.split('/').length >= 2;
  if (hasTag) {
    const repository = raw.slice(0, raw.lastIndexOf(':'));
    if (/^\d+$/.test(repository) || /^[\d.]+$/.test(repository)) return false;
  }
  return hasTag || hasDigest || hasRegistry;
}

export function numberValue(token: Token | undefined, allowWeak = false): number | undefined {
  if (!token) return undefined;
  if (/^\d+$/.test(token.lower)) return Number(token.lower);
  const word = Object.hasOwn(NUMBER_WORDS, token.lower) ? NUMBER_WORDS[token.lower] : undefined;
  if (word === undefined || (!allowWeak && WEAK_NUMBER_WORDS.has(token.lower))) return undefined;
  return word;
}

/** Words that set aside what follows them, up to the next break: "not", "except", "instead of". */
export const NEGATIONS = new Set(['not', 'no', 'never', 'without', 'except', 'excluding', 'nor']);
const NEGATION_PAIRS = new Set(['instead of', 'rather than', 'other than', 'apart from', 'but not']);
/** Words that end what a negation sets aside: "don't restart it, just reload it". */
const NEGATION_ENDS = new Set(['but', 'just', 'only', 'instead', 'rather', 'then', 'so', 'please', 'i', 'we', 'it']);
const NEGATION_REACH = 5;
const AUXILIARIES = new Set(['can', 'could', 'does', 'did', 'is', 'are', 'was', 'were', 'will', 'would', 'should', 'has', 'have', 'had', 'may', 'might', 'must', 'am']);

export function negationScope(tokens: Token[]): boolean[] {
  const negated = new Array<boolean>(tokens.length).fill(false);
  for (let i = 0; i < tokens.length; i++) {
    const pair = i + 1 < tokens.length ? `${tokens[i]!.lower} ${tokens[i + 1]!.lower}` : '';
    // "it can not connect", "the pod does not start": a symptom, not something set aside.
    const reports = tokens[i]!.lower === 'not' && i > 0 && AUXILIARIES.has(tokens[i - 1]!.lower);
    const start = NEGATION_PAIRS.has(pair) ? i + 2 : NEGATIONS.has(tokens[i]!.lower) && !reports ? i + 1 : -1;
    if (start < 0 || tokens[i]!.quoted) continue;
    for (let j = start; j < tokens.length && j < start + NEGATION_REACH; j++) {
      if (j > start && (tokens[j]!.breakBefore || NEGATION_ENDS.has(tokens[j]!.lower))) break;
      negated[j] = true;
    }
  }
  return negated;
}

function isPlural(token: Token): boolean {
  return token.lower !== token.lemma && singular(token.lower) === token.lemma;
}

/** "deploy.sh", "access.log", "main.py": a file, as written. */
export const FILE_NAME = /\.(ya?ml|json|tf|tfvars|hcl|sh|txt|md|js|ts|py|bicep|xml|toml|ini|conf|cfg|env|log|gz|tgz|zip|tar|sql|dump|rdb|bak|csv|jar|war|go|rb|java|php|html|css)$/i;

/** "deploy:deploy" after chown is an owner and group, not an image. */
const OWNER_GROUP = /^[a-z_][\w-]*:[a-z_][\w-]*$/i;

export function analyze(text: string): Analysis {
  const tokens = tokenize(text, fold);
  markParticiples(tokens);
  const classes = tokens.map(() => new Set<TokenClass>());
  const ownership = tokens.some((t) => t.lower === 'chown' || t.lower === 'chgrp');
  const claimed = new Array<boolean>(tokens.length).fill(false);

  // "everything except kibana", "don't touch prod", "instead of a compose file": set aside, never
  // a thing acted on, a tool used or the action asked for.
  const negated = negationScope(tokens);
  const kept = <T>(matches: Match<T>[]) => matches.filter((m) => !(m.anchors.length > 0 && m.anchors.every((i) => negated[i])));
  negated.forEach((n, i) => n && (claimed[i] = true));

  // "nodes" are Kubernetes nodes, not Node.js: a service word counts only as written, not plural.
  const services = kept(matchAll(tokens, INDEX.services, classes, (row, start) => !row.services || !isPlural(tokens[start]!) || row.phrase === tokens[start]!.lower));
  for (const m of services) if (m.row.services) for (const a of m.anchors) classes[a]!.add('service');
  tokens.forEach((t, i) => {
    if (isImageReference(t.raw) && !(ownership && OWNER_GROUP.test(t.raw))) classes[i]!.add('image');
    if (numberValue(t) !== undefined) classes[i]!.add('number');
    if (FILE_NAME.test(t.raw) && !t.raw.includes('/')) classes[i]!.add('file');
  });

  const environments = kept(matchAll(tokens, INDEX.environments, classes));
  const clouds = kept(matchAll(tokens, INDEX.clouds, classes));
  const ci = kept(matchAll(tokens, INDEX.ci, classes));
  const domains = kept(matchAll(tokens, INDEX.domains, classes));
  const cloudResources = kept(matchAll(tokens, INDEX.cloudResources, classes));
  for (const list of [services, clouds, ci]) for (const m of list) for (const a of m.anchors) claimed[a] = true;
  // an ambiguous environment word ("test") is claimed only once its position makes it one
  for (const m of environments) if (!m.row.ambiguous) for (const a of m.anchors) claimed[a] = true;
  for (const m of [...domains, ...cloudResources]) {
    const cue = m.row as Partial<DomainCue>;
    if (cue.strength && cue.strength !== 'tool' && cue.domain !== null && m.anchors.length === 1) continue;
    for (const a of m.anchors) claimed[a] = true;
  }

  const intents = kept(matchAll(tokens, INDEX.intents, classes));
  const { clause, subordinate, clauseHead } = clauseStructure(tokens, intents);
  let sentenceNumber = 0;
  const sentence = tokens.map((t, i) => (i > 0 && t.sentenceBefore ? ++sentenceNumber : sentenceNumber));
  return { text, tokens, classes, services, environments, clouds, ci, domains, intents, cloudResources, clause, sentence, subordinate, clauseHead, claimed };
}

/**
 * Participles of lexicon verbs carry their verb: inside phrasal verbs always ("rolled back"),
 * alone after "be"/"get" ("should be scaled") or a word that asks for an action ("mind restarting").
 */
function markParticiples(tokens: Token[]): void {
  tokens.forEach((t, i) => {
    // only words as written: a typo-corrected or expanded word already has its lexicon form
    if (t.lemma !== t.lower && t.lemma !== singular(t.lower)) return;
    const base = verbBase(t.lower);
    if (!base || base === t.lemma) return;
    t.base = base;
    const prev = tokens[i - 1]?.lemma ?? '';
    t.baseAlone = SETS.passiveAuxiliaries.has(prev) || (t.lower.endsWith('ing') && SETS.gerundLeads.has(prev)) || wantedInState(tokens, i);
  });
}

/** "we need reviews deployed to staging", "want loki installed in ns observability": the participle is the ask. */
function wantedInState(tokens: Token[], i: number): boolean {
  if (tokens[i]!.lower.endsWith('ing') || tokens[i]!.breakBefore) return false;
  for (let j = i - 2; j >= Math.max(0, i - 10); j--) {
    if (tokens[j + 1]!.breakBefore || tokens[j + 1]!.sentenceBefore) return false;
    if (SETS.wantingLeads.has(tokens[j]!.lemma) || receivesAt(tokens, j)) return true;
  }
  return false;
}

/**
 * "can we get the billing thing onto the live site", "could the developers get a local setup",
 * "can we have the template deployed": get or have after a modal and its subject asks to receive;
 * it does not fetch ("can you get me the logs" does).
 */
export function receivesAt(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || (t.lemma !== 'get' && t.lemma !== 'have')) return false;
  for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
    if (tokens[j + 1]!.breakBefore) return false;
    if (SETS.modals.has(tokens[j]!.lemma)) return j < i - 1 && tokens[j + 1]!.lemma !== 'you';
  }
  return false;
}

const STARTS_TASK = new Set(TASK_STARTING_KINDS);

/**
 * Clauses break at punctuation, at "then", and at "and" when a request verb follows ("create a
 * network and run redis on it"). A relative clause runs from "that"/"which" + verb, or from
 * "when"/"before"/…, to the end of its clause.
 */
function clauseStructure(tokens: Token[], intents: Match<IntentCue>[]) {
  const verbAt = new Set<number>();
  const verbEnd = new Set<number>();
  for (const m of intents) {
    if (!STARTS_TASK.has(m.row.kind)) continue;
    verbAt.add(m.start);
    verbEnd.add(m.anchors[m.anchors.length - 1]!);
  }

  const clause: number[] = [];
  const subordinate: boolean[] = [];
  const clauseHead: boolean[] = [];
  let current = 0;
  let inSubordinate = false;
  let headSeen = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const coordinatesTask = (t.lemma === 'and' || t.lemma === 'plus' || t.lemma === 'but') && startsTaskAfter(tokens, i + 1, verbAt);
    if (i > 0 && (t.breakBefore || SETS.separators.has(t.lemma) || coordinatesTask)) {
      current++;
      inSubordinate = false;
      headSeen = false;
    }
    // "that"/"which" open a clause after a noun ("a workflow that deploys"), not after a verb ("undo that").
    const relative = ['that', 'which', 'who'].includes(t.lemma);
    if (SETS.subordinators.has(t.lemma) && (!relative || (i > 0 && !verbEnd.has(i - 1) && !SETS.prepositions.has(tokens[i - 1]!.lemma)))) inSubordinate = true;
    clause.push(current);
    subordinate.push(inSubordinate);
    const filler = SETS.fillers.has(t.lemma) || SETS.separators.has(t.lemma) || t.lemma === 'and';
    clauseHead.push(!headSeen);
    if (!filler) headSeen = true;
  }
  return { clause, subordinate, clauseHead };
}

function startsTaskAfter(tokens: Token[], from: number, verbAt: Set<number>): boolean {
  let i = from;
  while (i < tokens.length && (SETS.fillers.has(tokens[i]!.lemma) || SETS.separators.has(tokens[i]!.lemma)) && !verbAt.has(i)) i++;
  return verbAt.has(i);
}
