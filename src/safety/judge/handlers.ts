import { maxRisk } from '../../core/risk.js';
import { shellQuote } from '../../core/shell-quote.js';
import type { Evaluation, Finding, Invocation } from './evaluation.js';
import { isProdName, parseArgs } from './match.js';
import { classifyPath } from './paths.js';
import { DATABASE_CLIENTS, DATABASE_TARGET_FLAGS, DATABASE_VERDICTS, STATEMENT_RULES, type DatabaseClient } from './rules/databases.js';
import { CONTAINER_ESCAPES, DOCKER_GLOBAL_VALUE_FLAGS, HOST_MOUNT_FLAGS } from './rules/docker.js';
import { FLOW_VERDICTS, TOOL_SETUP_WORDS } from './rules/flows.js';
import { tableIndex } from './rules/index.js';
import { AWK_EFFECTS, BACKTICK_CALLS, CODE_RULES, CODE_VERDICTS, INTERPRETERS, SED_EFFECTS, SHELL_CALLS, type Interpreter, type Language } from './rules/interpreters.js';
import { KUBECTL_VALUE_FLAGS } from './rules/kubernetes.js';
import { EMBEDDED_PROGRAMS, WRAPPERS, type Wrapper } from './rules/wrappers.js';
import { editorCommands } from './editors.js';
import { helmValues, kubectlPayloads } from './manifests.js';
import { EDITORS, PAGERS } from './rules/editors.js';
import { DYNAMIC, ITEM, isStatic, literalStdin, upstreamOf, type CommandSite, type Word } from './script.js';

const WRAPPER_INDEX = indexBy(WRAPPERS);
const EMBEDDED_INDEX = indexBy(EMBEDDED_PROGRAMS.map((entry) => ({ ...entry, names: entry.tools })), true);
const INTERPRETER_INDEX = indexBy(INTERPRETERS);
const DATABASE_INDEX = indexBy(DATABASE_CLIENTS);
const TOOL_NAMES = tableIndex();
const SHELLS = new Set(INTERPRETERS.find((i) => i.language === 'shell')!.names);

function indexBy<T extends { names: string[] }>(items: T[]): Map<string, T>;
function indexBy<T extends { names: string[] }>(items: T[], all: true): Map<string, T[]>;
function indexBy<T extends { names: string[] }>(items: T[], all = false): Map<string, T | T[]> {
  const index = new Map<string, T | T[]>();
  for (const item of items) {
    for (const name of item.names) {
      if (!all) index.set(name, item);
      else index.set(name, [...((index.get(name) as T[] | undefined) ?? []), item]);
    }
  }
  return index;
}

function word(value: string): Word {
  return { raw: value, value, sources: [], variables: [] };
}

/**
 * Commands whose meaning is another command or a program text: wrappers, shells, interpreters,
 * `eval`, `xargs`, `find -exec`, remote and container execution, database clients. Returns false
 * when the command is judged by its tool table alone.
 */
export function commandHandler(ev: Evaluation, name: string, inv: Invocation, finding: Finding): boolean {
  embeddedPrograms(ev, name, inv, finding);
  const wrapper = WRAPPER_INDEX.get(name);
  if (wrapper) return unwrap(ev, wrapper, inv, finding);
  const interpreter = INTERPRETER_INDEX.get(name);
  if (interpreter) return interpret(ev, interpreter, inv, finding);
  const database = DATABASE_INDEX.get(name);
  if (database) return databaseClient(ev, database, inv, finding);
  switch (name) {
    case 'eval':
      return evaluate(ev, inv, finding);
    case 'source':
    case '.':
      return source(ev, inv, finding);
    case 'alias':
      return defineAlias(ev, inv, finding);
    case 'xargs':
      return xargs(ev, inv, finding);
    case 'parallel':
      return parallel(ev, inv, finding);
    case 'find':
    case 'gfind':
      findActions(ev, inv, finding);
      return false;
    case 'sed':
    case 'gsed':
      sedScript(ev, inv, finding);
      return false;
  }
  if (name === 'cd' || name === 'pushd') ev.changeDirectory(inv.words.slice(1).find((w) => !w.value.startsWith('-'))?.value);
  if (EDITORS.has(name) || PAGERS.has(name)) {
    editorCommands(ev, name, inv, finding);
    return false;
  }
  switch (name) {
    case 'ssh':
    case 'mosh':
    case 'autossh':
      return remoteShell(ev, inv, finding);
    case 'docker':
    case 'podman':
    case 'nerdctl':
    case 'docker-compose':
    case 'kubectl':
    case 'oc':
      kubectlPayloads(ev, inv, finding);
      containerCommand(ev, name, inv, finding);
      return insideContainer(ev, name, inv, finding);
    case 'helm':
      helmValues(ev, inv, finding);
      return false;
    default:
      return false;
  }
}

/** Options that make a tool run a program: `git -c core.pager=…`, `rg --pre …`. */
function embeddedPrograms(ev: Evaluation, name: string, inv: Invocation, finding: Finding): void {
  const entries = EMBEDDED_INDEX.get(name);
  if (!entries) return;
  const values = inv.words.slice(1).map((w) => w.value);
  for (const entry of entries) {
    for (let i = 0; i < values.length; i++) {
      const current = values[i]!;
      let value: string | undefined;
      if (current === entry.flag) value = values[++i];
      else if (current.startsWith(`${entry.flag}=`) && entry.flag.startsWith('--')) value = current.slice(entry.flag.length + 1);
      if (value === undefined) continue;
      let program = value;
      if (entry.value) {
        const match = entry.value.exec(value);
        if (!match) continue;
        program = match[1] ?? '';
      }
      if (!program.trim()) continue;
      if (entry.appendsArgs) {
        const files = values.slice(i + 1).filter((v) => !v.startsWith('-')).slice(1);
        program = [program, ...files.map(quoted)].join(' ');
      }
      const level = ev.text(program, inv.depth + 1, `${inv.site.text} (${entry.reason})`);
      finding.level = maxRisk(finding.level, level);
      if (entry.least) ev.add(finding, { level: entry.least, reason: `${entry.reason}: arbitrary text run outside any shell Reign sees` }, `${name}.runs-command`, inv.site.text);
    }
  }
}

/** Words rebuilt into command text keep `~` and the judge's placeholders bare. */
const quoted = (value: string) => shellQuote(value, `~${DYNAMIC}${ITEM}`);

function unwrap(ev: Evaluation, wrapper: Wrapper, inv: Invocation, finding: Finding): boolean {
  const words = inv.words;
  const part = inv.site.text;
  const valueFlags = new Set(wrapper.valueFlags ?? []);
  let i = 1;
  for (; i < words.length; i++) {
    const value = words[i]!.value;
    if (value === '--') {
      i++;
      break;
    }
    if (!value.startsWith('-') || value === '-') break;
    if (wrapper.shellFlags?.flags.includes(value)) {
      ev.add(finding, wrapper.shellFlags.verdict, `${wrapper.id}.shell`, part);
    }
    if (wrapper.inspectFlags?.includes(value)) {
      ev.add(finding, { level: 'read', reason: 'only reports, runs nothing' }, `${wrapper.id}.inspect`, part);
      return true;
    }
    const flag = value.includes('=') ? value.slice(0, value.indexOf('=')) : value;
    if (valueFlags.has(flag)) {
      const flagValue = value.includes('=') ? words[i]! : words[++i];
      if (flag === wrapper.shellTextFlag && flagValue) shellText(ev, flagValue, inv, finding);
    }
  }
  if (wrapper.takesAssignments) {
    for (; i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]!.value); i++) {
      const raw = words[i]!.raw;
      const equals = words[i]!.value.indexOf('=');
      const value = { ...words[i]!, raw: raw.slice(raw.indexOf('=') + 1), value: words[i]!.value.slice(equals + 1) };
      ev.assignment({ name: words[i]!.value.slice(0, equals), value }, finding, inv.depth);
    }
  }
  i += Math.min(wrapper.leadingArgs ?? 0, Math.max(0, words.length - i));
  const rest = words.slice(i);
  if (wrapper.least) ev.add(finding, wrapper.least, `${wrapper.id}.least`, part);
  if (rest.length === 0) {
    if (!wrapper.shellTextFlag || !words.some((w) => w.value === wrapper.shellTextFlag)) {
      ev.add(finding, wrapper.alone, `${wrapper.id}.alone`, part);
      for (const trait of wrapper.alone.traits ?? []) finding.traits.add(trait);
    }
    return true;
  }
  if (wrapper.joinsShellText) {
    shellText(ev, { ...rest[0]!, value: rest.map((w) => w.value).join(' ') }, inv, finding);
    return true;
  }
  // `command kubectl …` and `builtin cd` run the real command, whatever function shares its name.
  ev.invoke({ ...inv, words: rest, real: inv.real || BYPASS_FUNCTIONS.has(words[0]!.value) }, finding);
  return true;
}

const BYPASS_FUNCTIONS = new Set(['command', 'builtin']);

/** Text a command runs as shell code: judged like the outer text when it is known. */
function shellText(ev: Evaluation, code: Word, inv: Invocation, finding: Finding): void {
  const part = inv.site.text;
  if (!isStatic(code)) {
    const downloaded = code.sources.some((s) => ev.findingOf(s)?.traits.has('downloads'));
    ev.add(finding, downloaded ? FLOW_VERDICTS.downloadToShell : FLOW_VERDICTS.dynamicCode, downloaded ? 'flow.download-to-shell' : 'judge.dynamic-code', part);
    return;
  }
  finding.level = maxRisk(finding.level, ev.text(code.value, inv.depth + 1, part));
}

function interpret(ev: Evaluation, interpreter: Interpreter, inv: Invocation, finding: Finding): boolean {
  const words = inv.words;
  const part = inv.site.text;
  const { language } = interpreter;
  if (inv.site.redirects.some((r) => classifyPath(r.target.value).location === 'network')) {
    ev.add(finding, FLOW_VERDICTS.reverseShell, 'flow.reverse-shell', part);
  }
  const valueFlags = new Set(interpreter.valueFlags);
  for (let i = 1; i < words.length; i++) {
    const value = words[i]!.value;
    if (interpreter.inspectFlags.includes(value)) {
      ev.add(finding, { level: 'read', reason: 'prints its version or checks syntax' }, `${language}.inspect`, part);
      return true;
    }
    const bundledShellCode = language === 'shell' && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(value);
    if (interpreter.codeFlags.includes(value) || bundledShellCode) {
      const code = words[i + 1];
      if (!code) return true;
      if (language === 'shell') shellText(ev, code, inv, finding);
      else if (!isStatic(code)) shellText(ev, code, inv, finding);
      else inlineCode(ev, language, code.value, inv, finding);
      return true;
    }
    if (interpreter.moduleFlags?.includes(value)) {
      const module = words[i + 1]?.value ?? '';
      const tool = module.split('.')[0]!;
      if (TOOL_NAMES.has(tool) && !INTERPRETER_INDEX.has(tool)) ev.invoke({ ...inv, words: [word(tool), ...words.slice(i + 2)] }, finding);
      else ev.add(finding, CODE_VERDICTS.module, `${language}.module`, part);
      return true;
    }
    if (value === '--' || value === '-' || value === '-s') return stdinCode(ev, language, inv, finding);
    if (valueFlags.has(value)) {
      i++;
      continue;
    }
    if (value.startsWith('-') || value.startsWith('+')) continue;
    if (language === 'awk') {
      awkProgram(ev, words[i]!, inv, finding);
      return true;
    }
    return scriptFile(ev, language, words[i]!, inv, finding);
  }
  return stdinCode(ev, language, inv, finding);
}

function scriptFile(ev: Evaluation, language: Language, file: Word, inv: Invocation, finding: Finding): boolean {
  const part = inv.site.text;
  if (file.processInput) {
    judgeProducers(ev, language, file.processInput, inv, finding);
    return true;
  }
  if (ev.recorded('downloaded', file.value) || ev.recorded('downloaded', file.value.replace(/^\.\//, ''))) {
    ev.add(finding, FLOW_VERDICTS.runsDownload, 'flow.runs-download', part);
    return true;
  }
  ev.add(finding, CODE_VERDICTS.file, `${language}.script`, part);
  return true;
}

/** An interpreter reading its program from standard input. */
function stdinCode(ev: Evaluation, language: Language, inv: Invocation, finding: Finding): boolean {
  const site = inv.site;
  const part = site.text;
  if (site.stdinText && !inv.stdinTaken) {
    if (!site.stdinText.literal) ev.add(finding, FLOW_VERDICTS.expandedToShell, 'flow.expanded-heredoc', part);
    programText(ev, language, site.stdinText.text, inv, finding);
    return true;
  }
  if (site.stdinFrom.length > 0 && !inv.stdinTaken) {
    judgeProducers(ev, language, site.stdinFrom, inv, finding);
    return true;
  }
  const fromFile = site.redirects.find((r) => r.operator === '<');
  if (fromFile) {
    if (classifyPath(fromFile.target.value).location !== 'network') ev.add(finding, CODE_VERDICTS.file, `${language}.script`, part);
    return true;
  }
  ev.add(finding, CODE_VERDICTS.interactive, `${language}.interactive`, part);
  return true;
}

/** Commands whose output an interpreter runs: literal text is judged, anything else cannot be. */
function judgeProducers(ev: Evaluation, language: Language, producers: CommandSite[], inv: Invocation, finding: Finding): void {
  const part = inv.site.text;
  const all = [...producers, ...producers.flatMap((p) => upstreamOf(p))];
  const traitsOf = (s: CommandSite) => ev.findingOf(s)?.traits;
  if (all.some((s) => traitsOf(s)?.has('downloads'))) {
    ev.add(finding, FLOW_VERDICTS.downloadToShell, 'flow.download-to-shell', part);
    return;
  }
  if (all.some((s) => traitsOf(s)?.has('decodes'))) {
    ev.add(finding, FLOW_VERDICTS.decodedToShell, 'flow.decoded-to-shell', part);
    return;
  }
  const texts: string[] = [];
  for (const producer of producers) {
    const text = literalOutput(producer);
    if (text === undefined) {
      ev.add(finding, FLOW_VERDICTS.unknownToShell, 'flow.output-to-shell', part);
      return;
    }
    texts.push(text);
  }
  programText(ev, language, texts.join('\n'), inv, finding);
}

/** The text a command prints when it only prints literals (`echo`, `printf '%s'`, `cat <<'EOF'`). */
function literalOutput(site: CommandSite): string | undefined {
  const [name, ...args] = site.words;
  if (!name || !site.words.every(isStatic)) return undefined;
  if (name.value === 'echo') return args.filter((a) => !/^-[neE]+$/.test(a.value)).map((a) => a.value).join(' ');
  if (name.value === 'printf' && args.length > 0 && !/%[^s%]|\\/.test(args[0]!.value)) {
    return args.length === 1 ? args[0]!.value : args.slice(1).map((a) => a.value).join('\n');
  }
  if (name.value === 'cat' && args.length === 0 && site.stdinText?.literal) return site.stdinText.text;
  return undefined;
}

function programText(ev: Evaluation, language: Language, text: string, inv: Invocation, finding: Finding): void {
  if (language === 'shell') finding.level = maxRisk(finding.level, ev.text(text, inv.depth + 1, inv.site.text));
  else if (language === 'awk') awkProgram(ev, word(text), inv, finding);
  else inlineCode(ev, language, text, inv, finding);
}

/** Inline code in a language other than the shell: judged by the patterns of CODE_RULES. */
function inlineCode(ev: Evaluation, language: Language, code: string, inv: Invocation, finding: Finding): void {
  const part = inv.site.text;
  let matched = false;
  for (const rule of CODE_RULES) {
    if (rule.languages && !rule.languages.includes(language)) continue;
    if (rule.allOf.every((p) => p.test(code))) {
      matched = true;
      ev.add(finding, rule, `${language}.${rule.id}`, part);
    }
  }
  for (const match of code.matchAll(SHELL_CALLS)) {
    matched = true;
    const [, list, , literal] = match;
    if (literal === undefined) {
      ev.add(finding, CODE_VERDICTS.unknownCommand, `${language}.runs-command`, part);
      continue;
    }
    const command = list?.includes('[') ? listArguments(code, match.index) : literal;
    const level = ev.text(command, inv.depth + 1, command);
    ev.add(finding, { level, reason: CODE_VERDICTS.runsCommand }, `${language}.runs-command`, part);
  }
  if (language === 'perl' || language === 'ruby' || language === 'php') {
    for (const match of code.matchAll(BACKTICK_CALLS)) {
      matched = true;
      const command = match[1] ?? match[2] ?? match[3] ?? '';
      const level = ev.text(command, inv.depth + 1, command);
      ev.add(finding, { level, reason: CODE_VERDICTS.runsCommand }, `${language}.runs-command`, part);
    }
  }
  if (!matched) ev.add(finding, CODE_VERDICTS.readOnly, `${language}.read-only`, part);
}

/** `subprocess.run(["rm", "-rf", path])`: the quoted words of the list, in shell syntax. */
function listArguments(code: string, start: number): string {
  const open = code.indexOf('[', start);
  const close = code.indexOf(']', open);
  const inside = code.slice(open + 1, close < 0 ? undefined : close);
  return inside
    .split(',')
    .map((item) => item.trim())
    .map((item) => (/^(['"]).*\1$/s.test(item) ? quoted(item.slice(1, -1)) : DYNAMIC))
    .join(' ');
}

function awkProgram(ev: Evaluation, program: Word, inv: Invocation, finding: Finding): void {
  const part = inv.site.text;
  const code = program.value;
  for (const match of code.matchAll(AWK_EFFECTS.system)) {
    if (match[1] !== undefined) finding.level = maxRisk(finding.level, ev.text(match[1], inv.depth + 1, part));
    else ev.add(finding, CODE_VERDICTS.unknownCommand, 'awk.system', part);
  }
  for (const match of code.matchAll(AWK_EFFECTS.pipeTo)) {
    const target = match[1]!;
    if (SHELLS.has(target.trim().split(/\s+/)[0]!)) ev.add(finding, FLOW_VERDICTS.decodedToShell, 'awk.pipe-to-shell', part);
    else finding.level = maxRisk(finding.level, ev.text(target, inv.depth + 1, part));
  }
  for (const match of code.matchAll(AWK_EFFECTS.commandInput)) {
    finding.level = maxRisk(finding.level, ev.text(match[1]!, inv.depth + 1, part));
  }
  for (const match of code.matchAll(AWK_EFFECTS.writeTo)) ev.pathEffect(finding, { kind: 'write' }, match[1]!, 'awk.write', part);
  for (const match of code.matchAll(AWK_EFFECTS.readFrom)) ev.pathEffect(finding, { kind: 'print' }, match[1]!, 'awk.getline', part);
  ev.add(finding, { level: 'read', reason: 'processes text and prints it' }, 'awk.program', part);
  finding.traits.add('decodes');
}

function evaluate(ev: Evaluation, inv: Invocation, finding: Finding): boolean {
  const args = inv.words.slice(1);
  const part = inv.site.text;
  if (args.length === 0) return true;
  if (args.every(isStatic)) {
    finding.level = maxRisk(finding.level, ev.text(args.map((a) => a.value).join(' '), inv.depth + 1, part));
    return true;
  }
  const sources = args.flatMap((a) => a.sources);
  if (sources.some((s) => ev.findingOf(s)?.traits.has('downloads'))) {
    ev.add(finding, FLOW_VERDICTS.downloadToShell, 'flow.download-to-shell', part);
    return true;
  }
  const onlySubstitution = args.every((a) => a.variables.length === 0);
  if (onlySubstitution && sources.length > 0 && sources.every((s) => printsToolSetup(ev, s))) {
    ev.add(finding, FLOW_VERDICTS.evalToolSetup, 'eval.tool-setup', part);
    return true;
  }
  ev.add(finding, FLOW_VERDICTS.dynamicCode, 'eval.dynamic', part);
  return true;
}

function printsToolSetup(ev: Evaluation, site: CommandSite): boolean {
  if (ev.findingOf(site)?.traits.has('prints-tool-setup')) return true;
  const [name, first] = site.words;
  return Boolean(name && first && TOOL_NAMES.has(name.value) && TOOL_SETUP_WORDS.has(first.value) && ev.findingOf(site)?.level !== 'dangerous');
}

function source(ev: Evaluation, inv: Invocation, finding: Finding): boolean {
  const file = inv.words[1];
  const part = inv.site.text;
  if (!file) return true;
  if (file.processInput) {
    if (file.processInput.length > 0 && file.processInput.every((s) => printsToolSetup(ev, s))) ev.add(finding, FLOW_VERDICTS.evalToolSetup, 'source.tool-setup', part);
    else judgeProducers(ev, 'shell', file.processInput, inv, finding);
    return true;
  }
  return scriptFile(ev, 'shell', file, inv, finding);
}

function defineAlias(ev: Evaluation, inv: Invocation, finding: Finding): boolean {
  const part = inv.site.text;
  for (const definition of inv.words.slice(1)) {
    const equals = definition.value.indexOf('=');
    if (equals <= 0) continue;
    const name = definition.value.slice(0, equals);
    const value = definition.value.slice(equals + 1);
    ev.aliases.set(name, value);
    if (!isStatic(definition)) ev.add(finding, FLOW_VERDICTS.dynamicCode, 'alias.dynamic', part);
  }
  ev.add(finding, { level: 'read', reason: 'defines an alias; the commands that use it are judged as what it expands to' }, 'alias.define', part);
  return true;
}

const XARGS_VALUE_FLAGS = new Set(['-a', '--arg-file', '-d', '--delimiter', '-E', '-e', '-I', '-i', '-L', '-l', '-n', '--max-args', '-P', '--max-procs', '-s', '--max-chars', '--process-slot-var', '--replace', '--eof', '--max-lines']);

function xargs(ev: Evaluation, inv: Invocation, finding: Finding): boolean {
  const words = inv.words;
  let replace: string | undefined;
  let i = 1;
  for (; i < words.length; i++) {
    const value = words[i]!.value;
    if (value === '--') {
      i++;
      break;
    }
    if (!value.startsWith('-')) break;
    const flag = value.startsWith('--') ? value.split('=')[0]! : value.slice(0, 2);
    if (flag === '-I' || flag === '-i' || flag === '--replace') {
      const attached = value.startsWith('--') ? value.split('=')[1] : value.slice(2);
      replace = attached || (flag === '-I' ? words[++i]?.value : '{}');
      continue;
    }
    if (XARGS_VALUE_FLAGS.has(flag) && value.length === flag.length && !value.includes('=')) i++;
  }
  const command = words.slice(i);
  // Items written in the command itself (`echo /usr /etc | xargs …`) are judged as themselves.
  const known = literalStdin(inv.site)?.split(replace ? /\n/ : /\s+/).map((s) => s.trim()).filter(Boolean);
  perItem(ev, inv, finding, command.length === 0 ? [word('echo')] : command, replace, known?.length ? known : undefined);
  return true;
}

/**
 * Runs a command once per input item, as xargs and parallel do: `{}`-style placeholders take the
 * item, else it is appended. Known items are judged one by one; unknown ones as ITEM.
 */
function perItem(ev: Evaluation, inv: Invocation, finding: Finding, command: Word[], replace: string | undefined, known: string[] | undefined): void {
  for (const item of known ?? [ITEM]) {
    const inner = replace
      ? command.map((w) => (w.value.includes(replace) ? { ...w, value: w.value.split(replace).join(item) } : w))
      : [...command, word(item)];
    ev.invoke({ ...inv, words: inner, argSources: known ? [] : inv.site.stdinFrom, stdinTaken: true }, finding);
  }
}

const PARALLEL_VALUE_FLAGS = new Set(['-j', '--jobs', '-S', '--sshlogin', '-N', '--max-args', '-a', '--arg-file', '--delay', '--timeout', '--retries', '--joblog', '--results', '--tmpdir', '-d', '--delimiter', '--colsep']);
const PARALLEL_PLACEHOLDER = /\{(?:\.|\/|\/\/|\/\.|#|%|\d+)?\}/g;

/** `parallel CMD ::: items`, or items on standard input: the command runs once per item. */
function parallel(ev: Evaluation, inv: Invocation, finding: Finding): boolean {
  const words = inv.words;
  let i = 1;
  for (; i < words.length && words[i]!.value.startsWith('-'); i++) {
    const value = words[i]!.value;
    if (PARALLEL_VALUE_FLAGS.has(value)) i++;
  }
  const separator = words.findIndex((w, j) => j >= i && (w.value === ':::' || w.value === '::::'));
  const command = words.slice(i, separator < 0 ? undefined : separator).map((w) => ({ ...w, value: w.value.replace(PARALLEL_PLACEHOLDER, '{}') }));
  const listed = separator >= 0 && words[separator]!.value === ':::' ? words.slice(separator + 1) : undefined;
  const known = listed?.every(isStatic) ? listed.map((w) => w.value) : (literalStdin(inv.site)?.split('\n').map((s) => s.trim()).filter(Boolean));
  const replace = command.some((w) => w.value.includes('{}')) ? '{}' : undefined;
  perItem(ev, inv, finding, command.length ? command : [word('echo')], replace, known?.length ? known : undefined);
  return true;
}

/** find's actions: -exec runs a command per file, -delete deletes, -fprint writes a file. */
function findActions(ev: Evaluation, inv: Invocation, finding: Finding): void {
  const words = inv.words.slice(1);
  const part = inv.site.text;
  const roots: string[] = [];
  let i = 0;
  for (; i < words.length && !/^[-(!)]/.test(words[i]!.value); i++) roots.push(words[i]!.value);
  if (roots.length === 0) roots.push('.');
  for (; i < words.length; i++) {
    const action = words[i]!.value;
    if (action === '-exec' || action === '-execdir' || action === '-ok' || action === '-okdir') {
      const end = words.findIndex((w, j) => j > i && (w.value === ';' || w.value === '+'));
      const command = words.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? words.length : end;
      if (command.length === 0) continue;
      // -execdir runs from each file's own directory, but the files are still those under the roots.
      const found = roots.map((root) => `${root.replace(/\/$/, '')}/${ITEM}`);
      for (const file of found) {
        const inner = command.map((w) => (w.value.includes('{}') ? { ...w, value: w.value.split('{}').join(file) } : w));
        ev.invoke({ ...inv, words: inner, stdinTaken: true }, finding);
      }
    } else if (action === '-delete') {
      for (const root of roots) ev.pathEffect(finding, { kind: 'delete', recursive: true }, root, 'find.delete', part);
    } else if (action === '-fprint' || action === '-fprint0' || action === '-fprintf' || action === '-fls') {
      const file = words[++i]?.value;
      if (file !== undefined) ev.pathEffect(finding, { kind: 'write' }, file, 'find.fprint', part);
      if (action === '-fprintf') i++;
    }
  }
}

function sedScript(ev: Evaluation, inv: Invocation, finding: Finding): void {
  const part = inv.site.text;
  const args = parseArgs(inv.words.slice(1).map((w) => w.value), { valueFlags: ['-e', '--expression', '-f', '--file', '-l'], bundles: true });
  const scripts = [...(args.flags.get('-e') ?? []), ...(args.flags.get('--expression') ?? [])].filter((s): s is string => s !== true);
  if (scripts.length === 0 && !args.flags.has('-f') && args.positionals[0] !== undefined) scripts.push(args.positionals[0]);
  for (const script of scripts) {
    for (const match of script.matchAll(SED_EFFECTS.writeTo)) {
      const file = (match[1] ?? match[3] ?? '').trim();
      if (file && file !== '/dev/stdout') ev.pathEffect(finding, { kind: 'write' }, file, 'sed.write-command', part);
    }
    for (const match of script.matchAll(SED_EFFECTS.runs)) {
      if (match[1]) finding.level = maxRisk(finding.level, ev.text(match[1], inv.depth + 1, part));
      else ev.add(finding, FLOW_VERDICTS.decodedToShell, 'sed.execute', part);
    }
  }
}

const SSH_VALUE_FLAGS = new Set(['-b', '-c', '-D', '-E', '-e', '-F', '-I', '-i', '-J', '-L', '-l', '-m', '-O', '-o', '-p', '-Q', '-R', '-S', '-W', '-w', '-B', '-P']);

function remoteShell(ev: Evaluation, inv: Invocation, finding: Finding): boolean {
  const words = inv.words;
  const part = inv.site.text;
  let host: string | undefined;
  let tunnel = false;
  let i = 1;
  for (; i < words.length; i++) {
    const value = words[i]!.value;
    if (value === '--') continue;
    if (value.startsWith('-') && value.length > 1) {
      if (/^-[LRDWNf]/.test(value)) tunnel = true;
      const last = `-${value.slice(-1)}`;
      if (SSH_VALUE_FLAGS.has(last) && value.length === 2) i++;
      continue;
    }
    host = value;
    i++;
    break;
  }
  // ssh also reads options written after the host (`ssh -L 8080:db:80 bastion -N`).
  for (; i < words.length && words[i]!.value.startsWith('-'); i++) {
    const value = words[i]!.value;
    if (/^-[LRDWNf]/.test(value)) tunnel = true;
    if (SSH_VALUE_FLAGS.has(value)) i++;
  }
  finding.traits.add('network');
  finding.traits.add('sends-input');
  const command = words.slice(i);
  if (host === undefined) return true;
  if (command.length === 0) {
    if (tunnel) ev.add(finding, FLOW_VERDICTS.tunnel, 'ssh.tunnel', part);
    else ev.add(finding, FLOW_VERDICTS.interactiveRemote, 'ssh.interactive', part);
    return true;
  }
  // ssh joins its arguments with spaces and the remote shell parses them again.
  const text = command.map((w) => w.value).join(' ');
  finding.level = maxRisk(finding.level, ev.text(text, inv.depth + 1, `${part} (on ${host})`));
  ev.flows(inv, finding);
  return true;
}

/** `docker run`/`create` options that hand the container the host. */
function containerCommand(ev: Evaluation, name: string, inv: Invocation, finding: Finding): void {
  const values = inv.words.slice(1).map((w) => w.value);
  const sub = values.find((v) => !v.startsWith('-'));
  const runs = sub === 'run' || sub === 'create' || (sub === 'container' && /^(run|create)$/.test(values[values.indexOf(sub) + 1] ?? ''));
  if (!runs || name === 'kubectl' || name === 'oc') return;
  const part = inv.site.text;
  for (let i = 0; i < values.length; i++) {
    const [flag, attached] = splitOption(values[i]!);
    const value = attached ?? values[i + 1] ?? '';
    for (const escape of CONTAINER_ESCAPES) {
      if (escape.flag !== flag) continue;
      if (!escape.value || escape.value.test(value)) ev.add(finding, escape.verdict, `docker.run.${flag.replace(/^-+/, '')}`, part);
    }
    if (HOST_MOUNT_FLAGS.includes(flag)) {
      const source = flag === '--mount' ? /(?:^|,)(?:source|src)=([^,]+)/.exec(value)?.[1] : value.split(':')[0];
      const location = source?.startsWith('/') || source?.startsWith('~') ? classifyPath(source).location : 'local';
      if (location === 'root' || location === 'system' || location === 'home' || location === 'block-device') {
        ev.add(finding, { level: 'dangerous', reason: 'mounts the host\'s root, a system directory or a home directory into the container' }, 'docker.run.host-mount', part);
      } else if (source !== undefined && classifyPath(source).secret) {
        ev.add(finding, { level: 'admin', reason: 'mounts keys or credentials into the container' }, 'docker.run.secret-mount', part);
      }
    }
  }
}

function splitOption(value: string): [string, string | undefined] {
  const equals = value.indexOf('=');
  return equals > 0 && value.startsWith('-') ? [value.slice(0, equals), value.slice(equals + 1)] : [value, undefined];
}

const EXEC_VALUE_FLAGS = new Set([...DOCKER_GLOBAL_VALUE_FLAGS, ...KUBECTL_VALUE_FLAGS, '-u', '--user', '-w', '--workdir', '-e', '--env', '--env-file', '--detach-keys', '--index',
  '--name', '-p', '--publish', '-v', '--volume', '--entrypoint', '-l', '--label']);

/** `docker exec`, `kubectl exec`, `docker compose exec`: the command run inside is what counts. */
function insideContainer(ev: Evaluation, name: string, inv: Invocation, finding: Finding): boolean {
  const words = inv.words;
  const values = words.map((w) => w.value);
  let i = 1;
  const skipOptions = () => {
    while (i < values.length && values[i]!.startsWith('-') && values[i] !== '--') {
      if (EXEC_VALUE_FLAGS.has(values[i]!)) i++;
      i++;
    }
  };
  skipOptions();
  let compose = name === 'docker-compose' || name === 'podman-compose';
  if (values[i] === 'compose' && name !== 'kubectl') {
    compose = true;
    i++;
    skipOptions();
  }
  if (values[i] === 'container') i++;
  // `docker compose run web python manage.py migrate` runs its command in a new container of the service.
  const composeRun = compose && values[i] === 'run';
  if (values[i] !== 'exec' && !composeRun) return false;
  i++;
  skipOptions();
  const dashes = values.indexOf('--', i);
  const target = values[i];
  const command = dashes >= 0 ? words.slice(dashes + 1) : words.slice(i + 1);
  const part = inv.site.text;
  // With no command, `compose run` starts the service's own: the table judges that.
  if (composeRun && command.length === 0) return false;
  if (target === undefined || command.length === 0) {
    ev.add(finding, { level: 'read', reason: 'names nothing to run' }, `${name}.exec`, part);
    return true;
  }
  const program = command[0]!.value.split('/').pop() ?? '';
  const loneShell = SHELLS.has(program) && !command.some((w) => /^-[a-zA-Z]*c[a-zA-Z]*$/.test(w.value)) && command.length === 1;
  if (loneShell) {
    ev.add(finding, FLOW_VERDICTS.interactiveRemote, `${name}.exec-shell`, part);
    return true;
  }
  ev.invoke({ ...inv, words: command, depth: inv.depth + 1 }, finding);
  return true;
}

function databaseClient(ev: Evaluation, client: DatabaseClient, inv: Invocation, finding: Finding): boolean {
  const part = inv.site.text;
  const args = parseArgs(inv.words.slice(1).map((w) => w.value), { valueFlags: [...client.valueFlags, ...client.statementFlags, ...client.fileFlags] });
  if (client.inspectFlags.some((f) => args.flags.has(f))) {
    ev.add(finding, { level: 'read', reason: 'lists databases or prints its version' }, `${client.id}.inspect`, part);
    return true;
  }
  const statements = client.statementFlags.flatMap((f) => args.flags.get(f) ?? []).filter((s): s is string => s !== true);
  if (client.statementsFromArgs === 'after-first') statements.push(...args.positionals.slice(1));
  if (client.statementsFromArgs === 'all' && args.positionals.length > 0) statements.push(args.positionals.join(' '));
  if (client.fileFlags.some((f) => args.flags.has(f))) ev.add(finding, DATABASE_VERDICTS.file, `${client.id}.file`, part);
  else if (statements.length === 0) {
    const input = inv.site.stdinText?.literal ? inv.site.stdinText.text : undefined;
    if (input !== undefined && !inv.stdinTaken) statements.push(input);
    else if (inv.site.stdinFrom.length > 0 || inv.site.redirects.some((r) => r.operator === '<')) ev.add(finding, DATABASE_VERDICTS.file, `${client.id}.input`, part);
    else ev.add(finding, DATABASE_VERDICTS.interactive, `${client.id}.interactive`, part);
  }
  // `psql -h pg-prod -c "DROP TABLE orders"`: deleting data on a server or database named for production has no way back.
  const targets = [...DATABASE_TARGET_FLAGS.flatMap((f) => args.flags.get(f) ?? []), ...(client.statementsFromArgs === 'all' ? [] : args.positionals.slice(0, 1))];
  const production = targets.some((t) => t !== true && isProdName(t));
  for (const statement of statements.flatMap((s) => s.split(';')).map((s) => s.trim()).filter(Boolean)) {
    const rule = STATEMENT_RULES.find((r) => r.pattern.test(statement));
    if (rule?.id === 'delete' && production) ev.add(finding, DATABASE_VERDICTS.productionDelete, `${client.id}.${rule.id}.prod`, part);
    else if (rule) ev.add(finding, rule.verdict, `${client.id}.${rule.id}`, part);
    else ev.add(finding, DATABASE_VERDICTS.unknown, `${client.id}.unknown-statement`, part);
  }
  return true;
}
