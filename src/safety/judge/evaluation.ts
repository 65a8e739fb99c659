import type { Parser } from 'web-tree-sitter';
import { maxRisk, riskRank, type RiskLevel, type RiskReason } from '../../core/risk.js';
import { firstMatch, isProdName, parseArgs, selectArgs, subMatch, type MatchContext, type ParsedArgs } from './match.js';
import { classifyPath } from './paths.js';
import { FLOW_VERDICTS, PASS_THROUGH, SECRET_VARIABLE, UNCONDITIONAL_PROGRAM } from './rules/flows.js';
import { UNKNOWN_COMMAND, SUBCOMMAND_TOOLS, tableIndex } from './rules/index.js';
import { CONTENT_EFFECTS, LOCATION_EFFECTS, RECURSIVE_UNKNOWN_DELETE } from './rules/paths.js';
import type { Effect, Rule, ToolTable, Trait, Verdict } from './rules/types.js';
import { INTERPRETERS } from './rules/interpreters.js';
import { PROGRAM_VARIABLES, SAFE_PATH_ENTRY, SYSTEM_BINARY_DIRS, VARIABLE_VERDICTS, WRAPPERS } from './rules/wrappers.js';
import { DYNAMIC, ITEM, isStatic, upstreamOf, type Assignment, type CommandSite, type Word } from './script.js';
import { parseScript } from './syntax.js';

/** Nested shells (`sh -c "sh -c '…'"`) deeper than this are not followed. */
const MAX_DEPTH = 12;

const TABLES = tableIndex();
/** A function's body with its positional parameters given the call's arguments. */
function withArguments(body: string, args: string[]): string {
  return body
    .replace(/"\$[@*]"|\$[@*]/g, args.join(' '))
    .replace(/"?\$\{?([1-9])\}?"?/g, (_all, n: string) => args[Number(n) - 1] ?? "''");
}

/** A shell glob as a regular expression over one path segment. */
function globPattern(glob: string): RegExp {
  const source = glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]').replace(/\[!/g, '[^');
  return new RegExp(`^${source}$`);
}

/** Names of commands the judge knows: a function of one of these names shadows it. */
const REAL_COMMANDS = new Set([...TABLES.keys(), ...WRAPPERS.flatMap((w) => w.names), ...INTERPRETERS.flatMap((i) => i.names)]);

/** One command to judge: a simple command as written, or what a wrapper or `xargs` runs. */
export interface Invocation {
  site: CommandSite;
  /** The command name first. */
  words: Word[];
  /** Commands whose output becomes arguments (`… | xargs cmd`). */
  argSources: CommandSite[];
  depth: number;
  /** Its standard input was already taken by the command around it (xargs). */
  stdinTaken?: boolean;
  /** Named through `command`/`builtin`: the real command, never a function or alias of that name. */
  real?: boolean;
}

/** What judging one command found, for the commands its output or arguments reach. */
export interface Finding {
  level: RiskLevel;
  traits: Set<Trait>;
}

/**
 * Judges the commands of one text in order. Later commands see what earlier ones did: aliases,
 * functions, downloaded files, the Terraform workspace selected.
 */
/** Commands judged by code rather than by a tool table (wrappers, interpreters, find -exec, …); true when it handled one. */
export type CommandHandler = (ev: Evaluation, name: string, inv: Invocation, finding: Finding) => boolean;

export class Evaluation {
  readonly reasons: RiskReason[] = [];
  level: RiskLevel = 'read';
  private readonly facts = new Map<string, Set<string>>();
  readonly aliases = new Map<string, string>();
  readonly functions = new Set<string>();
  /** Each function's body, judged where it is called, with the call's arguments. */
  private readonly functionTexts = new Map<string, string>();
  private readonly called = new Set<string>();
  /** Where `cd` went; undefined while the text has not changed directory. */
  private directory: string | undefined;
  private readonly expandingAliases = new Set<string>();
  private readonly findings = new Map<CommandSite, Finding>();

  constructor(
    private readonly parser: Parser,
    private readonly commandHandler: CommandHandler,
  ) {}

  add(finding: Finding | undefined, verdict: Verdict, rule: string, part: string): void {
    if (finding) finding.level = maxRisk(finding.level, verdict.level);
    this.level = maxRisk(this.level, verdict.level);
    if (!this.reasons.some((r) => r.rule === rule && r.part === part)) {
      this.reasons.push({ level: verdict.level, part, rule, reason: verdict.reason });
    }
  }

  record(fact: string, value: string): void {
    let values = this.facts.get(fact);
    if (!values) this.facts.set(fact, (values = new Set()));
    values.add(value);
  }

  recorded(fact: string, value: string): boolean {
    return this.facts.get(fact)?.has(value) ?? false;
  }

  findingOf(site: CommandSite): Finding | undefined {
    return this.findings.get(site);
  }

  /** Judges shell text; returns the worst level found in it. */
  text(text: string, depth: number, part: string): RiskLevel {
    if (depth > MAX_DEPTH) {
      this.add(undefined, FLOW_VERDICTS.tooLong, 'judge.too-deep', part);
      return 'dangerous';
    }
    const script = parseScript(this.parser, text);
    if (script.hasSyntaxError) this.add(undefined, FLOW_VERDICTS.syntax, 'judge.syntax', part);
    for (const [name, body] of script.functions) {
      this.functions.add(name);
      this.functionTexts.set(name, body);
    }
    let level: RiskLevel = script.hasSyntaxError ? 'dangerous' : 'read';
    // A function's body runs when it is called, with the call's arguments: judged there.
    const bodies: CommandSite[] = [];
    for (const site of script.sites) {
      if (site.insideFunction !== undefined && script.functions.has(site.insideFunction)) {
        if (site.words[0]?.value === site.insideFunction && site.forks) this.add(undefined, FLOW_VERDICTS.forkBomb, 'judge.fork-bomb', site.text);
        bodies.push(site);
        continue;
      }
      level = maxRisk(level, this.site(site, depth).level);
    }
    if (this.reasons.some((r) => r.rule === 'judge.fork-bomb')) level = 'dangerous';
    // One defined and never called here is judged as written: it may be called later.
    for (const site of bodies) if (!this.called.has(site.insideFunction!)) level = maxRisk(level, this.site(site, depth).level);
    return level;
  }

  private site(site: CommandSite, depth: number): Finding {
    const finding: Finding = { level: 'read', traits: new Set() };
    this.findings.set(site, finding);
    for (const assignment of site.assignments) this.assignment(assignment, finding, depth);
    this.redirects(site, finding);
    const name = site.words[0];
    if (name) {
      this.invoke({ site, words: site.words, argSources: [], depth }, finding);
    } else if (site.assignments.length === 0 && site.redirects.length === 0) {
      this.add(finding, FLOW_VERDICTS.empty, 'judge.empty', site.text);
    }
    return finding;
  }

  /** A variable set for a command: some make it run another program or load code. */
  assignment(assignment: Assignment, finding: Finding, depth: number): void {
    const effect = PROGRAM_VARIABLES[assignment.name];
    const part = `${assignment.name}=${assignment.value.raw}`;
    if (assignment.name === 'TF_WORKSPACE') this.record('workspace', assignment.value.value);
    if (!effect) return;
    if (effect === 'shell') {
      if (!isStatic(assignment.value)) this.add(finding, FLOW_VERDICTS.dynamicCode, `variables.${assignment.name}`, part);
      else if (assignment.value.value.trim()) {
        finding.level = maxRisk(finding.level, this.text(assignment.value.value, depth + 1, part));
      }
      return;
    }
    if (effect === 'search-path') {
      const entries = assignment.value.raw.replace(/["']/g, '').split(':');
      if (entries.every((entry) => SAFE_PATH_ENTRY.test(entry))) return;
    }
    this.add(finding, VARIABLE_VERDICTS[effect], `variables.${assignment.name}`, part);
  }

  private redirects(site: CommandSite, finding: Finding): void {
    for (const redirect of site.redirects) {
      const target = redirect.target.value;
      const part = `${redirect.operator}${redirect.target.raw}`;
      const duplicate = redirect.operator.endsWith('&') && /^(\d+|-)$/.test(target);
      if (duplicate) continue;
      const path = classifyPath(target);
      if (redirect.operator.startsWith('<') && redirect.operator !== '<>') {
        if (path.secret) {
          this.add(finding, FLOW_VERDICTS.readsSecret, 'redirect.reads-secret', part);
          finding.traits.add('prints-secret');
        }
        if (path.location === 'network') finding.traits.add('network');
        continue;
      }
      if (path.location === 'discard') continue;
      if (path.location === 'network') finding.traits.add('network');
      this.pathEffect(finding, { kind: 'write' }, target, 'redirect.write', site.text);
    }
  }

  /** The level of doing `effect` to one path. */
  /**
   * `cd /etc` earlier in the text: later relative paths are taken from there, so `cd /etc && rm -rf *`
   * deletes in /etc. A directory known only at run time makes them unknown.
   */
  changeDirectory(target: string | undefined): void {
    if (target === undefined || target === '~' || target === '') this.directory = '~';
    else if (!isStatic({ value: target } as Word) || target.includes(ITEM)) this.directory = DYNAMIC;
    else if (target.startsWith('/') || target.startsWith('~')) this.directory = target;
    else if (this.directory !== undefined) this.directory = this.directory === DYNAMIC ? DYNAMIC : `${this.directory.replace(/\/$/, '')}/${target}`;
  }

  /** A path as written, from the directory `cd` last went to. */
  private located(value: string): string {
    if (this.directory === undefined || value.startsWith('/') || value.startsWith('~') || value.includes('://')) return value;
    if (this.directory === DYNAMIC) return `${DYNAMIC}/${value}`;
    return `${this.directory.replace(/\/$/, '')}/${value}`;
  }

  pathEffect(finding: Finding, effect: Pick<Effect, 'kind' | 'recursive'>, value: string, rule: string, part: string): void {
    const path = classifyPath(this.located(value));
    if (effect.kind === 'delete' && effect.recursive && path.location === 'unknown' && path.mayBeEmpty) {
      this.add(finding, RECURSIVE_UNKNOWN_DELETE, `${rule}.unknown-path`, part);
    } else {
      const verdict = LOCATION_EFFECTS[effect.kind][path.location];
      if (verdict) this.add(finding, verdict, `${rule}.${path.location}`, part);
    }
    // `tar czf - ~`, `zip -r - /`: a whole home directory or the filesystem printed holds its keys and credentials.
    if (effect.kind === 'print' && (path.location === 'home' || path.location === 'root')) finding.traits.add('prints-secret');
    if (path.secret) {
      const verdict = CONTENT_EFFECTS.secret[effect.kind];
      if (verdict) this.add(finding, verdict, `${rule}.secret`, part);
      if (effect.kind === 'print') finding.traits.add('prints-secret');
    }
    if (path.startup) {
      const verdict = CONTENT_EFFECTS.startup[effect.kind];
      if (verdict) this.add(finding, verdict, `${rule}.startup`, part);
    }
  }

  invoke(inv: Invocation, finding: Finding): void {
    const nameWord = inv.words[0]!;
    const part = inv.site.text;
    if (!isStatic(nameWord) || nameWord.value.includes(ITEM)) {
      this.add(finding, FLOW_VERDICTS.dynamicCommand, 'judge.dynamic-command', part);
      return;
    }
    let name = nameWord.value;
    if (/[*?[]/.test(name) && this.globbedCommand(name, inv, finding)) return;
    if (name.includes('/')) {
      const slash = name.lastIndexOf('/');
      const dir = name.slice(0, slash) || '/';
      if (!SYSTEM_BINARY_DIRS.has(dir)) {
        if (this.recorded('downloaded', name) || this.recorded('downloaded', name.replace(/^\.\//, ''))) {
          this.add(finding, FLOW_VERDICTS.runsDownload, 'flow.runs-download', part);
        } else this.add(finding, FLOW_VERDICTS.pathBinary, 'judge.path-binary', part);
        return;
      }
      name = name.slice(slash + 1);
    }
    const alias = inv.real ? undefined : this.aliases.get(name);
    // Like bash, an alias is not expanded again inside its own expansion (`alias ls='ls -la'`).
    if (alias !== undefined && !this.expandingAliases.has(name)) {
      const rest = inv.words.slice(1).map((w) => w.raw);
      this.expandingAliases.add(name);
      finding.level = maxRisk(finding.level, this.text([alias, ...rest].join(' '), inv.depth + 1, part));
      this.expandingAliases.delete(name);
      return;
    }
    if (this.functions.has(name) && !inv.real) {
      this.functionCall(name, inv, finding);
      return;
    }
    if (this.commandHandler(this, name, inv, finding)) {
      this.flows(inv, finding);
      return;
    }
    this.tool(name, inv, finding);
  }

  /**
   * A command name that is a pattern (`/b??/r? -rf /`) runs whichever binary it matches: judged as
   * the most harmful known command it can match in a system directory. False when it matches none.
   */
  private globbedCommand(name: string, inv: Invocation, finding: Finding): boolean {
    const slash = name.lastIndexOf('/');
    const directory = slash < 0 ? undefined : name.slice(0, slash) || '/';
    if (directory !== undefined && ![...SYSTEM_BINARY_DIRS].some((d) => globPattern(directory).test(d))) return false;
    const base = globPattern(name.slice(slash + 1));
    const candidates = [...REAL_COMMANDS].filter((n) => base.test(n)).sort();
    if (candidates.length === 0) return false;
    const rest = inv.words.slice(1).map((w) => w.raw).join(' ');
    let worst: { name: string; level: RiskLevel } | undefined;
    for (const candidate of candidates) {
      const level = new Evaluation(this.parser, this.commandHandler).text(`${candidate} ${rest}`, inv.depth + 1, inv.site.text);
      if (!worst || riskRank(level) > riskRank(worst.level)) worst = { name: candidate, level };
    }
    const shown = candidates.length > 1 ? `${worst!.name} (one of ${candidates.length} it matches)` : worst!.name;
    this.add(finding, { level: maxRisk(worst!.level, 'admin'), reason: `the command name ${name} is a pattern that can run ${shown}` }, 'judge.glob-command', inv.site.text);
    return true;
  }

  /**
   * A call to a function defined in the text is judged by its body run with the call's arguments.
   * One named after a real command shadows it, so a reader of `kubectl get pods` is told what runs.
   */
  private functionCall(name: string, inv: Invocation, finding: Finding): void {
    const part = inv.site.text;
    const body = this.functionTexts.get(name);
    if (body === undefined) {
      this.add(finding, FLOW_VERDICTS.function, 'judge.function', part);
      return;
    }
    this.called.add(name);
    const text = withArguments(body, inv.words.slice(1).map((w) => w.raw));
    const level = this.text(text, inv.depth + 1, part);
    const shown = text.length > 100 ? `${text.slice(0, 99)}…` : text;
    if (REAL_COMMANDS.has(name)) this.add(finding, { level, reason: `function \`${name}\` shadows the real command; its body runs \`${shown}\`` }, 'judge.function.shadows', part);
    else this.add(finding, { level, reason: `calls the function ${name}, whose body runs \`${shown}\`` }, 'judge.function', part);
  }

  /** Judges a command by its tool table. */
  tool(name: string, inv: Invocation, finding: Finding): void {
    const part = inv.site.text;
    let words = inv.words.slice(1).map((w) => w.value);
    // PowerShell and cmd.exe names are not case-sensitive.
    let table = TABLES.get(name) ?? TABLES.get(name.toLowerCase());
    const subTool = SUBCOMMAND_TOOLS[name]?.[words[0] ?? ''];
    if (subTool) {
      table = TABLES.get(subTool);
      words = words.slice(1);
    }
    if (!table) {
      this.add(finding, { level: UNKNOWN_COMMAND.level, reason: `${name} ${UNKNOWN_COMMAND.reason}` }, 'judge.unknown-command', part);
      return;
    }
    const args = parseArgs(words, table);
    if (args.flags.has('--help') || (args.flags.has('--version') && args.positionals.length === 0)) {
      this.add(finding, { level: 'read', reason: 'prints help or its version' }, `${table.id}.help`, part);
      return;
    }
    const context = this.matchContext();
    const rule = firstMatch(table, args, context);
    if (!rule) {
      this.add(finding, table.otherwise, `${table.id}.other`, part);
      this.flows(inv, finding);
      return;
    }
    this.applyRule(table, rule, args, finding, part);
    this.flows(inv, finding);
  }

  matchContext(): MatchContext {
    const workspaces = this.facts.get('workspace');
    return {
      prodSelected: workspaces ? [...workspaces].some((w) => isProdName(w)) : false,
      recorded: (fact, value) => this.recorded(fact, value),
    };
  }

  applyRule(table: ToolTable, rule: Rule, args: ParsedArgs, finding: Finding, part: string): void {
    const ruleId = `${table.id}.${rule.id}`;
    this.add(finding, rule, ruleId, part);
    for (const trait of rule.traits ?? []) finding.traits.add(trait);
    const skip = Math.max(0, subMatch(rule.when?.sub, args.positionals));
    for (const effect of rule.effects ?? []) {
      for (const value of selectArgs(effect.on, args, skip)) {
        // curl's `-F name=@file` and `-d @file` name the file after the `@`.
        const path = effect.kind === 'send' ? sentFile(value) : value;
        if (path !== undefined) this.pathEffect(finding, effect, path, ruleId, part);
      }
    }
    if (rule.records) {
      for (const value of selectArgs(rule.records.from, args, skip)) this.record(rule.records.fact, value);
    }
  }

  /** Checks what flows into a command against what it does with it. */
  flows(inv: Invocation, finding: Finding): void {
    const part = inv.site.text;
    const traits = finding.traits;
    if (traits.has('sends-input') && !inv.stdinTaken) {
      if (upstreamOf(inv.site).some((s) => this.leaksSecret(s))) this.add(finding, FLOW_VERDICTS.exfiltrateInput, 'flow.exfiltrate', part);
    }
    if (!traits.has('network') && !traits.has('prints-literal') && !traits.has('acts-on-targets')) return;
    const wordSources = inv.words.flatMap((w) => w.sources);
    if (traits.has('network') && wordSources.some((s) => this.leaksSecret(s) || upstreamOf(s).some((u) => this.leaksSecret(u)))) {
      this.add(finding, FLOW_VERDICTS.exfiltrateArgs, 'flow.exfiltrate-arguments', part);
    }
    if (traits.has('prints-literal') && inv.words.some((w) => w.variables.some((v) => SECRET_VARIABLE.test(v)))) {
      this.add(finding, FLOW_VERDICTS.printsSecretVariable, 'flow.prints-secret-variable', part);
      traits.add('prints-secret');
    }
    if (traits.has('acts-on-targets') && this.listsEverything([...inv.argSources, ...wordSources])) {
      this.add(finding, FLOW_VERDICTS.everything, 'flow.everything', part);
    }
  }

  private leaksSecret(site: CommandSite): boolean {
    const traits = this.findings.get(site)?.traits;
    return Boolean(traits && (traits.has('prints-secret') || traits.has('prints-environment')));
  }

  /** Whether these commands' output names every object of a kind, looking through projections like `cut`. */
  private listsEverything(sites: CommandSite[]): boolean {
    return sites.some((site) => {
      if (this.findings.get(site)?.traits.has('lists-everything')) return true;
      const name = site.words[0]?.value ?? '';
      const program = site.words[1]?.value ?? '';
      const passes = PASS_THROUGH.has(name) || (/^(g|m|n)?awk$|^sed$/.test(name) && UNCONDITIONAL_PROGRAM.test(program));
      return passes && this.listsEverything(site.stdinFrom);
    });
  }

  /** The reasons to show: everything above `read` when something is, else the `read` ones. */
  result(): { level: RiskLevel; reasons: RiskReason[] } {
    if (this.reasons.length === 0) this.reasons.push({ ...FLOW_VERDICTS.noProgram, rule: 'judge.no-program' });
    const shown = this.level === 'read' ? this.reasons : this.reasons.filter((r) => riskRank(r.level) > 0);
    const reasons = [...shown].sort((a, b) => riskRank(b.level) - riskRank(a.level));
    return { level: this.level, reasons };
  }
}

/** The file a curl data or form option uploads (`@file`, `name=@file`, `-T file`), if any. */
function sentFile(value: string): string | undefined {
  const at = value.lastIndexOf('@');
  if (at < 0) return value.includes('=') ? undefined : value;
  const file = value.slice(at + 1).split(';')[0]!;
  return file === '-' ? undefined : file;
}

