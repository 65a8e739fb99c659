import type { Entities } from '../core/interpretation.js';
import type { Analysis } from './analyze.js';
import { FILE_NAME, NEGATIONS, isImageReference, numberValue } from './analyze.js';
import { requestSentence } from './intent.js';
import { CLOSED_CLASS, MEANINGFUL_WORDS, SETS, SINGLE_WORD_VERBS } from './tables.js';
import type { Environment } from './lexicon/environments.js';
import { ENVIRONMENT_SYNONYMS, LOCAL_DEV_PHRASES } from './lexicon/environments.js';
import type { Cloud } from './lexicon/clouds.js';
import type { CiSystem } from './lexicon/ci.js';
import { MEMORY_UNITS } from './lexicon/numbers.js';
import { OBJECT_KINDS, SYSTEM_NAMESPACES } from './lexicon/words.js';

/**
 * The contract's entities, read from an analysed request. Each extractor marks the tokens it used
 * so that a later one does not report the same word under a second key ("own keys first").
 */
export interface Extracted {
  entities: Entities;
  /** Jenkins named as a server, not as the pipeline system. */
  jenkinsIsService: boolean;
  /** "dev" came only from "locally" / "on my laptop": dropped for git and shell requests. */
  devFromLocalPlace: boolean;
  /** owner/repo references that are repositories, not images. */
  repositories: string[];
  /** Names found with an object noun: the noun's kind ("network" for "the backend network"). */
  nameKinds: Map<string, string>;
}

const K8S_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const NAME_SHAPE = /^[A-Za-z0-9][\w./-]*$/;
const LONG_REQUEST = 25;
/** Endings of ordinary English words (abstract nouns, adverbs, participles) that are rarely names. */
const ENGLISH_ENDINGS = /(tion|sion|ment|ness|ity|ly|ance|ence|ed|ize|ise)$/i;
const BRANCH_PREFIXES = ['feature', 'feat', 'release', 'hotfix', 'bugfix', 'fix', 'chore', 'dependabot', 'renovate', 'topic', 'users', 'user', 'docs', 'refactor', 'experiment'];
const KNOWN_BRANCHES = ['main', 'master', 'develop', 'trunk', 'development', 'gh-pages', 'release'];
const BRANCH_PREPOSITIONS = ['on', 'to', 'from', 'into', 'off', 'onto', 'against', 'target', 'targets', 'targeting', 'of', 'at', 'for'];
const NAMING_WORDS = ['called', 'named', 'name', 'titled', 'labelled', 'labeled'];
const BOUNDARY_VERBS = [
  'is', 'are', 'was', 'were', 'has', 'have', 'keeps', 'keep', 'returns', 'return', 'does', 'do', 'did', 'will', 'should',
  'can', 'back', 'so', 'now', 'again', 'please', 'asap', 'first', 'too', 'only', 'failed', 'fails', 'failing', 'crashed',
  'crashes', 'crashing', 'hangs', 'hung', 'throws', 'throwing', 'went', 'broke', 'stopped', 'exited', 'exits', 'died',
  'timed', 'says', 'shows', 'needs', 'uses', 'runs', 'got', 'gets', 'won', 'cannot', 'isn', 'doesn', 'seems', 'seem', 'looks', 'stuck', 'hanging', 'restarting', 'except',
];
const VERSION_VERBS = ['upgrade', 'downgrade', 'bump', 'pin', 'update'];
const VERSION_WORDS = ['version', 'revision', 'rev', 'tag', 'apiversion', 'release', 'provider', 'chart'];
const UNIT_WORDS = new Set(['%', 'percent', 'cpu', 'cpus', 'core', 'cores', 'x', 'times', 'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'gb', 'mb', 'kb', 'tb', 'gib', 'mib', 'line', 'lines', 'approval', 'approvals', 'week', 'weeks', 'subnet', 'subnets', 'am', 'pm', 'commit', 'commits', 'file', 'files', 'process', 'processes', 'request', 'requests']);
const IMAGE_VERBS = ['run', 'pull', 'push', 'build', 'scan', 'rmi', 'tag', 'image', 'images', 'docker'];
/** LOG_LEVEL, NPM_TOKEN: a variable or secret key, a setting of the thing rather than the thing. */
const VARIABLE_KEY = /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/;
/** 10Gi, 512Mi, 504s, 2GB: a quantity. */
const QUANTITY = /^\d+(\.\d+)?[a-z]{1,3}$/i;
/** Words before a place that, in a Kubernetes or Helm request, is a namespace: "uninstall it from monitoring". */
const NAMESPACE_PLACE_WORDS = ['in', 'into', 'from'];
const OBJECT_KIND_WORDS = new Set(Object.keys(OBJECT_KINDS));

export function extractEntities(a: Analysis): Extracted {
  const used = [...a.claimed];
  const take = (i: number) => { used[i] = true; };
  const entities: Entities = {};
  const { tokens } = a;
  const lemma = (i: number) => tokens[i]?.lemma ?? '';
  const lower = (i: number) => tokens[i]?.lower ?? '';

  // services, with the guards that keep "go back" and "node group" out; Jenkins by context
  const services: string[] = [];
  let jenkinsIsService = false;
  let jenkinsAsCi = false;
  for (const m of a.services) {
    const next = lower(m.end);
    if (!m.row.services) continue;
    if (m.row.nextIs && !m.row.nextIs.includes(next)) continue;
    if (m.row.nextIsNot?.includes(next)) continue;
    if (m.row.services.includes('jenkins')) {
      const pipeline = tokens.filter((t) => SETS.jenkinsPipeline.has(t.lemma)).length;
      const server = tokens.filter((t) => SETS.jenkinsServer.has(t.lemma)).length;
      if (pipeline > server || server === 0) {
        jenkinsAsCi = true;
        continue;
      }
      jenkinsIsService = true;
    }
    services.push(...m.row.services);
  }
  if (services.length) entities.services = unique(services);

  // environments
  const envs: Environment[] = [];
  let devFromLocalPlace = false;
  const envAt = new Set<number>();
  for (const m of a.environments) {
    if (!m.row.environment) continue;
    if (m.row.ambiguous && !inEnvironmentPosition(a, m.start, m.end, envAt)) continue;
    envs.push(m.row.environment);
    for (const i of m.anchors) { envAt.add(i); take(i); }
  }
  tokens.forEach((t, i) => {
    if (t.lemma === 'local' && SETS.localDevNext.has(lemma(i + 1)) && !envs.includes('dev')) { envs.push('dev'); take(i); }
    // "qa/stage/prod", "dev,staging": a list of environments written as one word.
    const parts = t.lower.split(/[/,+]/);
    if (parts.length > 1 && parts.every((p) => ENVIRONMENT_WORDS.has(p))) {
      for (const p of parts) envs.push(ENVIRONMENT_WORDS.get(p)!);
      take(i);
    }
  });
  if (!envs.includes('dev') && /\b(local|my|localhost)/i.test(a.text) && LOCAL_DEV_PHRASES.some((p) => containsPhrase(a, p))) {
    envs.push('dev');
    devFromLocalPlace = true;
  }
  if (envs.length) entities.environments = unique(envs);

  // cloud and CI system
  const clouds = unique(a.clouds.flatMap((m) => (m.row.cloud ? [m.row.cloud] : []))) as Cloud[];
  if (clouds.length) entities.cloud = one(clouds);
  const ci = unique([...a.ci.flatMap((m) => (m.row.ci ? [m.row.ci] : [])), ...(jenkinsAsCi ? ['jenkins' as const] : [])]) as CiSystem[];
  if (ci.length) entities.ci = one(ci);

  // images: a tag, digest or registry host; owner/repo when run, pulled, pushed or called an image
  const images: string[] = [];
  const repositories: string[] = [];
  tokens.forEach((t, i) => {
    if (a.classes[i]!.has('image')) { images.push(t.raw); take(i); return; }
    if (isRepositoryPath(t.raw) && !used[i]) {
      const window = tokens.slice(Math.max(0, i - 4), i + 3).filter((_, k) => !a.claimed[Math.max(0, i - 4) + k]).map((w) => w.lemma);
      if (window.some((w) => IMAGE_VERBS.includes(w))) images.push(t.raw);
      else repositories.push(t.raw);
      take(i);
    }
  });
  if (images.length) entities.image = one(unique(images));

  // namespace
  const namespaces: string[] = [];
  tokens.forEach((t, i) => {
    // "kube-system", "payments-ns": namespaces by their shape
    if ((SYSTEM_NAMESPACES.includes(t.lower) || /.-(ns|namespace)$/.test(t.lower)) && K8S_NAME.test(t.lower)) { namespaces.push(t.raw); take(i); return; }
    if (t.lower === '-n' || t.lower === '--namespace') {
      if (tokens[i + 1] && K8S_NAME.test(lower(i + 1))) { namespaces.push(tokens[i + 1]!.raw); take(i + 1); }
      return;
    }
    const flag = /^--namespace=(.+)$/.exec(t.lower);
    if (flag && K8S_NAME.test(flag[1]!)) { namespaces.push(flag[1]!); return; }
    if (t.lemma !== 'namespace') return;
    const before = i - 1;
    if (before >= 0 && !tokens[i]!.breakBefore && isNamespaceName(a, before, used)) { namespaces.push(tokens[before]!.raw); take(before); return; }
    let after = i + 1;
    // "namespace called shop", "our namespace is payments", "namespace=payments"
    while (NAMING_WORDS.includes(lemma(after)) || ['is', 'be', 'will', 'should', '=', 'to'].includes(lemma(after))) after++;
    if (['manifest', 'object', 'resource', 'yaml', 'file'].includes(lemma(after)) && lemma(after + 1) === 'for') after += 2;
    if (tokens[after] && !tokens[after]!.breakBefore && isNamespaceName(a, after, used)) { namespaces.push(tokens[after]!.raw); take(after); }
  });
  // "uninstall the prometheus release from monitoring": a bare place in a Kubernetes or Helm request
  if (!namespaces.length && a.domains.some((m) => m.row.domain === 'kubernetes' || m.row.domain === 'helm')) {
    const cueWords = new Set([...a.intents, ...a.domains].flatMap((m) => m.anchors));
    tokens.forEach((t, i) => {
      if (!NAMESPACE_PLACE_WORDS.includes(lemma(i - 1)) || used[i] || a.claimed[i] || cueWords.has(i) || t.breakBefore || !isBoundary(a, i + 1)) return;
      if (!K8S_NAME.test(t.lower) || KNOWN_BRANCHES.includes(t.lower) || !isNameToken(a, i, used, false, 'inflected') || SETS.anchors.has(t.lemma)) return;
      namespaces.push(t.raw);
      take(i);
    });
  }
  if (namespaces.length) entities.namespace = one(unique(namespaces));
  // "the staging namespace" is a namespace, not also an environment
  const namespaceWords = new Set(namespaces.map((n) => n.toLowerCase()));
  if (entities.environments && [...envAt].some((i) => namespaceWords.has(lower(i)))) {
    const kept = a.environments.filter((m) => m.row.environment && m.anchors.some((i) => envAt.has(i) && !namespaceWords.has(lower(i)))).map((m) => m.row.environment!);
    if (kept.length) entities.environments = unique(kept);
    else delete entities.environments;
  }

  // ports: "port 8080", "8080:80", "-p 8080", "on 8080", "the port … to 5433"
  const ports: number[] = [];
  const clauseHasPortWord = new Set<number>();
  tokens.forEach((t, i) => {
    const mapping = /^(\d{2,5}):(\d{1,5})(\/(tcp|udp))?$/.exec(t.lower);
    // "at 16:45", "after 3:30": a time of day, not a port mapping.
    if (mapping && !isTimeOfDay(t.lower, lemma(i - 1))) { ports.push(Number(mapping[1])); take(i); return; }
    if (['port', '-p', '--port', 'expose', 'exposing', 'exposed', 'listen', 'listening', 'localhost'].includes(t.lemma) || (t.lemma === 'on' && isPortLike(tokens[i + 1]?.lower, true) && !SETS.countNouns.has(lemma(i + 2)) && !UNIT_WORDS.has(lemma(i + 2)))) {
      let j = i + 1;
      if (['on', 'port'].includes(lemma(j))) j++;
      if (lemma(j) === 'port') j++;
      const value = tokens[j]?.lower.replace(/^:/, '');
      if (isPortLike(value) && !used[j]) { ports.push(Number(value)); take(j); return; }
    }
    if (t.lemma === 'port') clauseHasPortWord.add(a.clause[i]!);
    const url = /^(?:https?:\/\/)?(?:localhost|127\.0\.0\.1|0\.0\.0\.0):(\d{2,5})\b/.exec(t.lower);
    if (url) ports.push(Number(url[1]));
  });
  tokens.forEach((t, i) => {
    if (t.lemma === 'to' && clauseHasPortWord.has(a.clause[i]!) && !used[i + 1] && isPortLike(lower(i + 1)) && !ports.length) { ports.push(Number(lower(i + 1))); take(i + 1); }
  });
  const portValues = unique(ports).filter((p) => p > 0 && p < 65536);
  if (portValues.length) entities.port = one(portValues);

  // replicas: "3 replicas", "to three", "replicas=4", "between 2 and 6"
  const replicas: number[] = [];
  const scaledServices: string[] = [];
  tokens.forEach((t, i) => {
    // `--replicas=4`, `replicas: 6`, `maxReplicas: 12`, `replicaCount=3`: a count written as a setting.
    const flag = /^(?:--)?(?:max|min)?replicas?(?:count)?[=:](\d+)$/.exec(t.lower);
    if (flag) { replicas.push(Number(flag[1])); return; }
    const setting = t.lower !== 'replica' && t.lower !== 'replicas' || tokens[i + 1]?.breakBefore;
    if (/^(?:max|min)?replicas?(?:count)?$/.test(t.lower) && setting && numberValue(tokens[i + 1]) !== undefined && !used[i + 1]) {
      replicas.push(numberValue(tokens[i + 1])!);
      take(i + 1);
      return;
    }
    // `--scale worker=3` (Compose): the service and its count.
    const scale = t.lower === '--scale' ? /^([a-z0-9][a-z0-9_.-]*)=(\d+)$/.exec(lower(i + 1)) : /^--scale=([a-z0-9][a-z0-9_.-]*)=(\d+)$/.exec(t.lower);
    // "web=4, worker=2 via compose": counts written as settings of named services.
    const counts = scale ? undefined : /^([a-z][a-z0-9_.-]*)=(\d+)$/.exec(t.lower);
    if (counts && !SETS.settingKeys.has(counts[1]!)) {
      replicas.push(Number(counts[2]));
      scaledServices.push(counts[1]!);
      take(i);
      return;
    }
    if (scale) {
      replicas.push(Number(scale[2]));
      scaledServices.push(scale[1]!);
      take(t.lower === '--scale' ? i + 1 : i);
      return;
    }
    if ((t.lower === '--replicas' || t.lemma === 'replica' && lower(i + 1) === '=') && numberValue(tokens[i + 1]) !== undefined) { replicas.push(numberValue(tokens[i + 1])!); take(i + 1); return; }
    const n = numberValue(t);
    if (n === undefined || used[i]) return;
    const next = SETS.countNouns.has(lemma(i + 1)) ? i + 1 : (SETS.countNouns.has(lemma(i + 2)) && !tokens[i + 2]!.breakBefore && (a.classes[i + 1]!.has('service') || SETS.adjectives.has(lemma(i + 1)) || lemma(i + 1) === 'more')) ? i + 2 : -1;
    // "two node pools" counts pools, "mysql 8 container" names a version
    const counted = next > 0 && !['pool', 'group', 'type', 'size'].includes(lemma(next + 1)) && !(a.classes[i - 1]?.has('service') && next === i + 1 && /^\d+$/.test(t.lower));
    if (counted && !(lemma(next) === 'container' && lemma(i - 1) === 'top')) { replicas.push(n); take(i); }
  });
  const scaleLike = a.intents.some((m) => m.row.intent === 'scale');
  tokens.forEach((t, i) => {
    if (used[i + 1]) return;
    const n = numberValue(tokens[i + 1]);
    if (n === undefined || UNIT_WORDS.has(lemma(i + 2)) || /^\d+(gb|mb|g|m|k|%)$/.test(lower(i + 1))) return;
    const scaleContext = scaleLike || tokens.slice(Math.max(0, i - 6), i).some((w) => w.lemma === 'replica' || w.lemma === 'instance');
    if (!scaleContext) return;
    if ((t.lemma === 'to' || t.lemma === 'max' || t.lemma === 'min' || t.lemma === 'maximum' || t.lemma === 'minimum') && !clauseHasVersionWord(a, i)) { replicas.push(n); take(i + 1); return; }
    if (t.lemma === 'between' && lemma(i + 2) === 'and' && numberValue(tokens[i + 3]) !== undefined) { replicas.push(n, numberValue(tokens[i + 3])!); take(i + 1); take(i + 3); }
    // "scale api 4 prod": the count right after what a scale verb acts on
    if (!replicas.length && /^\d+$/.test(lower(i + 1)) && !SETS.prepositions.has(t.lemma) && !a.claimed[i] && a.intents.some((m) => m.row.intent === 'scale' && m.row.kind === 'verb' && m.end === i)) { replicas.push(n); take(i + 1); }
  });
  if (replicas.length) entities.replicas = one(unique(replicas));

  // versions: "v1.2.0", "version 21.1.2", "revision 3", "… version … to 20"
  const versions: string[] = [];
  tokens.forEach((t, i) => {
    // "revert commit 4f2a9c1": a commit's hash is the revision asked for
    if (SETS.commitWords.has(lemma(i - 1)) && /^[0-9a-f]{7,40}$/.test(t.lower) && /\d/.test(t.lower)) { versions.push(t.raw); take(i); return; }
    if (used[i]) return;
    if (/^v\d+(\.\d+)*([-+][\w.]+)?$/i.test(t.raw) && !/^v\d+$/i.test(t.raw) || /^v\d+$/i.test(t.raw) && t.raw.length <= 4) {
      if (!/^v\d+$/.test(t.lower) || ['to', 'of', 'version', 'release', 'tag', 'and', 'between', 'back'].includes(lemma(i - 1)) || /^v\d+$/.test(t.lower) && SETS.prepositions.has(lemma(i - 1))) {
        versions.push(t.raw); take(i); return;
      }
    }
    if (/^\d+\.\d+(\.\d+)*([-+][\w.]+)?$/.test(t.lower) && !UNIT_WORDS.has(lemma(i + 1)) && !['cpus', 'cpu', 'core', 'cores'].includes(lemma(i + 1)) && !/^(with|cpus?)$/.test(lemma(i - 1)) || VERSION_WORDS.includes(lemma(i - 1)) && /^v?\d[\w.-]*$/.test(t.lower) && !UNIT_WORDS.has(lemma(i + 1))) {
      if (lemma(i - 1) === 'port' || /^\d+\.\d+$/.test(t.lower) && lemma(i + 1) === 'cpus') return;
      versions.push(t.raw); take(i); return;
    }
    if (t.lemma === 'to' && (clauseHasVersionWord(a, i) || upgradesSomething(a, i)) && tokens[i + 1] && !used[i + 1] && /^(v?\d[\w.-]*|\d{4}-\d{2}-\d{2}(-preview)?)$/.test(lower(i + 1)) && !UNIT_WORDS.has(lemma(i + 2))) {
      versions.push(tokens[i + 1]!.raw); take(i + 1);
    }
  });
  // "helm rollback payments 4": a bare revision after the release name
  tokens.forEach((t, i) => {
    if (t.lemma === 'rollback' && /^\d+$/.test(lower(i + 2)) && !used[i + 2] && tokens[i + 1] && (!MEANINGFUL_WORDS.has(lower(i + 1)) || a.classes[i + 1]!.has('service'))) { versions.push(tokens[i + 2]!.raw); take(i + 2); }
    const revision = /^--(?:to-)?revision=(\w[\w.-]*)$/.exec(t.lower);
    if (revision) versions.push(revision[1]!);
    // "a mysql 8 container", "redis 7": a number right after a service is its version
    if (a.classes[i]!.has('service') && /^\d+(\.\d+)*$/.test(lower(i + 1)) && !used[i + 1] && !scaleLike && (isBoundary(a, i + 2) || SETS.countNouns.has(lemma(i + 2)))) { versions.push(tokens[i + 1]!.raw); take(i + 1); }
  });
  if (versions.length) entities.version = one(unique(versions));

  // branches
  const branches: string[] = [];
  const addBranch = (i: number) => { if (!used[i] || BRANCH_PREFIXES.some((p) => lower(i).startsWith(`${p}/`))) { branches.push(tokens[i]!.raw); take(i); } };
  tokens.forEach((t, i) => {
    if (isPrefixedBranch(t.lower)) { addBranch(i); return; }
    const kindOfBranch = lemma(i + 1) === 'branch' && tokens[i + 2] && !tokens[i + 2]!.breakBefore && /[-_/\d]/.test(tokens[i + 2]!.raw);
    if (KNOWN_BRANCHES.includes(t.lower) && t.lower !== 'development' && !kindOfBranch && (BRANCH_PREPOSITIONS.includes(lemma(i - 1)) || lemma(i + 1) === 'branch' || lemma(i - 1) === 'merge' || lemma(i - 1) === 'branch' || lemma(i - 1) === 'and' && branches.length > 0)) { addBranch(i); return; }
    // "branch protection" is a setting, "the local branch X" a branch
    if (t.lemma === 'branch' && !a.domains.some((m) => m.anchors.includes(i) && m.anchors[m.anchors.length - 1] !== i)) {
      const prev = i - 1;
      // "a release branch release/4.2": with the branch named after it, the word before is its kind
      const namedAfter = tokens[i + 1] && !tokens[i + 1]!.breakBefore && isBranchName(a, i + 1) && /[-_/\d]/.test(tokens[i + 1]!.raw);
      if (prev >= 0 && !used[prev] && !namedAfter && /^[\w./*-]+$/.test(tokens[prev]!.raw) && !SETS.adjectives.has(lemma(prev)) && !SETS.determiners.has(lemma(prev)) && !SETS.prepositions.has(lemma(prev)) && numberValue(tokens[prev], true) === undefined && !SINGLE_WORD_VERBS.has(lower(prev)) && !a.intents.some((m) => m.anchors.includes(prev) && m.row.intent)) addBranch(prev);
      let after = i + 1;
      if (NAMING_WORDS.includes(lemma(after))) after++;
      if (tokens[after] && !tokens[after]!.breakBefore && isBranchName(a, after) && !used[after]) addBranch(after);
      if (lemma(i + 1) === 'off' || lemma(i + 2) === 'off') {
        const from = lemma(i + 1) === 'off' ? i + 2 : i + 3;
        if (tokens[from] && isBranchName(a, from)) addBranch(from);
      }
    }
    if (t.lemma === 'merge' && tokens[i + 1] && lemma(i + 2) === 'into' && isBranchName(a, i + 1) && isBranchName(a, i + 3)) { addBranch(i + 1); addBranch(i + 3); }
  });
  if (branches.length) entities.branch = one(unique(branches));

  // names last: the user's own word for the thing acted on
  const nameKinds = new Map<string, string>();
  const names = extractNames(a, used, nameKinds);
  names.push(...repositories, ...scaledServices);
  const taken = new Set([...(entities.services ?? []), ...list(entities.namespace), ...list(entities.branch), ...list(entities.environments), ...list(entities.image)].map((v) => String(v).toLowerCase()));
  const finalNames = unique(names).filter((n) => !taken.has(n.toLowerCase()));
  if (finalNames.length) entities.name = one(finalNames);

  return { entities, jenkinsIsService, devFromLocalPlace, repositories, nameKinds };
}

/**
 * Names come from four shapes: "called X" / "named X"; X before an object noun ("the web
 * deployment", "the payments CloudFormation stack"); X after an object noun or after "for"/"of"
 * ("the stack legacy-api", "a chart for orders"); and an unknown word right after a request verb
 * or "the" ("restart the api", "scale payments to zero").
 */
function extractNames(a: Analysis, used: boolean[], kinds: Map<string, string>): string[] {
  const { tokens } = a;
  const names: string[] = [];
  const lemma = (i: number) => tokens[i]?.lemma ?? '';
  const lower = (i: number) => tokens[i]?.lower ?? '';
  const add = (i: number, kind?: string) => {
    if (!tokens[i] || used[i]) return;
    names.push(tokens[i]!.raw);
    if (kind) kinds.set(tokens[i]!.raw, kind);
    used[i] = true;
  };
  const verbEnds = new Set<number>();
  for (const m of a.intents) {
    // "run … <image>" ends at its verb for this purpose: "run redis:7 exposing 6380" names nothing.
    const end = m.row.phrase.includes('…') ? m.anchors[0]! : m.anchors[m.anchors.length - 1]!;
    if (m.row.kind === 'verb' || (m.row.kind === 'command' && a.clauseHead[m.start])) verbEnds.add(end);
  }

  tokens.forEach((t, i) => {
    // kubectl TYPE/NAME
    const typed = /^([a-z]+)\/([a-z0-9][-a-z0-9.]*)$/.exec(t.lower);
    if (typed && SETS.kubectlTypes.has(typed[1]!)) { names.push(t.raw.slice(t.raw.indexOf('/') + 1)); used[i] = true; return; }

    if (NAMING_WORDS.includes(t.lemma) && !(t.lemma === 'name' && lemma(i + 1) !== 'it')) {
      const at = t.lemma === 'name' ? i + 2 : i + 1;
      const anchor = anchorBefore(a, i);
      if (anchor && ['namespace', 'branch', 'environment'].includes(anchor)) return;
      if (isNameToken(a, at, used, true, 'any') && !SETS.anchors.has(lemma(at))) add(at, anchor);
      return;
    }
    if (lemma(i) === 'rename' || (verbEnds.has(i) && lemma(i) === 'rename')) {
      let from = i + 1;
      // "rename branch feature/old to …": the kind of thing, then its name
      while (SETS.determiners.has(lemma(from)) || a.claimed[from] || SETS.anchors.has(lemma(from)) || (OBJECT_KIND_WORDS.has(lemma(from)) && tokens[from + 1])) from++;
      if (isNameToken(a, from, used, true)) {
        add(from);
        const to = tokens.findIndex((w, j) => j > from && w.lemma === 'to');
        if (to > 0 && isNameToken(a, to + 1, used, true)) add(to + 1);
      }
    }
  });

  tokens.forEach((t, i) => {
    if (!SETS.anchors.has(t.lemma) || used[i] && !a.claimed[i]) return;
    // X [tool words] ANCHOR: "the web deployment", "the payments CloudFormation stack"
    let j = i - 1;
    // "the orders mysql container": a service word between the name and the noun says what runs in it.
    while (j >= 0 && a.claimed[j] && !tokens[j + 1]!.breakBefore && i - j < 4) j--;
    // "the crashed worker container": a describing word between "the" and the name
    let b = j - 1;
    while (b >= 0 && SETS.adjectives.has(lemma(b)) && !SETS.definite.has(lemma(b))) b--;
    const before = lemma(b);
    const workload = SETS.workloadAnchors.has(t.lemma);
    const generic = allowsGenericName(t.lemma) || (workload && SETS.workloadGenericNames.has(lower(j)));
    if (j >= 0 && j < i && !tokens[j + 1]!.breakBefore && isNameToken(a, j, used, generic, SETS.definite.has(before) ? (workload ? 'any' : 'inflected') : 'no') && !SETS.anchors.has(lemma(j))) {
      if (j === 0 || SETS.definite.has(before) || SETS.prepositions.has(before) || verbEnds.has(j - 1) || verbEnds.has(b) || tokens[j]!.breakBefore) add(j, t.lemma);
    }
    // ANCHOR X: "the CloudFormation stack legacy-api", "a pod 'pod1'", "secret generic db-creds"
    let k = i + 1;
    while (SETS.adjectives.has(lemma(k)) && tokens[k + 1] && !tokens[k + 1]!.breakBefore) k++;
    // "a secret holding its password": a participle after the noun describes it
    const plain = isUnknownName(a, k, used) && !/ing$/.test(lower(k));
    if (tokens[k] && !tokens[k]!.breakBefore && isNameToken(a, k, used, false) && (tokens[k]!.quoted || /[-_\d]/.test(tokens[k]!.raw) || plain) && isBoundary(a, k + 1)) add(k, t.lemma);
  });

  // Long descriptions name what they mean explicitly; their loose words are not names. Machine
  // and file tasks act on files and processes: their loose words are patterns and paths.
  if (tokens.length > LONG_REQUEST || isMachineTask(a)) return names;
  // In prose of several sentences, loose words name things only in the sentence that asks.
  const asking = requestSentence(a);
  tokens.forEach((t, i) => {
    if (a.sentence[i] !== asking) return;
    const prev = lemma(i - 1);
    const prev2 = lemma(i - 2);
    if (['does', 'do', 'did'].includes(prev) && lemma(i + 1) === 'have' && isNameToken(a, i, used, false, 'any')) { add(i); return; }
    // "why can't the api reach redis": the subject of a question
    const questioned = SETS.definite.has(prev) && ['not', 'does', 'did', 'can', 'is', 'was', 'will', 'would'].includes(prev2);
    if (used[i] || a.subordinate[i] || !isUnknownName(a, i, used) || (!isBoundary(a, i + 1) && !questioned)) return;
    const afterDefinite = SETS.definite.has(prev);
    const afterForOf = ['for', 'of'].includes(prev) || (['for', 'of'].includes(prev2) && SETS.definite.has(prev));
    // "docker logs -f web": options between the command and its argument
    let v = i - 1;
    while (v >= 0 && /^-/.test(tokens[v]!.raw)) v--;
    const afterVerb = verbEnds.has(v) || (verbEnds.has(i - 2) && SETS.definite.has(prev));
    if (afterDefinite || afterForOf || afterVerb) {
      add(i);
      // "stop api and worker"
      if (lemma(i + 1) === 'and' && isNameToken(a, i + 2, used, false) && isBoundary(a, i + 3)) add(i + 2);
    }
  });
  return names;
}

/**
 * A task on the machine itself: shell words ("files", "grep", "the box") or a path, and no object
 * of another tool ("the api container"). Its loose words are not the names of apps.
 */
function isMachineTask(a: Analysis): boolean {
  let shell = a.tokens.some((t, i) => a.classes[i]!.has('file') || /^(~|\.{0,2}\/)[\w.~/*-]+$/.test(t.raw) && t.raw.length > 1);
  for (const m of a.domains) {
    if (!m.row.domain) continue;
    if (m.row.domain === 'shell') shell = true;
    else if (m.row.strength === 'tool' || m.row.strength === 'object') return false;
  }
  return shell;
}

/** Generic nouns name a thing only next to a concrete object: "the backend network", not "the backend". */
function allowsGenericName(anchor: string): boolean {
  return ['network', 'volume', 'bucket', 'queue', 'topic'].includes(anchor);
}

function anchorBefore(a: Analysis, i: number): string | undefined {
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    const l = a.tokens[j]!.lemma;
    if (SETS.anchors.has(l) || ['namespace', 'branch', 'environment', 'network', 'volume'].includes(l)) return l;
  }
  return undefined;
}

/**
 * Could this token be a name? Never a value some table claimed, a function word or a file name;
 * generic nouns ("backend") and request verbs ("search") only where the context marks a name.
 */
function isNameToken(a: Analysis, i: number, used: boolean[], allowGeneric: boolean, cueWords: 'no' | 'inflected' | 'any' = 'no'): boolean {
  const t = a.tokens[i];
  if (!t || used[i] || a.claimed[i] || !NAME_SHAPE.test(t.raw) || t.raw.length > 63 || FILE_NAME.test(t.raw) || t.raw.endsWith('/')) return false;
  if (/^\d+$/.test(t.raw) || /^v?\d+(\.\d+)+$/.test(t.lower) || t.raw.includes(':') || QUANTITY.test(t.raw) || VARIABLE_KEY.test(t.raw) || t.raw.includes('=')) return false;
  // "t3.micro", "example.com": instance types and hosts, unless the text calls it by that name
  if (t.raw.includes('.') && cueWords !== 'any') return false;
  if (SETS.determiners.has(t.lemma) || SETS.prepositions.has(t.lemma) || SETS.pronouns.has(t.lemma) || SETS.conjunctions.has(t.lemma) || NEGATIONS.has(t.lower)) return false;
  if (SETS.adjectives.has(t.lemma) || SETS.fillers.has(t.lemma) || BOUNDARY_VERBS.includes(t.lower) || numberValue(t, true) !== undefined) return false;
  if (SETS.generic.has(t.lemma) ? !allowGeneric : CLOSED_CLASS.has(t.lower)) return false;
  if (SETS.commonAppNames.has(t.lower)) return true;
  // "called search" names anything; "the uploads volume" may be a name; "the deploy job" is a kind of job.
  if (cueWords === 'any') return true;
  if (cueWords === 'inflected') return !SINGLE_WORD_VERBS.has(t.lower);
  return !a.intents.some((m) => m.anchors.includes(i) && m.row.intent !== null && (m.row.kind === 'verb' || m.row.kind === 'command' || m.anchors.length > 1));
}

function isUnknownName(a: Analysis, i: number, used: boolean[]): boolean {
  const t = a.tokens[i];
  if (!t || !isNameToken(a, i, used, false)) return false;
  if (/[-_\d/]/.test(t.raw) && !/^\d/.test(t.raw) || SETS.commonAppNames.has(t.lower)) return true;
  return !MEANINGFUL_WORDS.has(t.lower) && !MEANINGFUL_WORDS.has(t.lemma) && !ENGLISH_ENDINGS.test(t.lower);
}

function isBoundary(a: Analysis, i: number): boolean {
  const t = a.tokens[i];
  if (!t || t.breakBefore) return true;
  if (SETS.prepositions.has(t.lemma) || SETS.conjunctions.has(t.lemma) || BOUNDARY_VERBS.includes(t.lower) || BOUNDARY_VERBS.includes(t.lemma) || SETS.anchors.has(t.lemma)) return true;
  // "deploy the api there", "helm upgrade api ./charts/api -n web"
  if (SETS.pronouns.has(t.lemma) || /^(-|\.{0,2}\/|~)/.test(t.raw)) return true;
  return a.claimed[i]! && !a.classes[i]!.has('service') || a.classes[i]!.has('number');
}

function isNamespaceName(a: Analysis, i: number, used: boolean[]): boolean {
  const t = a.tokens[i]!;
  if (used[i] && !a.environments.some((m) => m.anchors.includes(i))) return false;
  if (!K8S_NAME.test(t.lower) || SETS.determiners.has(t.lemma) || SETS.prepositions.has(t.lemma) || SETS.pronouns.has(t.lemma)) return false;
  return !SETS.adjectives.has(t.lemma) && !['new', 'kubernetes', 'k8s', 'a', 'own', 'default'].includes(t.lemma) || t.lemma === 'default';
}

function isBranchName(a: Analysis, i: number): boolean {
  const t = a.tokens[i];
  if (!t || !/^[\w./*-]+$/.test(t.raw)) return false;
  if (KNOWN_BRANCHES.includes(t.lower) || isPrefixedBranch(t.lower)) return true;
  if (SETS.determiners.has(t.lemma) || SETS.prepositions.has(t.lemma) || SETS.pronouns.has(t.lemma) || SETS.conjunctions.has(t.lemma)) return false;
  return !MEANINGFUL_WORDS.has(t.lower) && !/^\d+$/.test(t.lower);
}

function isPrefixedBranch(lower: string): boolean {
  const slash = lower.indexOf('/');
  return slash > 0 && BRANCH_PREFIXES.includes(lower.slice(0, slash)) && /^[\w./*-]+$/.test(lower);
}

function isRepositoryPath(raw: string): boolean {
  if (!raw.includes('/')) return false;
  const parts = raw.split('/');
  if (parts.length !== 2 || !/^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/.test(raw)) return false;
  const [owner, repo] = parts.map((p) => p.toLowerCase()) as [string, string];
  if (BRANCH_PREFIXES.includes(owner) || SETS.kubectlTypes.has(owner) || /^\d+$/.test(owner) || owner.length < 2 || repo.length < 2) return false;
  if (FILE_NAME.test(raw)) return false;
  if (MEANINGFUL_WORDS.has(owner) && MEANINGFUL_WORDS.has(repo)) return false;
  return !isImageReference(raw) || !raw.includes(':');
}

function inEnvironmentPosition(a: Analysis, start: number, end: number, envAt: Set<number>): boolean {
  const { tokens } = a;
  const prev = tokens[start - 1]?.lemma ?? '';
  const next = tokens[end]?.lemma ?? '';
  if (SETS.environmentNouns.has(next) && !tokens[end]!.breakBefore) return true;
  // "deploy to test", not "we want to test a new version"
  const verbAfterTo = prev === 'to' && (SETS.determiners.has(next) || SETS.pronouns.has(next));
  if (SETS.environmentPrepositions.has(prev) && !tokens[start]!.breakBefore && !verbAfterTo) return true;
  // A list of environments: "staging from develop and live from main", "dev, test and prod".
  const listed = prev === 'and' || prev === 'or' || tokens[start]!.breakBefore;
  return listed && [...envAt].some((i) => i < start && a.clause[i] === a.clause[start] || i < start && start - i <= 6);
}

/** "upgrade node to 22", "pin the provider to 5": an upgrade verb earlier in the clause. */
function upgradesSomething(a: Analysis, i: number): boolean {
  for (let j = i - 1; j >= 0 && a.clause[j] === a.clause[i]; j--) if (VERSION_VERBS.includes(a.tokens[j]!.lemma)) return true;
  return false;
}

function clauseHasVersionWord(a: Analysis, i: number): boolean {
  for (let j = i - 1; j >= 0 && a.clause[j] === a.clause[i]; j--) {
    const l = a.tokens[j]!.lemma;
    if (l === 'version' || l === 'apiversion' || l === 'revision' || l === 'provider' || l === 'tag' && a.tokens[j - 1]?.lemma === 'image') return true;
  }
  return false;
}

function containsPhrase(a: Analysis, phrase: string): boolean {
  const words = phrase.split(' ');
  return a.tokens.some((_, i) => words.every((w, k) => a.tokens[i + k]?.lower === w));
}

/** Environment words written unambiguously, for lists joined into one word ("qa/stage/prod"). */
const ENVIRONMENT_WORDS = new Map(ENVIRONMENT_SYNONYMS.filter((s) => s.environment && !s.phrase.includes(' ')).map((s) => [s.phrase, s.environment!] as const));

/** `HH:MM` with an hour and two-digit minutes, unless a port word names it a mapping. */
function isTimeOfDay(value: string, before: string): boolean {
  const time = /^(\d{1,2}):(\d{2})$/.exec(value);
  return Boolean(time) && Number(time![1]) <= 23 && Number(time![2]) <= 59 && !['port', '-p', '--publish', 'publish', 'map', 'mapping'].includes(before);
}

function isPortLike(value: string | undefined, strict = false): boolean {
  if (!value || !/^\d{2,5}$/.test(value)) return false;
  const n = Number(value);
  return n > 0 && n < 65536 && (!strict || n >= 80);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function one<T>(values: T[]): T | T[] {
  return values.length === 1 ? values[0]! : values;
}

export function list<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Bytes in "256 MB", "512m", "2GiB". */
export function parseMemory(amount: string, unit: string): number | undefined {
  const factor = Object.hasOwn(MEMORY_UNITS, unit.toLowerCase()) ? MEMORY_UNITS[unit.toLowerCase()] : undefined;
  const value = Number(amount);
  return factor && Number.isFinite(value) && value > 0 ? Math.round(value * factor) : undefined;
}
