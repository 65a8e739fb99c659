import type { Domain, Entities, Intent } from '../core/interpretation.js';
import type { Analysis } from './analyze.js';
import type { Extracted } from './entities.js';
import { list } from './entities.js';
import { SETS } from './tables.js';
import { requestSentence } from './intent.js';
import type { DefaultFact, DomainCue } from './lexicon/domains.js';
import { CI_ARTIFACT_NOUNS, DEFAULT_DOMAIN_RULES, MACHINE_RESOURCES, DOMAIN_OVERLAPS, QUALIFIED_NOUNS, REPOSITORY_LOCAL_VERBS, STRENGTH_VALUE } from './lexicon/domains.js';

/** One reason a domain is involved: the words, how strongly they point at it. */
interface DomainEvidence {
  domain: Domain;
  strength: number;
  cue: string;
  /** Where the words stand; -1 for evidence of the whole text. */
  at: number;
}

/** The evidence the text itself gives, before any default. */
export function domainEvidence(a: Analysis, extracted: Extracted, shellText: boolean): DomainEvidence[] {
  const evidence: DomainEvidence[] = [];
  const e = extracted.entities;
  // "the ingress namespace", "the release branch": a word that is a value of the request, not its tool
  const values = new Set([...list(e.namespace), ...list(e.name), ...list(e.branch)].map((v) => String(v).toLowerCase()));
  for (const m of a.domains) {
    const cue = m.row;
    if (!cue.domain) continue;
    if (cue.nounOnly && !isNoun(a, m.start)) continue;
    if (cue.strength === 'object' && m.anchors.length === 1 && (values.has(a.tokens[m.start]!.lower) || qualifies(a, m.end))) continue;
    if (cue.domain === 'ci' && extracted.jenkinsIsService && a.tokens[m.start]!.lemma === 'jenkins') continue;
    let strength = STRENGTH_VALUE[cue.strength];
    // "a Helm chart for a minio deployment": an object after "for" describes what is made.
    if (cue.strength === 'object' && describedAfterFor(a, m.start)) strength = STRENGTH_VALUE.hint;
    if (cue.phrase === 'namespace' && actedOn(a, m.start)) strength = STRENGTH_VALUE.object;
    // "install jenkins on kubernetes": the platform named as a place, not kubectl-level work.
    if (cue.domain === 'kubernetes' && cue.strength === 'tool' && m.anchors.length === 1 && isPlace(a, m.start)) strength = STRENGTH_VALUE.context;
    // "upgrade the chart on the staging cluster": the cluster as the place a release goes.
    if (cue.phrase === 'cluster' && isPlace(a, m.start)) strength = Math.min(strength, STRENGTH_VALUE.context);
    // "a workflow that runs terraform plan", "a template that creates an EFS file system": what an
    // artifact does or holds is its own content, not more tools.
    const artifact = describingArtifact(a, m.start);
    if (artifact && artifact !== cue.domain && (artifact === 'ci' || cue.strength !== 'tool')) strength = Math.min(strength, STRENGTH_VALUE.hint);
    evidence.push({ domain: cue.domain, strength, cue: cue.phrase, at: m.start });
  }
  if (shellText) evidence.push({ domain: 'shell', strength: STRENGTH_VALUE.tool, cue: 'shell command', at: -1 });
  const path = a.tokens.find((t) => /^(~|\.{0,2}\/)[\w.~/*-]+$/.test(t.raw) && t.raw.length > 1);
  if (path) evidence.push({ domain: 'shell', strength: STRENGTH_VALUE.hint, cue: path.raw, at: -1 });
  // owner/repo is a hosted repository, unless it is cloned to work on locally
  const local = a.tokens.some((t) => REPOSITORY_LOCAL_VERBS.includes(t.lemma));
  if (extracted.repositories.length) evidence.push({ domain: local ? 'git' : 'github', strength: STRENGTH_VALUE.object, cue: extracted.repositories[0]!, at: -1 });
  // "deploy/web", "sts/kafka": kubectl's TYPE/NAME
  const typed = a.tokens.find((t) => SETS.kubectlTypes.has(/^([a-z]+)\/[a-z0-9]/.exec(t.lower)?.[1] ?? ''));
  if (typed) evidence.push({ domain: 'kubernetes', strength: STRENGTH_VALUE.object, cue: typed.raw, at: -1 });
  const file = a.tokens.find((_, i) => a.classes[i]!.has('file'));
  if (file) evidence.push({ domain: 'shell', strength: STRENGTH_VALUE.hint, cue: file.raw, at: -1 });
  if (extracted.jenkinsIsService) evidence.push({ domain: 'docker', strength: STRENGTH_VALUE.hint, cue: 'jenkins server', at: -1 });
  return asideIsContext(a, evidence);
}

/** In a clause opened by "that"/"which"/"who", which describes what is acted on ("a compose environment that mirrors our Kubernetes manifests"). */
function relative(a: Analysis, i: number): boolean {
  let j = i;
  while (j > 0 && a.subordinate[j - 1] && a.clause[j - 1] === a.clause[i]) j--;
  return ['that', 'which', 'who'].includes(a.tokens[j]!.lemma);
}

/**
 * "Once CI passes, please roll out main.bicep", "can someone revert a1b2c3d on main? it broke the
 * build": tools named in a later aside or in a subordinate clause only say where the request comes
 * from, once the sentence that asks names a tool of its own.
 */
function asideIsContext(a: Analysis, evidence: DomainEvidence[]): DomainEvidence[] {
  const asking = requestSentence(a);
  // The first sentence is kept: a title or an opening line names what the request is about.
  const inRequest = (e: DomainEvidence) => e.at < 0 || ([0, asking].includes(a.sentence[e.at]!) && !(a.subordinate[e.at] && !relative(a, e.at)));
  if (!evidence.some((e) => inRequest(e) && e.strength >= STRENGTH_VALUE.object)) return evidence;
  return evidence.map((e) => (inRequest(e) ? e : { ...e, strength: Math.min(e.strength, STRENGTH_VALUE.hint) }));
}

export interface DomainDecision {
  domains: Domain[];
  /** How the domains were decided: named by the text, hinted, or by a default rule. */
  basis: 'named' | 'hinted' | 'default' | 'none';
  reasons: string[];
}

export function decideDomains(a: Analysis, evidence: DomainEvidence[], entities: Entities, intent: Intent | undefined): DomainDecision {
  const strongest = new Map<Domain, DomainEvidence>();
  for (const e of evidence) {
    const current = strongest.get(e.domain);
    if (!current || e.strength > current.strength) strongest.set(e.domain, e);
  }
  const reasons: string[] = [];
  for (const rule of DOMAIN_OVERLAPS) {
    const present = strongest.get(rule.drop);
    if (!present || present.strength >= STRENGTH_VALUE[rule.below]) continue;
    if (rule.onlyCues && evidence.some((e) => e.domain === rule.drop && !rule.onlyCues!.includes(e.cue))) continue;
    const shadowed = rule.when.some((d) => (strongest.get(d)?.strength ?? 0) >= STRENGTH_VALUE[rule.whenAtLeast ?? 'object']);
    if (shadowed) {
      strongest.delete(rule.drop);
      reasons.push(`not ${rule.drop}: ${rule.reason}`);
    }
  }
  const named = [...strongest.values()].filter((e) => e.strength >= STRENGTH_VALUE.object);
  if (named.length) {
    return { domains: orderOf(named.map((e) => e.domain)), basis: 'named', reasons: [...named.map((e) => `${e.domain} from "${e.cue}"`), ...reasons] };
  }
  // Where something happens ("in the shop namespace") outranks the defaults; loose hints do not.
  const weakest = (min: number) => {
    const candidates = [...strongest.values()].filter((e) => e.strength >= min);
    const top = Math.max(...candidates.map((e) => e.strength));
    return candidates.filter((e) => e.strength === top);
  };
  const inContext = weakest(STRENGTH_VALUE.context);
  if (inContext.length) return { domains: orderOf(inContext.map((e) => e.domain)), basis: 'hinted', reasons: inContext.map((e) => `${e.domain} from "${e.cue}"`) };
  const facts = defaultFacts(a, entities, intent);
  for (const rule of DEFAULT_DOMAIN_RULES) {
    if (rule.intents && (!intent || !rule.intents.includes(intent))) continue;
    if (rule.when.every((f) => facts.has(f))) return { domains: [rule.domain], basis: 'default', reasons: [`${rule.domain}: ${rule.reason}`] };
  }
  const hinted = weakest(STRENGTH_VALUE.hint);
  if (hinted.length) return { domains: orderOf(hinted.map((e) => e.domain)), basis: 'hinted', reasons: hinted.map((e) => `${e.domain} from "${e.cue}"`) };
  return { domains: [], basis: 'none', reasons: [] };
}

function defaultFacts(a: Analysis, entities: Entities, intent: Intent | undefined): Set<DefaultFact> {
  const facts = new Set<DefaultFact>();
  if (entities.cloud) facts.add('cloud');
  if (a.cloudResources.length) facts.add('cloudResource');
  if ((entities.services?.length ?? 0) >= 2) facts.add('severalServices');
  if (entities.environments?.some((e) => e !== 'dev')) facts.add('sharedEnvironment');
  const names = list(entities.name);
  if (names.length >= 2) facts.add('severalNames');
  if (names.length || entities.services?.length || entities.image || entities.port) facts.add('oneTarget');
  const noTarget = !names.length && !entities.services?.length && !entities.image;
  const aboutMachine = entities.port !== undefined || hasPath(a) || a.tokens.some((t) => MACHINE_RESOURCES.includes(t.lemma));
  if (noTarget && (intent === 'execute' || (intent === 'monitor' && aboutMachine))) facts.add('machineTask');
  return facts;
}

function hasPath(a: Analysis): boolean {
  return a.tokens.some((t) => /^(\.{0,2}\/|~)/.test(t.raw));
}

/**
 * A noun, not a verb or a modifier: "the api release", "a failing build"; not "release v2 to
 * prod", "bicep build" or "the build directory".
 */
function isNoun(a: Analysis, i: number): boolean {
  if (a.clauseHead[i]) return false;
  // "a job that deploys to prod": a verb of a relative clause
  if (['that', 'which', 'who'].includes(a.tokens[i - 1]?.lemma ?? '')) return false;
  const next = a.tokens[i + 1];
  if (next && !next.breakBefore && SETS.generic.has(next.lemma)) return false;
  for (let j = i - 1; j >= Math.max(0, i - 2); j--) {
    const l = a.tokens[j]!.lemma;
    if (SETS.determiners.has(l) || SETS.adjectives.has(l)) return true;
  }
  return false;
}

/** "the network folder", "the ingress namespace": the object word only says which folder or namespace. */
function qualifies(a: Analysis, next: number): boolean {
  const t = a.tokens[next];
  return Boolean(t && !t.breakBefore && QUALIFIED_NOUNS.includes(t.lemma));
}

/** "delete the legacy-apps namespace": the namespace is acted on, not only the place. */
function actedOn(a: Analysis, i: number): boolean {
  return a.intents.some((m) => {
    if (!m.row.intent || (m.row.kind !== 'verb' && m.row.kind !== 'command')) return false;
    const end = m.anchors[m.anchors.length - 1]!;
    if (end >= i || i - end > 3 || a.clause[end] !== a.clause[i]) return false;
    return a.tokens.slice(end + 1, i).every((t) => !SETS.prepositions.has(t.lemma));
  });
}

function isPlace(a: Analysis, i: number): boolean {
  // "on kubernetes", "on the staging cluster", "into the new shop namespace"
  let j = i - 1;
  while (j >= 0 && i - j <= 3 && (SETS.determiners.has(a.tokens[j]!.lemma) || SETS.adjectives.has(a.tokens[j]!.lemma) || a.claimed[j])) j--;
  return ['on', 'in', 'to', 'into', 'onto'].includes(a.tokens[j]?.lemma ?? '');
}

/** "Jenkins", "GitLab": the system, not a pipeline file ("Jenkinsfile", ".gitlab-ci.yml"). */
function isCiSystemName(cue: DomainCue): boolean {
  return cue.strength === 'tool' && !/(file|\.ya?ml|^\..*)$/.test(cue.phrase);
}

/** "a gitlab-ci job that …", "a GitHub Actions workflow …": the system named with what is written for it. */
function namesCiArtifact(a: Analysis, end: number): boolean {
  const next = a.tokens[end];
  return Boolean(next && !next.breakBefore && CI_ARTIFACT_NOUNS.includes(next.lemma));
}

/** The domain of an artifact whose description ("that …", "to …", "with …") the token is part of. */
function describingArtifact(a: Analysis, i: number): Domain | undefined {
  const artifact = a.domains.find((m) => m.row.artifact && m.row.domain && m.end <= i && a.sentence[m.start] === a.sentence[i]
    && (m.row.domain === 'ci' ? a.clause[m.start] === a.clause[i] && (!isCiSystemName(m.row) || namesCiArtifact(a, m.end)) : true));
  if (!artifact) return undefined;
  const between = a.tokens.slice(artifact.end, i);
  return between.some((t) => ['that', 'which', 'to', 'who', 'with', 'using'].includes(t.lemma)) ? artifact.row.domain ?? undefined : undefined;
}

/** "a Helm chart for a minio deployment": after an artifact, "for" says what the artifact holds. */
function describedAfterFor(a: Analysis, i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    if (a.clause[j] !== a.clause[i]) return false;
    if (a.tokens[j]!.lemma === 'for') return a.domains.some((m) => m.row.artifact && m.end <= j && a.clause[m.start] === a.clause[i]);
  }
  return false;
}

const ORDER: Domain[] = ['terraform', 'cloudformation', 'arm', 'bicep', 'docker', 'compose', 'kubernetes', 'helm', 'git', 'github', 'ci', 'shell'];

function orderOf(domains: Domain[]): Domain[] {
  return [...new Set(domains)].sort((x, y) => ORDER.indexOf(x) - ORDER.indexOf(y));
}
