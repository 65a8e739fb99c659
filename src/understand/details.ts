import type { Details } from '../core/interpretation.js';
import { UPDATE_VERBS, VIEW_WORDS, firstMatch } from './lexicon/views.js';
import type { Analysis } from './analyze.js';
import { parseMemory } from './entities.js';
import { SHELL_BINARIES, assignmentsIn } from './stated.js';
import { SETS } from './tables.js';
import { OBJECT_KINDS } from './lexicon/words.js';

/**
 * What the planner needs beyond the contract's entities: limits, mounts, variables, the object
 * kind and any shell text the person quoted. Only what the text says; nothing is guessed.
 */

// The source is taken whole, however it is written, so a source that is no path is refused by name.
const MOUNT_WORDS = /\bmount(?:ing)?[ \t]+(\S+(?:[ \t]+\S+){0,5}?)[ \t]+(?:at|on|to|into)[ \t]+(\/[\w./-]*)|(?<!\S)(\S+)[ \t]+mounted[ \t]+(?:at|on|to|into|as)[ \t]+(\/[\w./-]*)/gi;
const RESTART_POLICIES = ['no', 'always', 'unless-stopped', 'on-failure'] as const;
const MEMORY_WORDS = new Set(['memory', 'ram', 'mem', '--memory', '-m', 'heap']);
const CPU_WORDS = new Set(['cpu', 'cpus', 'core', 'cores', 'vcpu', 'vcpus']);
const RUN_PREFIX = /^\s*(?:run|execute|exec|shell|sh)\s*:\s*(.+)$/is;
// The whole request is a run verb and one quoted text: `run "touch notes.txt"`.
const RUN_QUOTED = /^\s*(?:please\s+)?(?:run|execute|exec)\s+(?:the\s+command\s+)?(["'`“])(.+)(["'`”])\s*$/is;
const OBJECT_KIND = new Map(Object.entries(OBJECT_KINDS));

export function extractDetails(a: Analysis, options: { wholeRequest: boolean } = { wholeRequest: true }): Details {
  const details: Details = {};
  const { tokens } = a;
  const lower = (i: number) => tokens[i]?.lower ?? '';
  const lemma = (i: number) => tokens[i]?.lemma ?? '';

  // environment variables: FOO=bar, FOO="two words"
  for (const [name, value] of assignmentsIn(a.text)) details.env = { ...details.env, [name]: value };

  // mounts in words: "mount ./site at /usr/share/nginx/html", "with data mounted on /data"
  for (const m of a.text.matchAll(MOUNT_WORDS)) {
    const [source, target] = m[1] ? [m[1], m[2]!] : [m[3]!, m[4]!];
    details.volumes = [...(details.volumes ?? []), `${source}:${target}`];
  }

  tokens.forEach((t, i) => {
    // memory: "256 MB of memory", "512m ram", "--memory 1g"
    const joined = /^(\d+(?:\.\d+)?)([a-z]+)$/.exec(t.lower);
    const amount = joined ? joined[1]! : /^\d+(\.\d+)?$/.test(t.lower) ? t.lower : undefined;
    const unit = joined ? joined[2]! : lower(i + 1);
    if (amount && details.memoryBytes === undefined) {
      const near = tokens.slice(Math.max(0, i - 3), i + 5).some((w) => MEMORY_WORDS.has(w.lower));
      const bytes = near ? parseMemory(amount, unit) : undefined;
      if (bytes) details.memoryBytes = bytes;
    }
    // cpus: "0.5 cpus", "2 cores", "--cpus 1.5"
    if (/^\d+(\.\d+)?$/.test(t.lower) && CPU_WORDS.has(lower(i + 1)) && details.cpus === undefined) details.cpus = Number(t.lower);
    if (t.lower === '--cpus' && /^\d+(\.\d+)?$/.test(lower(i + 1))) details.cpus = Number(lower(i + 1));
    const cpusFlag = /^--cpus=(\d+(?:\.\d+)?)$/.exec(t.lower);
    if (cpusFlag) details.cpus = Number(cpusFlag[1]);

    // volumes: "data:/data", "./site:/usr/share/nginx/html:ro"
    if (/^[\w.~/-]+:\/[\w./-]*(:(ro|rw))?$/.test(t.raw) && !t.raw.includes('://')) details.volumes = [...(details.volumes ?? []), t.raw];

    // host:container port mapping
    const mapping = /^(\d{2,5}):(\d{1,5})(\/(tcp|udp))?$/.exec(t.lower);
    if (mapping) details.containerPort = Number(mapping[2]);

    // restart policy: "restart always", "--restart unless-stopped", "restart policy on-failure"
    const policyAt = t.lemma === 'restart' || t.lower === '--restart' ? (lemma(i + 1) === 'policy' ? i + 2 : i + 1) : -1;
    const policy = RESTART_POLICIES.find((p) => p === lower(policyAt));
    if (policy) details.restart = policy;
    const restartFlag = /^--restart=(.+)$/.exec(t.lower);
    if (restartFlag) details.restart = RESTART_POLICIES.find((p) => p === restartFlag[1]);

    // network to attach to: "on network backend", "on the backend network", "--network backend"
    if (t.lower === '--network' || t.lower === '--net') details.network = tokens[i + 1]?.raw;
    if (t.lemma === 'network' && i > 0) {
      const after = tokens[i + 1];
      const attachedBefore = ['on', 'to', 'into', 'join', 'via'].includes(lemma(i - 1));
      if (attachedBefore && after && !SETS.prepositions.has(after.lemma) && !SETS.conjunctions.has(after.lemma) && !after.breakBefore) details.network = after.raw;
      const attachedAround = ['on', 'to', 'into', 'join'].includes(lemma(i - 2)) || (SETS.determiners.has(lemma(i - 2)) && ['on', 'to', 'into', 'join'].includes(lemma(i - 3)));
      if (attachedAround && tokens[i - 1] && !SETS.determiners.has(lemma(i - 1))) details.network = tokens[i - 1]!.raw;
    }

    // user: "as user 1000", "as root", "--user app"
    if (t.lemma === 'as' && lemma(i + 1) === 'user' && tokens[i + 2]) details.user = tokens[i + 2]!.raw;
    if (t.lemma === 'as' && lower(i + 1) === 'root') details.user = 'root';
    if (t.lower === '--user' && tokens[i + 1]) details.user = tokens[i + 1]!.raw;
    const userFlag = /^--user=(.+)$/.exec(t.raw);
    if (userFlag) details.user = userFlag[1];

    if (['read-only', 'readonly', '--read-only'].includes(t.lower) || (t.lower === 'read' && lower(i + 1) === 'only')) details.readOnly = true;
    if (['follow', 'following', 'stream', 'streaming', '-f', '--follow'].includes(t.lower)) details.follow = true;
    if (t.lower === '-a' || t.lower === '--all' || (t.lower === 'including' && ['stopped', 'exited', 'dead'].includes(lower(i + 1)))) details.all = true;
    if ((t.lower === 'all' || t.lower === 'every') && pointsAtObject(a, i)) details.all = true;

    // lines: "last 50 lines", "--tail 100", "tail -n 20"
    if (/^\d+$/.test(t.lower) && ['line', 'lines'].includes(lower(i + 1))) details.lines = Number(t.lower);
    if ((t.lower === '--tail' || (t.lower === '-n' && lemma(i - 1) === 'tail')) && /^\d+$/.test(lower(i + 1))) details.lines = Number(lower(i + 1));

    if (details.path === undefined && isPath(t.raw)) details.path = t.raw;
  });

  Object.assign(details, wordDetails(a.text));
  const kind = objectKind(a) ?? (details.path && buildAsked(a) ? 'image' : undefined);
  if (kind) details.object = kind;
  const command = options.wholeRequest ? shellCommand(a) : undefined;
  if (command) details.command = command;
  return details;
}

/**
 * The request's words as written and lower-cased (what recipes' cue tables match), the view of a
 * container they ask for, and the verb within an update (stop, start, restart).
 */
export function wordDetails(text: string): Pick<Details, 'terms' | 'words' | 'view' | 'verb'> {
  const terms = [...new Set(text.toLowerCase().split(/[^a-z0-9%]+/).filter(Boolean))];
  const view = firstMatch(VIEW_WORDS, terms);
  const verb = firstMatch(UPDATE_VERBS, terms);
  return { words: text.split(/\s+/).filter(Boolean), terms, ...(view ? { view } : {}), ...(verb ? { verb } : {}) };
}

/** "build ./app as api:dev", "from the Dockerfile in ./svc": a path is an image context only then. */
export function buildAsked(a: Analysis): boolean {
  return a.tokens.some((t) => t.lemma === 'build' || t.lower.startsWith('dockerfile') || t.lower.endsWith('/dockerfile'));
}

/** "all containers", "all the stopped containers", "every volume". */
function pointsAtObject(a: Analysis, i: number): boolean {
  for (let j = i + 1; j <= i + 3 && j < a.tokens.length; j++) {
    const l = a.tokens[j]!.lemma;
    if (OBJECT_KIND.has(l)) return true;
    if (!SETS.determiners.has(l) && !SETS.adjectives.has(l) && !['exited', 'unused'].includes(l)) return false;
  }
  return false;
}

function isPath(raw: string): boolean {
  if (raw.includes(':') && !raw.startsWith('/')) return false;
  return /^(\.{1,2}\/|~\/?|\/)[\w./*@~-]*$/.test(raw) && !raw.includes('://');
}

/**
 * The kind of object acted on, when the text names one: the first object noun that is not a
 * setting of something else ("on port 8080" is a setting, "what is using port 443" an object).
 */
function objectKind(a: Analysis): string | undefined {
  for (let i = 0; i < a.tokens.length; i++) {
    const t = a.tokens[i]!;
    const kind = OBJECT_KIND.get(`${t.lemma} ${a.tokens[i + 1]?.lemma ?? ''}`) ?? OBJECT_KIND.get(t.lemma);
    if (!kind) continue;
    // "on the network backend": the determiner does not make the network the thing acted on.
    let before = i - 1;
    while (before > 0 && SETS.determiners.has(a.tokens[before]!.lemma)) before--;
    const prev = a.tokens[before]?.lemma ?? '';
    if (kind === 'port' && ['on', 'to', 'exposing', 'expose', 'at'].includes(prev)) continue;
    // "volume data:/data", "on network backend": a setting of the thing, not the thing.
    const next = a.tokens[i + 1];
    if (['on', 'with', 'via'].includes(prev) || (next && /[:/\d]/.test(next.raw) && kind !== 'port' && kind !== 'process')) continue;
    if (kind === 'service' || kind === 'memory' || kind === 'cpu' || kind === 'user' || kind === 'state') continue;
    return kind;
  }
  return undefined;
}

/**
 * Shell text to run as given, only when the whole request is a command: after "run:", a run verb
 * and one quoted text (`run "du -sh /var/log"`), after "$ ", one quoted command alone, or a
 * command line that starts with a shell command and its options ("df -h"). A quote, backtick or
 * `$(` anywhere else is part of a value, and values are held to their strict shapes.
 */
function shellCommand(a: Analysis): string | undefined {
  const text = a.text.trim();
  const prefixed = RUN_PREFIX.exec(text);
  if (prefixed) return unquote(prefixed[1]!.trim());
  const runQuoted = RUN_QUOTED.exec(text);
  if (runQuoted && runQuoted[2]!.trim() && closes(runQuoted[1]!, runQuoted[3]!) && !hasQuote(runQuoted[2]!, runQuoted[1]!)) return runQuoted[2]!.trim();
  if (text.startsWith('$ ')) return text.slice(2).trim();
  const alone = /^(["'`“])(.+)(["'`”])$/s.exec(text);
  if (alone && closes(alone[1]!, alone[3]!) && !hasQuote(alone[2]!, alone[1]!) && SHELL_BINARIES.has(alone[2]!.trim().split(/\s+/)[0] ?? '')) return alone[2]!.trim();
  const [first, second] = text.split(/\s+/);
  if (first && SHELL_BINARIES.has(first) && (!second || /^(-|\/|~|\.\/)/.test(second))) return text;
  return undefined;
}


/** The quote that closes the command is the one that opened it. */
function closes(open: string, close: string): boolean {
  return open === '“' ? close === '”' : open === close;
}

/** `run "a" named "b"` is not one quoted command: its opening quote appears inside. */
function hasQuote(inner: string, open: string): boolean {
  return inner.includes(open === '“' ? '”' : open);
}

function unquote(text: string): string {
  const m = /^[`"'](.*)[`"']$/s.exec(text);
  return m ? m[1]! : text;
}
