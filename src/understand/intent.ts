import type { Domain, Intent } from '../core/interpretation.js';
import type { Analysis } from './analyze.js';
import { receivesAt } from './analyze.js';
import type { Match } from './phrases.js';
import type { IntentCue } from './lexicon/intents.js';
import {
  CAPACITY_WORDS, COMMAND_LINE_PROGRAMS, COMMAND_LINE_VERBS, CREATABLE_OBJECTS, COMMAND_LINE_EFFECTS, LIGHT_VERBS, MADE_THINGS, MEANS_VERBS, NOMINAL_ACTIONS, NOUN_REQUEST_INTENT,
  DATA_WORDS, DESCRIBING_WORDS, DESTINATION_WORDS, PREDICATE_WORDS, REPEATING_WORDS, VERSION_WORDS, PROSE_WORDS, QUESTION_AUXILIARIES, TELLING_VERBS, REQUEST_FRAMES, REQUEST_MARKERS,
} from './lexicon/intents.js';
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
  basis: 'verb' | 'command' | 'question' | 'symptom' | 'noun' | 'artifact' | 'object' | 'report' | 'model' | 'none';
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
const TELLING = new Set(TELLING_VERBS);
const MEANS = new Set(MEANS_VERBS.verbs);
const FRAMES = new Set(REQUEST_FRAMES);

/**
 * How much the statistical reading (src/understand/classifier) adds, times its probability: enough
 * to choose between close readings of the rules, not to outvote one clear cue.
 */
export const MODEL_WEIGHT = 1;

export function decideIntent(a: Analysis, namedDomains: ReadonlySet<Domain>, statistical?: ReadonlyMap<string, number>, modelWeight = MODEL_WEIGHT): IntentDecision {
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

  // "compose stack won't come up", "ci red on develop since the bump": a problem told with
  // nothing asked is a request to find out why; the thing named is not one to make.
  const problem = problemReport(a, counted, asking);
  if (problem) count('debug', 2.1, `a report that ${problem}`, 'report');

  // A ticket's title ("Loki for the cluster") names the subject; the sentence that asks says what to do.
  const titled = asking > 0 ? LATER_SENTENCE : 1;
  const artifact = problem || yesNoQuestion(a) ? undefined : artifactRequest(a);
  if (artifact) count(NOUN_REQUEST_INTENT, 2 * titled, `a request for ${artifact}`, 'artifact');

  const nominal = nominalRequest(a, asking) ?? receivingRequest(a);
  if (nominal) count(nominal.intent, 1.7, nominal.word, 'verb');

  if (!problem && yesNoQuestion(a)) count('monitor', 1.5, 'a yes/no question about what is there', 'question');

  // "the worker pod restarts every 5 min": only reports of what happens, and no question — a symptom.
  const actions = counted.filter((m) => m.row.intent && (m.row.kind === 'verb' || m.row.kind === 'command'));
  if (actions.length && actions.every((m) => reportsWhatHappens(a, m)) && !a.text.includes('?') && a.sentence.at(-1) === 0) {
    count('debug', 1.2, `a report that ${a.tokens[actions[0]!.start]!.lower} happens`, 'report');
  }

  const noted = settingNotation(a);
  if (noted) count(noted.intent, 1.6, noted.word, 'verb');

  const typed = commandLineIntent(a);
  if (typed) count(typed.intent, 2.2, typed.word, 'command');

  const named = problem ? undefined : objectRequest(a);
  if (named) count(NOUN_REQUEST_INTENT, 1.5 * titled, `a request for a new ${named}`, 'object');

  // The strongest single cue decides; the others add a little, so repeated weak symptoms do not
  // outvote one clear request. The statistical reading adds its probability to each.
  const learned = (intent: Intent) => (statistical?.get(intent) ?? 0) * modelWeight;
  const ranked = [...best.entries()]
    .map(([intent, b]) => ({ intent, value: b.value + 0.15 * ((scores.get(intent) ?? 0) - b.value) + learned(intent), cue: b.cue, basis: b.basis }));
  // With no cue at all, the statistical reading alone is not enough to act: the request is asked about.
  if (ranked.length) {
    for (const [intent, p] of statistical ?? []) {
      if (intent === 'clarify' || best.has(intent as Intent) || p < 0.5) continue;
      ranked.push({ intent: intent as Intent, value: learned(intent as Intent), cue: 'the reading learned from labelled requests', basis: 'model' });
    }
  }
  ranked.sort((x, y) => y.value - x.value);
  const top = ranked[0];
  if (!top) return { intent: undefined, score: 0, runnerUp: 0, basis: 'none', reasons: [] };
  if (top.intent === 'restore' && top.cue.endsWith('back') && bringsBackVersion(a)) {
    return { intent: 'rollback', score: top.value, runnerUp: ranked[1]?.value ?? 0, basis: top.basis, reasons: [`intent rollback from "${top.cue}" on a version, not data`] };
  }
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
  if (receivesAt(a.tokens, i) && m.anchors.length === 1) return SUBJECT_USE;
  // "we released a new version yesterday", "I created a workflow to learn": told in the past, not asked.
  if (cue.kind === 'verb' && toldInPast(a, i)) return SUBJECT_USE;
  // "is the stack still failing or did it recover?": inside a yes/no question a verb tells what is asked about.
  if ((cue.kind === 'verb' || cue.kind === 'command') && yesNoSentences(a).has(a.sentence[i]!) && !a.clauseHead[i]) return SUBJECT_USE;
  switch (cue.kind) {
    case 'command':
      // A one-word program that is also an English verb ("make", "sort", "split") is the program
      // only where a command line starts: "make build", not "please make backup of the db".
      if (m.anchors.length === 1 && (i > 0 || readsAsProse(a))) return a.clauseHead[i] ? 0.5 : LOOSE_COMMAND;
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
      if (a.clauseHead[i] || afterToolWord(a, i) || afterAsker(a, i)) return HEAD_BOOST;
      // "should be scaled", "we need reviews deployed to staging": the participle is the action asked.
      if (a.tokens[i]!.baseAlone && !a.tokens[i]!.lower.endsWith('ing')) return 1.1;
      if (isNounUse(a, i)) return 0.25;
      if (a.tokens[i - 1] && a.tokens[i - 1]!.lemma !== 'to' && SETS.prepositions.has(a.tokens[i - 1]!.lemma)) return 0.25;
      if (a.tokens[i - 1]?.lemma === 'to') return framedAt(a, i) ? HEAD_BOOST : 0.4;
      return 0.8;
  }
}

const PROSE = new Set(PROSE_WORDS);

/** "make scale of the deployment", "make please the tag": English after the word, not a command's arguments. */
function readsAsProse(a: Analysis): boolean {
  return a.tokens.slice(1, 5).some((t) => SETS.determiners.has(t.lemma) || PROSE.has(t.lemma));
}

/** "I'd like to export …", "my lead asked me to set up …": the verb after a frame is the task asked. */
function framedAt(a: Analysis, i: number): boolean {
  if (a.tokens[i - 1]?.lemma !== 'to') return false;
  const before = a.tokens[i - 2]?.lemma ?? '';
  return FRAMES.has(before) || (['me', 'us'].includes(before) && FRAMES.has(a.tokens[i - 3]?.lemma ?? ''));
}

function toldInPast(a: Analysis, i: number): boolean {
  const t = a.tokens[i]!;
  return t.lower.endsWith('ed') && t.lower !== t.lemma && SETS.pastSubjects.has(a.tokens[i - 1]?.lemma ?? '');
}

/** "can the next person compress …", "could the on-call team restart …": the verb after who is asked leads. */
function afterAsker(a: Analysis, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && a.clause[j] === a.clause[i] && (SETS.determiners.has(a.tokens[j]!.lemma) || SETS.askedPeople.has(a.tokens[j]!.lemma))) j--;
  return j < i - 1 && SETS.modals.has(a.tokens[j]?.lemma ?? '');
}

/** A task stated with a frame anywhere in the text ("I need to build an image …, is docker build what I use?"). */
function statesTask(a: Analysis): boolean {
  return a.intents.some((m) => m.row.intent && m.row.kind === 'verb' && !a.subordinate[m.start] && framedAt(a, m.start));
}

/** "the last deploy", "a backup", "the postgres dump": a verb word used as a noun. */
function isNounUse(a: Analysis, i: number): boolean {
  const prev = a.tokens[i - 1];
  if (!prev) return false;
  if (SETS.determiners.has(prev.lemma) || SETS.adjectives.has(prev.lemma) || a.classes[i - 1]!.has('service') || a.classes[i - 1]!.has('number') || a.claimed[i - 1]!) return true;
  // "the metrics release": a word between a determiner and the verb word makes a compound noun.
  const first = a.tokens[i - 2];
  return !!first && SETS.determiners.has(first.lemma) && !prev.breakBefore && !SETS.fillers.has(prev.lemma) && !a.intents.some((m) => m.end === i - 1 && m.row.kind === 'verb');
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
  // "git status takes forever", "rebase onto main stops with a conflict": a verb telling what it does follows in the clause.
  for (let j = m.end; j < Math.min(a.tokens.length, m.end + 6); j++) {
    if (a.clause[j] !== a.clause[m.start] || a.subordinate[j]) break;
    if (tellsAt(a, j)) return true;
  }
  return next.lemma === 'of' && m.anchors.every((i) => !SETS.determiners.has(a.tokens[i]!.lemma))
    && a.tokens.some((t, j) => j > m.end && a.clause[j] === a.clause[m.start] && PREDICATES.has(t.lower));
}

const DESCRIBING = new Set(DESCRIBING_WORDS);

/**
 * A telling verb used as one ("git status takes forever"), not as a word describing a noun
 * ("remove all stopped containers", "the last failed job", "grep for failed logins") or a count
 * ("ping it 5 times").
 */
function tellsAt(a: Analysis, i: number): boolean {
  if (!TELLING.has(a.tokens[i]!.lower) && !repeatsInReport(a, i)) return false;
  const before = a.tokens[i - 1];
  if (!before) return true;
  if (SETS.determiners.has(before.lemma) || SETS.prepositions.has(before.lemma) || SETS.conjunctions.has(before.lemma) || DESCRIBING.has(before.lemma)) return false;
  // "show failing pods", "prune dangling images + stopped containers": it describes the object.
  if (!/[a-z]/.test(before.lower) || /^\d+$/.test(before.lower)) return false;
  // "show failing pods", "remove stopped containers": right after the verb and before its noun, it describes.
  const next = a.tokens[i + 1];
  const describes = !!next && !next.breakBefore && !SETS.prepositions.has(next.lemma);
  return !(describes && a.intents.some((m) => m.row.intent && (m.row.kind === 'verb' || m.row.kind === 'command') && m.end === i));
}

const REPEATING = new Set(REPEATING_WORDS);

/** "mysql container restarting every ~30s", "api pods crashing constantly": what keeps happening, told. */
function repeatsInReport(a: Analysis, i: number): boolean {
  const t = a.tokens[i]!;
  if (!t.lower.endsWith('ing') || a.clauseHead[i]) return false;
  const before = a.tokens[i - 1];
  if (!before || SETS.fillers.has(before.lemma) || SETS.gerundLeads.has(before.lemma) || before.lemma === 'keep') return false;
  const next = a.tokens[i + 1];
  return !!next && !next.breakBefore && (REPEATING.has(next.lemma) || (next.lemma === 'in' && a.tokens[i + 3]?.lemma === 'loop'));
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
  const all = a.tokens.slice(1).map((t) => t.raw);
  const effect = COMMAND_LINE_EFFECTS.find((e) => e.program === program && all.some((_, i) => e.words.every((w, k) => all[i + k] === w)));
  if (effect) return { intent: effect.intent, word: `${program} ${effect.words.join(' ')}` };
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
const VERSION_THINGS = new Set(VERSION_WORDS);
const DATA_THINGS = new Set(DATA_WORDS);

/** "put yesterday's version back", "put the container back on api:3.1.9": a release comes back, not data. */
function bringsBackVersion(a: Analysis): boolean {
  const version = a.tokens.some((t, i) => VERSION_THINGS.has(t.lemma) || a.classes[i]!.has('image'));
  return version && !a.tokens.some((t) => DATA_THINGS.has(t.lemma));
}

const CAPACITY = new Set(CAPACITY_WORDS);
const ARROWS = new Set(['-', '->', '→', '=>']);
const VERSION_LIKE = /^v?\d+(?:\.\d+)+$|^v\d+$/;

/**
 * Shorthand with no verb: "web=4, worker=2 via compose" sets counts (scale), "LOG_LEVEL=debug on
 * ingest-worker" sets a value, "mongo -> 7.0 in the inventory stack" moves to a version (update).
 */
function settingNotation(a: Analysis): { intent: Intent; word: string } | undefined {
  if (a.intents.some((m) => a.clauseHead[m.start] && (m.row.kind === 'verb' || m.row.kind === 'command') && m.row.intent)) return undefined;
  const assignments = a.tokens.map((t) => /^([A-Za-z_][\w.-]*)=([^=\s]+)$/.exec(t.raw)).filter((x) => x !== null);
  if (assignments.length) {
    const counts = assignments.every(([, key, value]) => /^\d+$/.test(value!) && key === key!.toLowerCase());
    return { intent: counts ? 'scale' : 'update', word: assignments[0]![0] };
  }
  const arrow = a.tokens.findIndex((t, i) => i > 0 && ARROWS.has(t.raw) && VERSION_LIKE.test(a.tokens[i + 1]?.raw ?? ''));
  return arrow > 0 ? { intent: 'update', word: `${a.tokens[arrow]!.raw} ${a.tokens[arrow + 1]!.raw}` } : undefined;
}

/** An update whose clause is about memory, CPU or replicas ("raise its memory limit to 4 GB"). */
function changesCapacity(a: Analysis, matches: Match<IntentCue>[]): boolean {
  const verb = matches.find((m) => m.row.intent === 'update' && (m.row.kind === 'verb' || m.row.kind === 'command'));
  if (!verb) return false;
  if (a.tokens.some((t, i) => a.clause[i] === a.clause[verb.start] && a.sentence[i] === a.sentence[verb.start] && CAPACITY.has(t.lemma))) return true;
  // "```replicas: 2``` … make it 5": the pronoun stands for the pasted setting.
  const pronoun = SETS.pronouns.has(a.tokens[verb.end]?.lemma ?? '') || SETS.pronouns.has(a.tokens[verb.end - 1]?.lemma ?? '');
  return pronoun && a.tokens.some((t) => t.quoted && CAPACITY.has(t.lemma.replace(/:$/, '')));
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
export function requestSentence(a: Analysis): number {
  const last = a.sentence.at(-1) ?? 0;
  if (last === 0) return 0;
  // "I'd like a safety net. Could you export the state…": the marked sentence that names an action.
  const acting = (s: number) => a.intents.filter((m) => a.sentence[m.start] === s && m.row.intent && (m.row.kind === 'verb' || m.row.kind === 'command') && m.row.weight >= 1);
  for (let s = 0; s <= last; s++) if (acting(s).length && hasRequestMarker(a, s)) return s;
  // "I've been asked to add the bitnami repo. What's the right way?": the task stated with a frame.
  for (let s = 0; s <= last; s++) if (acting(s).some((m) => framedAt(a, m.start) && !a.subordinate[m.start])) return s;
  for (let s = 0; s <= last; s++) {
    if (hasRequestMarker(a, s)) return s;
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
  // "cfn stack tern-api: change the AlertEmail param", "bicep rollback to previous deployment",
  // "cfn stack edge-cdn stuck in UPDATE_ROLLBACK_FAILED": the tool is what the action is on.
  // A symptom anywhere in the first sentence ("qa compose stack: api restarting in a loop") tells of one that exists.
  const acted = a.intents.some((m) => m.row.intent && m.row.intent !== NOUN_REQUEST_INTENT && !a.subordinate[m.start]
    && (a.clause[m.start] === 0 ? ['verb', 'command', 'symptom'].includes(m.row.kind) : a.sentence[m.start] === 0 && m.row.kind === 'symptom')
    && a.tokens[m.start - 1]?.lemma !== 'to'
    && !(a.tokens[m.start]!.base && !a.clauseHead[m.start]) && !a.tokens.slice(0, m.start).some((t) => t.lemma === 'with' || t.lemma === 'without'));
  if (acted) return undefined;
  for (const m of a.domains) {
    if (a.clause[m.start] !== 0 || a.subordinate[m.start]) return undefined;
    if (firstVerb && firstVerb.start <= m.start) return undefined;
    if (!m.row.artifact) continue;
    const before = a.tokens.slice(0, m.start);
    // "with compose, tear down …": the tool is how, not what.
    if (before.some((t) => SETS.prepositions.has(t.lemma))) return undefined;
    if (before.some((t) => SETS.definite.has(t.lemma) || SETS.demonstratives.has(t.lemma))) return undefined;
    if (before.filter((t) => !SETS.fillers.has(t.lemma) && !SETS.determiners.has(t.lemma)).length > 2) return undefined;
    return m.row.phrase;
  }
  return undefined;
}

/**
 * A problem told with nothing asked: a symptom in a main clause, no request marker ("please",
 * "can you") and no request verb leading a clause. Returns the symptom's words.
 */
function problemReport(a: Analysis, counted: Match<IntentCue>[], asking: number): string | undefined {
  if (hasRequestMarker(a, asking) || yesNoQuestion(a)) return undefined;
  // A pasted error ("```Error: UPGRADE FAILED …``` this is on the metrics release, help") tells
  // the problem itself; "don't deploy anything", a negated imperative, forbids and does not report.
  const pasted = a.intents.filter((m) => m.row.kind === 'symptom' && a.tokens[m.start]!.quoted);
  const symptom = [...counted, ...pasted].find((m) => m.row.kind === 'symptom' && !a.subordinate[m.start]
    && !(a.tokens[m.start - 1]?.lemma === 'do' && a.clauseHead[m.start - 1]));
  // "helm says another operation is in progress", "the release stage skips the approval"
  const told = symptom ? undefined : a.tokens.findIndex((_, i) => i > 1 && a.clause[i] === 0 && !a.subordinate[i] && tellsAt(a, i));
  if (!symptom && (told === undefined || told < 0)) return undefined;
  // "the pod does not start": the verb the symptom negates is part of the report.
  const asks = counted.some((m) => (m.row.kind === 'verb' || m.row.kind === 'command' || m.row.kind === 'question') && m.row.intent
    && !(m.start === symptom?.end && a.clause[m.start] === a.clause[symptom.start]) && !a.subordinate[m.start] && usageFactor(a, m) >= (a.clauseHead[m.start] ? 1 : 0.8));
  if (asks) return undefined;
  return symptom ? a.tokens.slice(symptom.start, symptom.end).map((t) => t.lower).join(' ') : a.tokens[told!]!.lower;
}

function hasRequestMarker(a: Analysis, sentence: number): boolean {
  const words = a.tokens.filter((_, i) => a.sentence[i] === sentence).map((t) => t.lower);
  const text = ` ${words.join(' ')} `;
  return REQUEST_MARKERS.some((marker) => text.includes(` ${marker} `));
}

/** A participle after the object ("we need reviews deployed", "get the template deployed") is the action asked; it counts on its own. */
function participleFollows(a: Analysis, verb: number): boolean {
  return a.intents.some((m) => m.start > verb && a.clause[m.start] === a.clause[verb] && m.row.kind === 'verb'
    && (a.tokens[m.start]!.baseAlone || /ed$/.test(a.tokens[m.start]!.lower)));
}

const LIGHT = new Set(LIGHT_VERBS);
const WANTING = new Set(['want', 'need']);

/**
 * "make backup of the mysql database", "please do clean of images", "make restart of nginx": a
 * light verb whose object names the action. Returns the action's intent.
 */
function nominalRequest(a: Analysis, asking: number): { intent: Intent; word: string } | undefined {
  for (let verb = 0; verb < a.tokens.length; verb++) {
    const t = a.tokens[verb]!;
    // "the auditors want an export of …": wanting takes its object anywhere; make and do lead.
    const asked = a.intents.some((m) => m.start < verb && a.clauseHead[m.start] && m.row.kind === 'verb' && m.row.weight >= 1);
    const leads = a.clauseHead[verb] || (WANTING.has(t.lemma) && a.sentence[verb] === asking && !asked);
    if (!LIGHT.has(t.lemma) || !leads || a.subordinate[verb] || participleFollows(a, verb)) continue;
    const words = objectWords(a, verb);
    // "the order-consumer deployment needs 6 replicas"
    if (WANTING.has(t.lemma) && (words.some((w) => CAPACITY.has(w)) || CAPACITY.has(a.tokens[verb + 2]?.lemma ?? ''))) return { intent: 'scale', word: `${t.lower} more capacity` };
    const made = t.lemma === 'make' && MADE_THINGS.find((phrase) => phrase.split(' ').every((p, k) => words[k] === p));
    if (made) return { intent: 'create', word: `make ${made}` };
    const action = namedAction(words);
    if (action) return { intent: action[1], word: `${t.lower} ${action[0]}` };
  }
  return undefined;
}

/** The first words of a verb's object, past fillers, determiners and adjectives: "a quick look at" → look at. */
function objectWords(a: Analysis, verb: number): string[] {
  let j = verb + 1;
  while (j < a.tokens.length && [SETS.fillers, SETS.determiners, SETS.adjectives].some((set) => set.has(a.tokens[j]!.lemma))) j++;
  return a.tokens.slice(j, j + 3).map((t) => t.lemma);
}

const namedAction = (words: string[]) => NOMINAL_ACTIONS.find(([phrase]) => phrase.split(' ').every((p, k) => words[k] === p));

const DESTINATIONS = new Set(DESTINATION_WORDS);

/**
 * "can we get the billing thing onto the live site" (deploy), "could the developers get a local
 * setup" (create), "can we get a pg_dump of it" (backup): what is received says the action.
 */
function receivingRequest(a: Analysis): { intent: Intent; word: string } | undefined {
  const verb = a.tokens.findIndex((_, i) => receivesAt(a.tokens, i) && !a.subordinate[i]);
  // "can I get a shell in …" has a cue of its own.
  if (verb < 0 || a.intents.some((m) => m.start === verb && m.anchors.length > 1)) return undefined;
  const word = a.tokens[verb]!.lower;
  const clause = a.tokens.map((t, i) => ({ t, i })).filter(({ i }) => i > verb && a.clause[i] === a.clause[verb]);
  if (participleFollows(a, verb)) return undefined;
  const placed = clause.some(({ t, i }) => ['onto', 'to', 'into', 'on'].includes(t.lemma)
    && a.tokens.slice(i + 1, i + 4).some((n, k) => DESTINATIONS.has(n.lemma) || a.environments.some((e) => e.start === i + 1 + k)));
  if (placed || clause.some(({ t, i }) => t.lemma === 'front' && a.tokens[i - 1]?.lemma === 'in')) return { intent: 'deploy', word: `${word} … onto` };
  const object = objectWords(a, verb);
  if (object.some((w) => CAPACITY.has(w))) return { intent: 'scale', word: `${word} more capacity` };
  const action = namedAction(object);
  if (action) return { intent: action[1], word: `${word} ${action[0]}` };
  return clause.length ? { intent: NOUN_REQUEST_INTENT, word: `${word} a new thing` } : undefined;
}

const AUXILIARIES = new Set(QUESTION_AUXILIARIES);

/** "is grafana reachable on 3000?", "any open PRs on acme/portal?", "does the backup job still run?": asks what is there. */
function yesNoQuestion(a: Analysis): boolean {
  return !statesTask(a) && yesNoSentences(a).size > 0;
}

const yesNoCache = new WeakMap<Analysis, Set<number>>();

/** The sentences that ask yes or no about what is there. */
function yesNoSentences(a: Analysis): Set<number> {
  const cached = yesNoCache.get(a);
  if (cached) return cached;
  // Any sentence of the text may be the question: "does main pass on CircleCI? the badge looks stale".
  // Typed on a phone the mark is often left off: "is gh actions green on main".
  const asked = new Set(a.tokens.filter((t) => t.questionAfter).map((t) => a.sentence[a.tokens.indexOf(t)]!));
  if (!asked.size && (a.sentence.at(-1) ?? 0) === 0 && a.tokens.length <= 12 && AUXILIARIES.has(a.tokens[0]?.lemma ?? '') && a.tokens[0]!.lemma !== 'any') asked.add(0);
  const found = new Set([...asked].filter((s) => {
    if (hasRequestMarker(a, s)) return false;
    const at = a.tokens.findIndex((t, i) => a.sentence[i] === s && (!SETS.fillers.has(t.lemma) || AUXILIARIES.has(t.lemma)));
    if (at < 0 || !AUXILIARIES.has(a.tokens[at]!.lemma)) return false;
    // "is it possible to …?", "is possible make snapshot …?": the verb after it is asked for.
    return !a.tokens.slice(at + 1, at + 3).some((t) => t.lemma === 'possible');
  }));
  yesNoCache.set(a, found);
  return found;
}
