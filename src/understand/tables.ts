import { compile, foldWord } from './phrases.js';
import { TypoCorrector } from './fuzzy.js';
import { singular } from './text.js';
import { INTENT_CUES, FILLERS, SUBORDINATORS, TASK_SEPARATORS } from './lexicon/intents.js';
import { DOMAIN_CUES, CLOUD_RESOURCE_WORDS, FILE_TYPE_WORDS } from './lexicon/domains.js';
import { SERVICE_SYNONYMS, JENKINS_PIPELINE_WORDS, JENKINS_SERVER_WORDS } from './lexicon/services.js';
import { ENVIRONMENT_SYNONYMS, ENVIRONMENT_NOUNS, ENVIRONMENT_PREPOSITIONS, LOCAL_DEV_NEXT } from './lexicon/environments.js';
import { CLOUD_SYNONYMS } from './lexicon/clouds.js';
import { CI_SYNONYMS } from './lexicon/ci.js';
import { NUMBER_WORDS, COUNT_NOUNS } from './lexicon/numbers.js';
import {
  ABBREVIATIONS, ADJECTIVES, COMMON_APP_NAMES, CONJUNCTIONS, DEFINITE, DEMONSTRATIVES, DETERMINERS, GENERIC_NOUNS, GERUND_LEADS, WANTING_LEADS, MODAL_VERBS, ASKED_PEOPLE, PAST_SUBJECTS, SETTING_KEYS, COMMIT_WORDS,
  IRREGULAR_VERBS, KUBECTL_TYPES, NAME_ANCHORS, PASSIVE_AUXILIARIES, PREPOSITIONS, PRONOUNS, OBJECT_KINDS, WORKLOAD_ANCHORS,
  WORKLOAD_GENERIC_NAMES,
} from './lexicon/words.js';

/** The lexicon compiled once per process: phrase indexes, word sets and the typo corrector. */

const folded = (words: readonly string[]) => new Set(words.map(foldWord));
const phraseWords = (rows: readonly { phrase: string }[]) => rows.flatMap((r) => r.phrase.split(/\s+/)).filter((w) => w !== '…' && !w.startsWith('<'));

const lexiconWords = [
  ...phraseWords(INTENT_CUES), ...phraseWords(DOMAIN_CUES), ...phraseWords(SERVICE_SYNONYMS),
  ...phraseWords(ENVIRONMENT_SYNONYMS), ...phraseWords(CLOUD_SYNONYMS), ...phraseWords(CI_SYNONYMS),
  ...CLOUD_RESOURCE_WORDS.flatMap((w) => w.split(' ')),
].map((w) => w.toLowerCase());

const closedClassWords = [
  ...DETERMINERS, ...PREPOSITIONS, ...CONJUNCTIONS, ...PRONOUNS, ...ADJECTIVES, ...GENERIC_NOUNS, ...FILLERS,
  ...SUBORDINATORS, ...TASK_SEPARATORS, ...Object.keys(NUMBER_WORDS), ...COUNT_NOUNS, ...ENVIRONMENT_NOUNS,
  ...NAME_ANCHORS, ...JENKINS_PIPELINE_WORDS, ...JENKINS_SERVER_WORDS, ...LOCAL_DEV_NEXT, ...Object.keys(OBJECT_KINDS),
  ...ENVIRONMENT_PREPOSITIONS,
  // Everyday words of requests that are never names.
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'do', 'does', 'did', 'done', 'have', 'has', 'had', 'not',
  'what', 'how', 'why', 'who', 'which', 'where', 'when', 'there', 'here', 'than', 'very', 'too', 'only', 'even', 'still',
  'yet', 'already', 'right', 'now', 'ever', 'never', 'always', 'keep', 'keeps', 'getting', 'going', 'make', 'get',
  'let', 'say', 'says', 'said', 'tell', 'give', 'take', 'put', 'use', 'used', 'using', 'want', 'need', 'like', 'try',
  'sure', 'ok', 'yes', 'no', 'thanks', 'thank', 'please', 'able', 'instead', 'every', 'across', 'whatever', 'anyone',
  'someone', 'everyone', 'should', 'would', 'could', 'might', 'may', 'must', 'shall', 'will', 'can', 'also', 'just',
  'called', 'named', 'name', 'so', 'such', 'own', 'away', 'out', 'again', 'currently', 'running', 'holds', 'hold',
  'expose', 'exposing', 'exposed', 'listen', 'listening', 'publish', 'publishing', 'mapped', 'tagged',
  'made', 'built', 'ran', 'gone', 'seen', 'taken', 'going', 'alive', 'right', 'away',
];

const withSingulars = (words: string[]) => new Set(words.map((w) => w.toLowerCase()).flatMap((w) => [w, singular(w)]));

/** Every word the lexicon uses: such words are never typo-corrected. */
const KNOWN_WORDS: ReadonlySet<string> = withSingulars([...lexiconWords, ...closedClassWords]);

/**
 * Words that mean something on their own, so they are not taken for a user's name when nothing
 * marks them as one: whole one-word phrases of the lexicon and the closed word classes. Words
 * that only appear inside longer phrases ("api" in "api gateway") stay free to be names.
 */
export const MEANINGFUL_WORDS: ReadonlySet<string> = withSingulars([
  ...[INTENT_CUES, DOMAIN_CUES, SERVICE_SYNONYMS, ENVIRONMENT_SYNONYMS, CLOUD_SYNONYMS, CI_SYNONYMS].flatMap((rows) =>
    (rows as readonly { phrase: string }[]).map((r) => r.phrase).filter((p) => !p.includes(' '))),
  ...closedClassWords,
]);

const typoTargets = [
  ...phraseWords(SERVICE_SYNONYMS), ...phraseWords(DOMAIN_CUES), ...phraseWords(CLOUD_SYNONYMS), ...phraseWords(CI_SYNONYMS),
  ...phraseWords(ENVIRONMENT_SYNONYMS), ...phraseWords(INTENT_CUES.filter((c) => c.kind === 'verb' || c.kind === 'command')),
].map((w) => w.toLowerCase());

const corrector = new TypoCorrector(typoTargets, KNOWN_WORDS);

/** The matching form of a lower-case word: short forms expanded, typo corrected when unknown, then singular. */
export function fold(lower: string): string {
  if (Object.hasOwn(ABBREVIATIONS, lower)) return ABBREVIATIONS[lower]!;
  // "--replicas=3", "tier=backend": matched by their key
  const setting = /^-{0,2}([a-z][\w.-]*)=./.exec(lower);
  if (setting) return fold(setting[1]!);
  const fileType = FILE_TYPE_WORDS.find((f) => lower.endsWith(f.suffix) && lower.length > f.suffix.length);
  if (fileType) return fileType.word;
  const one = singular(lower);
  if (KNOWN_WORDS.has(one) || KNOWN_WORDS.has(lower)) return one;
  const corrected = corrector.correct(lower);
  return corrected === lower ? one : singular(corrected);
}

/** Function words and everyday words: never a user's name. */
export const CLOSED_CLASS: ReadonlySet<string> = withSingulars(closedClassWords.filter((w) => !GENERIC_NOUNS.includes(w) && !COUNT_NOUNS.includes(w) && !NAME_ANCHORS.includes(w)));

/** Request verbs as people write them ("deploy", "build"): a kind of thing, not a name, in "the deploy job". */
export const SINGLE_WORD_VERBS: ReadonlySet<string> = new Set(INTENT_CUES.filter((c) => c.kind === 'verb' && !c.phrase.includes(' ')).map((c) => c.phrase));

/** Every word of a verb or command cue: the bases that -ed and -ing forms are read back to. */
const VERB_WORDS: ReadonlySet<string> = new Set(phraseWords(INTENT_CUES.filter((c) => c.kind === 'verb' || c.kind === 'command')).map(foldWord));

/** "rolled" → roll, "stopping" → stop, "torn" → tear: the verb a participle is a form of, if the lexicon has it. */
export function verbBase(lower: string): string | undefined {
  if (Object.hasOwn(IRREGULAR_VERBS, lower)) return IRREGULAR_VERBS[lower];
  const stem = lower.endsWith('ed') ? lower.slice(0, -2) : lower.endsWith('ing') ? lower.slice(0, -3) : undefined;
  if (!stem || stem.length < 2) return undefined;
  const doubled = stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2] ? stem.slice(0, -1) : undefined;
  const candidates = [stem, `${stem}e`, doubled, lower.endsWith('ied') ? `${lower.slice(0, -3)}y` : undefined];
  return candidates.find((c): c is string => c !== undefined && VERB_WORDS.has(c));
}

export const INDEX = {
  intents: compile(INTENT_CUES),
  domains: compile(DOMAIN_CUES),
  services: compile(SERVICE_SYNONYMS),
  environments: compile(ENVIRONMENT_SYNONYMS),
  clouds: compile(CLOUD_SYNONYMS),
  ci: compile(CI_SYNONYMS),
  cloudResources: compile(CLOUD_RESOURCE_WORDS.map((phrase) => ({ phrase }))),
};

export const SETS = {
  determiners: folded(DETERMINERS),
  definite: folded(DEFINITE),
  demonstratives: folded(DEMONSTRATIVES),
  prepositions: folded(PREPOSITIONS),
  conjunctions: folded(CONJUNCTIONS),
  pronouns: folded(PRONOUNS),
  adjectives: folded(ADJECTIVES),
  generic: folded(GENERIC_NOUNS),
  anchors: folded(NAME_ANCHORS),
  fillers: folded(FILLERS),
  subordinators: folded(SUBORDINATORS),
  separators: folded(TASK_SEPARATORS),
  countNouns: folded(COUNT_NOUNS),
  environmentNouns: folded(ENVIRONMENT_NOUNS),
  environmentPrepositions: folded(ENVIRONMENT_PREPOSITIONS),
  localDevNext: folded(LOCAL_DEV_NEXT),
  jenkinsPipeline: folded(JENKINS_PIPELINE_WORDS),
  jenkinsServer: folded(JENKINS_SERVER_WORDS),
  passiveAuxiliaries: new Set(PASSIVE_AUXILIARIES),
  gerundLeads: new Set(GERUND_LEADS),
  wantingLeads: new Set(WANTING_LEADS),
  modals: new Set(MODAL_VERBS),
  askedPeople: new Set(ASKED_PEOPLE),
  pastSubjects: new Set(PAST_SUBJECTS),
  settingKeys: new Set(SETTING_KEYS),
  commitWords: new Set(COMMIT_WORDS),
  workloadAnchors: folded(WORKLOAD_ANCHORS),
  workloadGenericNames: new Set(WORKLOAD_GENERIC_NAMES),
  commonAppNames: new Set(COMMON_APP_NAMES),
  kubectlTypes: new Set(KUBECTL_TYPES),
};
