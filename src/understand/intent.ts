import type { Domain, Intent } from '../core/interpretation.js';
import type { Analysis } from './analyze.js';
import type { Match } from './phrases.js';
import type { IntentCue } from './lexicon/intents.js';
import { CAPACITY_WORDS, COMMAND_LINE_PROGRAMS, COMMAND_LINE_VERBS, CREATABLE_OBJECTS, MEANS_VERBS, NOUN_REQUEST_INTENT, PREDICATE_WORDS, REQUEST_FRAMES, REQUEST_MARKERS } from './lexicon/intents.js';
import { SETS } from './tables.js';

/**
 * The intent is the cue that counts most. A cue counts fully at the head of a clause (an
 * imperative: "roll it back"), less elsewhere, little as a noun ("the last deploy") or inside a
 * relative clause ("a workflow that deploys it"). Later tasks count less than the first one: the
 * first task is the main goal unless a later one is plainly the point.
 */
export interface IntentDecision {
  intent: Intent | undefined;
  score: number;
  runnerUp: number;
  /** What kind of evidence decided: a cue of the lexicon, or a rule about the whole request. */
  basis: 'verb' | 'command' | 'question' | 'symptom' | 'noun' | 'artifact' | 'object' | 'report' | 'none';
  /** The cues that decided, for explanations. */
  reasons: string[];
}

const HEAD_BOOST = 1.3;
const LATER_TASK = 0.7;
const LATER_SENTENCE = 0.6;
/** A one-word shell command away from the start ("from last night", "the top 10") is mostly an ordinary word. */
const LOOSE_COMMAND = 0.15;
/** "git push keeps failing", "the helm upgrade of grafana hangs": the action is the subject, not the request. */
const SUBJECT_USE = 0.2;
/** The finding task before the task that acts on what was found. */
const MEANS_DISCOUNT = 0.5;
const PREDICATES = new Set(PREDICATE_WORDS);
const MEANS = new Set(MEANS_VERBS.verbs);
const FRAMES = new Set(REQUEST_FRAMES);

export function decideIntent(a: Analysis, namedDomains: ReadonlySet<Domain>): IntentDecision {
  const scores = new Map<Intent, number>();
  const best = new Map<Intent, { value: number; cue: string; basis: IntentDecision['basis'] }>();
  // Every piece of evidence adds to its intent's score; the strongest one is kept to explain it.
  const count = (intent: Intent, value: number, cue: string, basis: IntentDecision['basis']) => {
    scores.set(intent, (scores.get(intent) ?? 0) + value);
    const current = best.get(intent);
    if (!current || value > current.value) best.set(intent, { value, cue, basis });
  };
  const asking = requestSentence(a);
  const firstClause = firstImperativeClause(a, asking);
  const mainClause = meansClause(a, firstClause) ?? firstClause;

  // Quoted text (an error message, a pasted command) says what happened; the words around it say
  // what is asked, when they hold a cue of their own.
  const unquoted = a.intents.filter((m) => m.row.intent && m.row.kind !== 'none' && !a.tokens[m.start]!.quoted);
  const counted = unquoted.length ? unquoted : a.intents;
  for (const m of counted) {
    const cue = m.row;
    if (!cue.intent || cue.kind === 'none') continue;
    if (cue.onlyWith && !cue.onlyWith.some((d) => namedDomains.has(d))) continue;
    if (cue.headOnly && !a.clauseHead[m.start]) continue;
    let value = cue.weight * usageFactor(a, m);
    // "…, how do i fix": asking why or how to fix is the point wherever it stands.
    const asksFix = cue.intent === 'debug' && cue.kind === 'question';
    if (mainClause !== undefined && a.clause[m.start]! > mainClause && !asksFix) value *= LATER_TASK;
    if (mainClause !== firstClause && a.clause[m.start]! < mainClause!) value *= MEANS_DISCOUNT;
    // In prose of several sentences one states the request (a ticket's ask often comes after its
    // background); the rest describe it.
    if (a.sentence[m.start]! !== asking) value *= LATER_SENTENCE;
    count(cue.intent, value, cue.phrase, cue.kind);
  }

  const artifact = artifactRequest(a);
  if (artifact) count(NOUN_REQUEST_INTENT, 2, `a request for ${artifact}`, 'artifact');

  // "the worker pod restarts every 5 min": only reports of what happens, and no question — a symptom.
  const actions = counted.filter((m) => m.row.intent && (m.row.kind === 'verb' || m.row.kind === 'command'));
  if (actions.length && actions.every((m) => reportsWhatHappens(a, m)) && !a.text.includes('?') && a.sentence.at(-1) === 0) {
    count('debug', 1.2, `a report that ${a.tokens[actions[0]!.start]!.lower} happens`, 'report');
  }

  const typed = commandLineIntent(a);
  if (typed) count(typed.intent, 2.2, typed.word, 'command');

  const named = objectRequest(a);
  if (named) count(NOUN_REQUEST_INTENT, 1.5, `a request for a new ${named}`, 'object');

  // The strongest single cue decides; the others add a little, so repeated weak symptoms do not
  // outvote one clear request.
  const ranked = [...best.entries()]
    .map(([intent, b]) => ({ intent, value: b.value + 0.15 * ((scores.get(intent) ?? 0) - b.value), cue: b.cue, basis: b.basis }))
    .sort((x, y) => y.value - x.value);
  const top = ranked[0];
  if (!top) return { intent: undefined, score: 0, runnerUp: 0, basis: 'none', reasons: [] };
  if (top.intent === 'update' && changesCapacity(a, counted)) {
    return { intent: 'scale', score: top.value, runnerUp: ranked[1]?.intent === 'scale' ? 0 : (ranked[1]?.value ?? 0), basis: top.basis, reasons: [`intent scale from "${top.cue}" on memory, CPU or replicas`] };
  }
  return { intent: top.intent, score: top.value, runnerUp: ranked[1]?.value ?? 0, basis: top.basis, reasons: [`intent ${top.intent} from "${top.cue}"`] };
}

function usageFactor(a: Analysis, m: Match<IntentCue>): number {
  const cue = m.row;
  const i = m.start;
  const subordinate = a.subordinate[i]!;
  if ((cue.kind === 'verb' || cue.kind === 'command') && isSubject(a, m)) return SUBJECT_USE;
  switch (cue.kind) {
    case 'command':
      if (a.clauseHead[i] && !subordinate && startsTask(a, i)) return 1;
      return m.anchors.length === 1 ? LOOSE_COMMAND : 0.5;
    case 'question':
      return subordinate ? 0.5 : 1;
    case 'symptom':
      return subordinate ? 0.5 : 1;
    case 'noun':
      return isAttribute(a, i) ? 0.3 : subordinate ? 0.5 : 1;
    default:
      if (subordinate) return 0.3;
      if (a.clauseHead[i] || afterToolWord(a, i)) return HEAD_BOOST;
      if (isNounUse(a, i)) return 0.25;
      if (a.tokens[i - 1]?.lemma === 'to') return FRAMES.has(a.tokens[i - 2]?.lemma ?? '') ? HEAD_BOOST : 0.4;
      return 0.8;
  }
}

/** "the last deploy", "a backup", "the postgres dump": a verb word used as a noun. */
function isNounUse(a: Analysis, i: number): boolean {
  const prev = a.tokens[i - 1];
  if (!prev) return false;
  return SETS.determiners.has(prev.lemma) || SETS.adjectives.has(prev.lemma) || a.classes[i - 1]!.has('service') || a.classes[i - 1]!.has('number') || a.claimed[i - 1]!;
}

/**
 * A clause that starts the request, a sentence, or follows "then"/"and": not an item of a comma
 * list ("a compose file with traefik, whoami and redis").
 */
function startsTask(a: Analysis, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && a.clause[j] === a.clause[i]) {
    if (!SETS.fillers.has(a.tokens[j]!.lemma)) break;
    if (SETS.separators.has(a.tokens[j]!.lemma) || a.tokens[j]!.lemma === 'and') return true;
    j--;
  }
  return a.clause[i] === 0 || a.tokens[j + 1]!.sentenceBefore || j < 0 || a.clause[j] !== a.clause[i] && SETS.separators.has(a.tokens[j]!.lemma);
}

/** "helm rollback …", "velero restore …": the tool named first, then its action. */
function afterToolWord(a: Analysis, i: number): boolean {
  const prev = i - 1;
  if (prev < 0 || !a.clauseHead[prev]) return false;
  return a.domains.some((m) => m.start === prev && m.end === i && m.row.strength === 'tool' && m.row.domain !== null);
}

/** The action named is what something else does: followed by "keeps", "fails", "is", "of". */
function isSubject(a: Analysis, m: Match<IntentCue>): boolean {
  if (reportsWhatHappens(a, m)) return true;
  const next = a.tokens[m.end];
  if (!next || next.breakBefore) return false;
  // "the upgrade of grafana hangs": a bare action word followed by "of" names an event
  if (PREDICATES.has(next.lower)) return true;
  return next.lemma === 'of' && m.anchors.every((i) => !SETS.determiners.has(a.tokens[i]!.lemma)) && a.tokens.some((t) => PREDICATES.has(t.lower));
}

/**
 * "the worker pod restarts every 5 min", "terraform shows a diff every plan": a verb in the third
 * person after its subject tells what happens; a request says it in the base form ("restart the
 * worker").
 */
function reportsWhatHappens(a: Analysis, m: Match<IntentCue>): boolean {
  const verb = a.tokens[m.start]!;
  // "keeps showing a diff", "kept restarting": what keeps happening is reported, not asked for.
  if (m.start > 0 && a.tokens[m.start - 1]!.lemma === 'keep' && /ing$/.test(verb.lower)) return true;
  if (m.end - m.start !== 1 || a.clauseHead[m.start] || !/[^s]s$/.test(verb.lower) || verb.lemma === verb.lower) return false;
  const before = a.tokens.slice(0, m.start).filter((_, i) => a.clause[i] === a.clause[m.start]);
  return before.length > 0 && !before.some((t) => SETS.fillers.has(t.lemma) || t.lower === 'please' || t.lower === 'pls');
}

/**
 * "find the .bak files and remove them": when the first task only finds things and a later task
 * acts on them, the later one is the point. Returns that later task's clause.
 */
function meansClause(a: Analysis, first: number | undefined): number | undefined {
  if (first === undefined) return undefined;
  const opening = a.intents.find((m) => a.clause[m.start] === first && a.clauseHead[m.start] && m.row.intent);
  if (!opening || !MEANS.has(opening.row.phrase)) return undefined;
  const later = a.intents.find((m) => a.clause[m.start]! > first && a.sentence[m.start] === a.sentence[opening.start]
    && (m.row.kind === 'verb' || m.row.kind === 'command') && m.row.intent && MEANS_VERBS.then.includes(m.row.intent) && !a.subordinate[m.start]);
  return later ? a.clause[later.start] : undefined;
}

/** "with 3 replicas", "with 256 MB of memory": a property of something being made. */
function isAttribute(a: Analysis, i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 6); j--) {
    if (a.clause[j] !== a.clause[i]) return false;
    if (a.tokens[j]!.lemma === 'with') return true;
  }
  return false;
}

function firstImperativeClause(a: Analysis, asking: number): number | undefined {
  for (const m of a.intents) {
    if (a.sentence[m.start]! < asking) continue;
    if ((m.row.kind === 'verb' || m.row.kind === 'command') && m.row.intent && a.clauseHead[m.start] && !a.subordinate[m.start]) return a.clause[m.start];
  }
  return undefined;
}

const CREATABLE = new Set(CREATABLE_OBJECTS);
const PROGRAMS = new Set(COMMAND_LINE_PROGRAMS);

/** `git tag -d v3.0.0`, `aws cloudformation describe-stack-events …`: what a pasted command line does. */
function commandLineIntent(a: Analysis): { intent: Intent; word: string } | undefined {
  if (!PROGRAMS.has(a.tokens[0]?.lower ?? '')) return undefined;
  // The subcommand words (`aws cloudformation describe-stack-events`), up to three, before any pipe
  // or list operator: `… | head -20` and "… and then show me the pods" are not what it does.
  const words: string[] = [];
  let plain = 0;
  for (const t of a.tokens.slice(1)) {
    if (t.breakBefore || ['|', '&&', ';', '||'].includes(t.raw) || plain === 3) break;
    words.push(t.raw);
    if (!t.raw.startsWith('-')) plain++;
  }
  const program = a.tokens[0]!.lower;
  if (program === 'git' && words[0] === 'push' && words.some((w) => w.startsWith(':'))) return { intent: 'destroy', word: 'git push :ref' };
  // `-d` deletes a git tag or branch; for docker it detaches.
  const deletesByFlag = program === 'git' && (words[0] === 'tag' || words[0] === 'branch');
  for (const word of words) {
    if (/^-[dD]$/.test(word) && !deletesByFlag) continue;
    const hit = COMMAND_LINE_VERBS.find(([, pattern]) => pattern.test(word));
    if (hit) return { intent: hit[0], word };
  }
  return undefined;
}
const CAPACITY = new Set(CAPACITY_WORDS);

/** An update whose clause is about memory, CPU or replicas ("raise its memory limit to 4 GB"). */
function changesCapacity(a: Analysis, matches: Match<IntentCue>[]): boolean {
  const verb = matches.find((m) => m.row.intent === 'update' && m.row.kind === 'verb');
  if (!verb) return false;
  return a.tokens.some((t, i) => a.clause[i] === a.clause[verb.start] && a.sentence[i] === a.sentence[verb.start] && CAPACITY.has(t.lemma));
}

/**
 * A request that only names a thing to have ("gke cluster in europe-west1 for analytics", "k8s
 * secret w the stripe key in ns billing"): no verb, question or symptom anywhere, and the thing
 * is not one that exists already ("the cluster").
 */
function objectRequest(a: Analysis): string | undefined {
  if (a.text.includes('?')) return undefined;
  const acts = a.intents.some((m) => m.row.intent && m.row.kind !== 'noun' && m.row.kind !== 'none' && usageFactor(a, m) >= 0.5);
  if (acts) return undefined;
  const first = a.tokens.findIndex((t) => CREATABLE.has(t.lemma));
  if (first < 0 || a.clause[first] !== 0) return undefined;
  const before = a.tokens.slice(0, first);
  if (before.some((t) => SETS.definite.has(t.lemma) || SETS.demonstratives.has(t.lemma))) return undefined;
  return a.tokens[first]!.lemma;
}

/**
 * The sentence that asks: the first one with a request marker ("please", "can you", "would it be
 * possible") or that opens with a verb Reign acts on; else the first sentence. Sentences before it
 * are background ("The nightly build has been red for three days.").
 */
function requestSentence(a: Analysis): number {
  const last = a.sentence.at(-1) ?? 0;
  if (last === 0) return 0;
  for (let s = 0; s <= last; s++) {
    const words = a.tokens.filter((_, i) => a.sentence[i] === s).map((t) => t.lower);
    const text = ` ${words.join(' ')} `;
    if (REQUEST_MARKERS.some((marker) => text.includes(` ${marker} `))) return s;
    const first = a.tokens.findIndex((_, i) => a.sentence[i] === s);
    // A one-word program name ("Last week's migration…") is an ordinary word at the start of prose.
    if (a.intents.some((m) => m.start === first && m.row.intent && (m.row.kind === 'verb' || (m.row.kind === 'command' && m.anchors.length > 1)))) return s;
  }
  return 0;
}

/**
 * "Terraform for an EKS cluster", "a Jenkinsfile that tests every PR": the first clause opens
 * with a tool or artifact, no verb before it and nothing definite ("the cfn stack" exists).
 */
function artifactRequest(a: Analysis): string | undefined {
  // "we need a CloudFormation template …": wanting is not a verb of its own here.
  const firstVerb = a.intents.find((m) => m.row.intent && m.row.kind !== 'symptom' && m.row.kind !== 'noun' && m.row.kind !== 'none'
    && !(m.row.intent === NOUN_REQUEST_INTENT && m.row.weight < 1));
  for (const m of a.domains) {
    if (a.clause[m.start] !== 0) return undefined;
    if (firstVerb && firstVerb.start <= m.start) return undefined;
    if (!m.row.artifact) continue;
    const before = a.tokens.slice(0, m.start);
    if (before.some((t) => SETS.definite.has(t.lemma) || SETS.demonstratives.has(t.lemma))) return undefined;
    if (before.filter((t) => !SETS.fillers.has(t.lemma) && !SETS.determiners.has(t.lemma)).length > 2) return undefined;
    return m.row.phrase;
  }
  return undefined;
}
