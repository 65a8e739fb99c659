import { createRequire } from 'node:module';
import { Language, Parser, type Node } from 'web-tree-sitter';
import { DYNAMIC, type Assignment, type CommandSite, type Redirect, type ShellScript, type StdinText, type Word } from './script.js';
import { evaluateArithmetic } from './arithmetic.js';

/** Variables whose value is known well enough to judge paths built from them. */
const KNOWN_VARIABLES: Record<string, string> = { HOME: '~', PWD: '.' };

/** Longest command text kept in a reason. */
const PART_LIMIT = 160;

let parserLoading: Promise<Parser> | undefined;

/** The bash parser, loaded once per process. */
export function loadShellParser(): Promise<Parser> {
  parserLoading ??= (async () => {
    await Parser.init();
    const grammar = createRequire(import.meta.url).resolve('tree-sitter-bash/tree-sitter-bash.wasm');
    const parser = new Parser();
    parser.setLanguage(await Language.load(grammar));
    return parser;
  })();
  return parserLoading;
}

/** Parses shell text into the commands it would run. */
export function parseScript(parser: Parser, text: string): ShellScript {
  const tree = parser.parse(text);
  if (!tree) return { sites: [], functions: new Map(), hasSyntaxError: true };
  try {
    const builder = new ScriptBuilder();
    builder.statement(tree.rootNode, []);
    return { sites: builder.sites, functions: builder.functions, hasSyntaxError: tree.rootNode.hasError };
  } finally {
    tree.delete();
  }
}

function shorten(text: string): string {
  const oneLine = text.split('\n', 1)[0] ?? '';
  const cut = oneLine.length > PART_LIMIT ? `${oneLine.slice(0, PART_LIMIT)}…` : oneLine;
  return cut === text ? text : cut.endsWith('…') ? cut : `${cut} …`;
}

class ScriptBuilder {
  readonly sites: CommandSite[] = [];
  readonly functions = new Map<string, string>();
  private currentFunction: string | undefined;
  /** Loop variables and assignments from substitutions: the commands their value came from. */
  private readonly variableSources = new Map<string, CommandSite[]>();

  /** Converts a statement; returns the commands whose output leaves it. */
  statement(node: Node, stdinFrom: CommandSite[]): CommandSite[] {
    switch (node.type) {
      case 'command':
        return [this.command(node, stdinFrom, [], forksAfter(node))];
      case 'pipeline':
        return this.pipeline(node, stdinFrom);
      case 'redirected_statement':
        return this.redirected(node, stdinFrom);
      case 'function_definition':
        this.functionDefinition(node);
        return [];
      case 'variable_assignment':
        return [this.bareAssignment([node], node.text)];
      case 'variable_assignments':
        return [this.bareAssignment(namedChildren(node), node.text)];
      case 'declaration_command':
      case 'unset_command':
        return [this.declaration(node, stdinFrom)];
      case 'for_statement':
        return this.forStatement(node, stdinFrom);
      case 'command_substitution':
      case 'process_substitution':
        this.word(node);
        return [];
      case 'comment':
        return [];
      default:
        return this.children(node, stdinFrom);
    }
  }

  private children(node: Node, stdinFrom: CommandSite[]): CommandSite[] {
    const out: CommandSite[] = [];
    for (const child of namedChildren(node)) out.push(...this.statement(child, stdinFrom));
    return out;
  }

  private pipeline(node: Node, stdinFrom: CommandSite[]): CommandSite[] {
    let input = stdinFrom;
    for (const stage of namedChildren(node)) {
      input = this.statement(stage, input);
      for (const site of input) site.forks = true;
    }
    return input;
  }

  private redirected(node: Node, stdinFrom: CommandSite[]): CommandSite[] {
    const body = node.childForFieldName('body');
    const redirectNodes: Node[] = [];
    const continuations: Node[] = [];
    for (const child of namedChildren(node)) {
      if (child === body || child.id === body?.id) continue;
      if (child.type === 'heredoc_redirect') {
        redirectNodes.push(child);
        for (const part of namedChildren(child)) {
          if (part.type === 'file_redirect' || part.type === 'herestring_redirect') redirectNodes.push(part);
          else if (!part.type.startsWith('heredoc_')) continuations.push(part);
        }
      } else if (child.type.endsWith('redirect')) {
        redirectNodes.push(child);
      } else {
        continuations.push(child);
      }
    }
    let out: CommandSite[];
    if (body?.type === 'command') {
      out = [this.command(body, stdinFrom, redirectNodes, forksAfter(node))];
    } else {
      out = body ? this.statement(body, stdinFrom) : [];
      // Redirections of a compound statement write as one command would.
      const site = this.emptySite(node.text, stdinFrom);
      this.applyRedirects(site, redirectNodes);
      this.sites.push(site);
    }
    for (const continuation of continuations) {
      // `cat <<EOF | kubectl apply -f -`: the grammar puts the rest of the pipeline inside the here-document.
      const piped = continuation.type === 'pipeline' && continuation.child(0)?.type === '|';
      out = this.statement(continuation, piped ? out : []);
    }
    return out;
  }

  private functionDefinition(node: Node): void {
    const name = node.childForFieldName('name')?.text ?? '';
    const body = node.childForFieldName('body');
    // `{ …; }` or `( … )`: the commands inside, as a call runs them.
    this.functions.set(name, (body?.text ?? '').replace(/^\s*[{(]\s*|\s*[})]\s*$/g, ''));
    const outer = this.currentFunction;
    this.currentFunction = name;
    if (body) this.statement(body, []);
    this.currentFunction = outer;
  }

  private forStatement(node: Node, stdinFrom: CommandSite[]): CommandSite[] {
    const variable = node.childForFieldName('variable')?.text;
    const values = node.childrenForFieldName('value').filter((v): v is Node => v !== null).map((v) => this.word(v));
    if (variable) this.variableSources.set(variable, values.flatMap((v) => v.sources));
    const body = node.childForFieldName('body');
    return body ? this.statement(body, stdinFrom) : [];
  }

  private bareAssignment(nodes: Node[], text: string): CommandSite {
    const site = this.emptySite(text, []);
    for (const node of nodes) {
      if (node.type === 'variable_assignment') site.assignments.push(this.assignment(node));
    }
    for (const assignment of site.assignments) {
      if (assignment.value.sources.length > 0) this.variableSources.set(assignment.name, assignment.value.sources);
    }
    this.sites.push(site);
    return site;
  }

  private declaration(node: Node, stdinFrom: CommandSite[]): CommandSite {
    const site = this.emptySite(node.text, stdinFrom);
    const keyword = node.child(0);
    if (keyword) site.words.push(literalWord(keyword.text));
    for (const child of namedChildren(node)) {
      if (child.type === 'variable_assignment') site.assignments.push(this.assignment(child));
      else site.words.push(this.word(child));
    }
    this.sites.push(site);
    return site;
  }

  private command(node: Node, stdinFrom: CommandSite[], redirectNodes: Node[], forks: boolean): CommandSite {
    const site = this.emptySite(node.text, stdinFrom);
    site.forks = forks;
    const ownRedirects: Node[] = [];
    for (let i = 0; i < node.childCount; i++) {
      const child = node.child(i);
      if (!child || !child.isNamed) continue;
      const field = node.fieldNameForChild(i);
      if (child.type === 'variable_assignment') site.assignments.push(this.assignment(child));
      else if (field === 'redirect' || child.type.endsWith('_redirect')) ownRedirects.push(child);
      else if (child.type === 'command_name') site.words.push(this.word(child.namedChild(0) ?? child));
      else if (child.type !== 'comment') site.words.push(this.word(child));
    }
    const redirects = [...ownRedirects, ...redirectNodes];
    this.applyRedirects(site, redirects);
    const written = redirects.filter((r) => r.type === 'file_redirect').map((r) => r.text);
    site.text = shorten([node.text, ...written].join(' '));
    this.sites.push(site);
    return site;
  }

  private applyRedirects(site: CommandSite, nodes: Node[]): void {
    for (const node of nodes) {
      if (node.type === 'heredoc_redirect') site.stdinText = this.heredoc(node);
      else if (node.type === 'herestring_redirect') {
        const word = this.word(node.namedChild(node.namedChildCount - 1) ?? node);
        site.stdinText = { text: word.value, literal: !word.value.includes(DYNAMIC) };
      } else if (node.type === 'file_redirect') {
        const redirect = this.fileRedirect(node);
        if (redirect) site.redirects.push(redirect);
      }
    }
  }

  private heredoc(node: Node): StdinText {
    const start = node.namedChildren.find((c) => c?.type === 'heredoc_start');
    const body = node.namedChildren.find((c) => c?.type === 'heredoc_body');
    const quoted = /^['"\\]/.test(start?.text ?? '');
    let literal = true;
    if (body && !quoted) {
      for (const part of namedChildren(body)) {
        if (part.type !== 'heredoc_content') {
          literal = false;
          this.word(part);
        }
      }
    }
    return { text: body?.text ?? '', literal };
  }

  private fileRedirect(node: Node): Redirect | undefined {
    let operator = '';
    let descriptor: number | undefined;
    let target: Word | undefined;
    for (let i = 0; i < node.childCount; i++) {
      const child = node.child(i);
      if (!child) continue;
      const field = node.fieldNameForChild(i);
      if (child.type === 'file_descriptor') descriptor = Number(child.text);
      // `>& /dev/tcp/h/p 0>&1` can read as two destinations; the first is the file.
      else if (field === 'destination') target ??= this.word(child);
      else if (!child.isNamed) operator += child.text;
    }
    return target ? { operator, descriptor, target } : undefined;
  }

  private assignment(node: Node): Assignment {
    const name = node.childForFieldName('name')?.text ?? '';
    const valueNode = node.childForFieldName('value');
    return { name, value: valueNode ? this.word(valueNode) : literalWord('') };
  }

  private emptySite(text: string, stdinFrom: CommandSite[]): CommandSite {
    return {
      text: shorten(text),
      assignments: [],
      words: [],
      redirects: [],
      stdinFrom,
      forks: false,
      insideFunction: this.currentFunction,
    };
  }

  /** Resolves a word node: its static value, and the commands any substitution in it runs. */
  word(node: Node): Word {
    const word: Word = { raw: node.text, value: '', sources: [], variables: [] };
    this.wordPart(node, word, false);
    return word;
  }

  private wordPart(node: Node, word: Word, quoted: boolean): void {
    switch (node.type) {
      case 'word':
        word.value += quoted ? node.text : unescapeUnquoted(node.text);
        return;
      case 'number':
      case 'heredoc_content':
      case 'test_operator':
      case 'regex':
        word.value += node.text;
        return;
      case 'string_content':
        word.value += node.text.replace(/\\([$`"\\\n])/g, '$1');
        return;
      case 'raw_string':
        word.value += node.text.slice(1, -1);
        return;
      case 'ansi_c_string':
        word.value += decodeAnsiC(node.text.slice(2, -1));
        return;
      case 'translated_string':
      case 'string':
        for (const child of namedChildren(node)) this.wordPart(child, word, true);
        return;
      case 'simple_expansion':
      case 'expansion': {
        const name = node.namedChildren.find((c) => c?.type === 'variable_name' || c?.type === 'special_variable_name')?.text ?? '';
        word.variables.push(name);
        const known = KNOWN_VARIABLES[name];
        // `${HOME:?}` is still HOME; `${HOME%/}` or `${X:-default}` are not known.
        const plain = node.type === 'simple_expansion' || /^\$\{\w+(:\?)?\}$/.test(node.text);
        word.value += known !== undefined && plain ? known : DYNAMIC;
        const sources = this.variableSources.get(name);
        if (sources) word.sources.push(...sources);
        for (const child of namedChildren(node)) {
          if (child.type !== 'variable_name') this.collectSubstitutions(child, word);
        }
        return;
      }
      case 'command_substitution': {
        const before = this.sites.length;
        this.children(node, []);
        word.sources.push(...this.sites.slice(before));
        word.value += DYNAMIC;
        return;
      }
      case 'process_substitution': {
        const before = this.sites.length;
        this.children(node, []);
        const sites = this.sites.slice(before);
        word.sources.push(...sites);
        if (node.child(0)?.text === '<(') word.processInput = sites;
        word.value += DYNAMIC;
        return;
      }
      case 'concatenation':
      case 'brace_expression':
        if (node.type === 'brace_expression') {
          word.value += node.text;
          return;
        }
        for (let i = 0; i < node.childCount; i++) {
          const child = node.child(i);
          if (child) this.wordPart(child, word, quoted);
        }
        return;
      case 'arithmetic_expansion': {
        const known = evaluateArithmetic(node.text.replace(/^\$\(\(|\)\)$/g, ''));
        if (known !== undefined) {
          word.value += String(known);
          return;
        }
        this.collectSubstitutions(node, word);
        word.value += DYNAMIC;
        return;
      }
      default:
        if (node.namedChildCount === 0) {
          word.value += node.text;
          return;
        }
        this.collectSubstitutions(node, word);
        word.value += DYNAMIC;
    }
  }

  private collectSubstitutions(node: Node, word: Word): void {
    if (node.type === 'command_substitution' || node.type === 'process_substitution') {
      this.wordPart(node, word, true);
      return;
    }
    for (const child of namedChildren(node)) this.collectSubstitutions(child, word);
  }
}

function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null);
}

/** A command followed by `&` runs in the background. */
function forksAfter(node: Node): boolean {
  const next = node.nextSibling;
  return next?.type === '&';
}

function literalWord(text: string): Word {
  return { raw: text, value: text, sources: [], variables: [] };
}

/** Outside quotes a backslash only protects the next character: `\rm` is `rm`. */
function unescapeUnquoted(text: string): string {
  return text.includes('\\') ? text.replace(/\\(.)/gs, '$1') : text;
}

const ANSI_C_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?',
};

/** Decodes the body of `$'…'`, which hides text such as `$'\x72\x6d'` (rm). */
export function decodeAnsiC(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|[0-7]{1,3}|c.|.)/gs, (match, escape: string) => {
    const head = escape[0]!;
    if (head === 'x' || head === 'u' || head === 'U') return String.fromCodePoint(parseInt(escape.slice(1), 16));
    if (/[0-7]/.test(head)) return String.fromCharCode(parseInt(escape, 8));
    if (head === 'c') return String.fromCharCode(escape.charCodeAt(1) & 31);
    return ANSI_C_ESCAPES[head] ?? match;
  });
}
