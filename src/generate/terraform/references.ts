/**
 * Checks the references of a Terraform configuration in the JSON form HCL parsers produce
 * (`@cdktf/hcl2json`: blocks as `{type: {name: [body]}}`, expressions as `"${…}"` strings):
 * every `var.`, `local.`, `data.`, `module.` and resource reference points at something declared,
 * every tfvars key is a declared variable, and no variable is declared but never used.
 */

export type ParsedHcl = Record<string, unknown>;

/** Roots that are not declarations of the configuration. */
const BUILT_IN_ROOTS = new Set(['each', 'count', 'path', 'terraform', 'self']);

/** A traversal such as `aws_subnet.private` or `data.aws_iam_policy_document.node`. */
const TRAVERSAL = /(?<![\w.])([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*)+)/g;
const FOR_VARIABLES = /\bfor\s+([A-Za-z_]\w*)(?:\s*,\s*([A-Za-z_]\w*))?\s+in\b/g;

interface Declared {
  variables: Set<string>;
  locals: Set<string>;
  resources: Set<string>;
  data: Set<string>;
  modules: Set<string>;
}

function declarationsOf(files: ParsedHcl[]): Declared {
  const declared: Declared = { variables: new Set(), locals: new Set(), resources: new Set(), data: new Set(), modules: new Set() };
  for (const file of files) {
    for (const name of Object.keys(record(file.variable))) declared.variables.add(name);
    for (const locals of list(file.locals)) for (const name of Object.keys(record(locals))) declared.locals.add(name);
    for (const [type, named] of Object.entries(record(file.resource))) for (const name of Object.keys(record(named))) declared.resources.add(`${type}.${name}`);
    for (const [type, named] of Object.entries(record(file.data))) for (const name of Object.keys(record(named))) declared.data.add(`data.${type}.${name}`);
    for (const name of Object.keys(record(file.module))) declared.modules.add(name);
  }
  return declared;
}

/** The references inside the `${…}` interpolations of one string. */
function referencesIn(text: string): string[] {
  const found: string[] = [];
  for (const interpolation of interpolations(text)) {
    // String literals inside an expression are text, not references.
    const code = interpolation.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    const local = new Set<string>();
    for (const match of code.matchAll(FOR_VARIABLES)) for (const name of match.slice(1)) if (name) local.add(name);
    for (const match of code.matchAll(TRAVERSAL)) {
      const root = match[1]!;
      if (local.has(root) || BUILT_IN_ROOTS.has(root)) continue;
      const parts = match[2]!.slice(1).split('.');
      // `data.<type>.<name>` names a declaration in three parts; everything else in two.
      const depth = root === 'data' ? 2 : 1;
      found.push([root, ...parts.slice(0, depth)].join('.'));
    }
  }
  return found;
}

/** Every `${…}` of a string, with nested braces balanced. */
function interpolations(text: string): string[] {
  const out: string[] = [];
  for (let start = text.indexOf('${'); start >= 0; start = text.indexOf('${', start + 2)) {
    if (start > 0 && text[start - 1] === '$') continue;
    let depth = 0;
    for (let i = start + 1; i < text.length; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) {
        out.push(text.slice(start + 2, i));
        break;
      }
    }
  }
  return out;
}

/** Every string in a parsed body with the path that leads to it, skipping variable types. */
function* strings(value: unknown, path: string, dynamicNames: Set<string>): Generator<{ path: string; text: string; locals: Set<string> }> {
  if (typeof value === 'string') {
    yield { path, text: value, locals: dynamicNames };
    return;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* strings(item, `${path}[${i}]`, dynamicNames);
    return;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'dynamic') {
        // `dynamic "ingress"` makes `ingress.value` available inside its content.
        for (const [name, body] of Object.entries(record(child))) yield* strings(body, `${path}.dynamic.${name}`, new Set([...dynamicNames, name]));
        continue;
      }
      yield* strings(child, `${path}.${key}`, dynamicNames);
    }
  }
}

interface ReferenceProblem {
  /** Where the reference is: `resource.aws_eks_cluster.main[0].role_arn`. */
  at: string;
  reference: string;
  problem: string;
}

/** Problems with references across the files of one module, and with its tfvars files. */
export function checkReferences(files: ParsedHcl[], tfvars: ParsedHcl[] = []): ReferenceProblem[] {
  const declared = declarationsOf(files);
  const problems: ReferenceProblem[] = [];
  const used = new Set<string>();
  for (const file of files) {
    for (const [section, content] of Object.entries(file)) {
      const scoped = section === 'variable' ? withoutVariableTypes(content) : content;
      for (const { path, text, locals } of strings(scoped, section, new Set())) {
        for (const reference of referencesIn(text)) {
          const [root] = reference.split('.');
          if (locals.has(root!)) continue;
          if (root === 'var') used.add(reference.slice(4));
          const problem = missing(reference, declared);
          if (problem) problems.push({ at: path, reference, problem });
        }
      }
    }
  }
  for (const name of declared.variables) {
    if (!used.has(name)) problems.push({ at: `variable.${name}`, reference: `var.${name}`, problem: 'declared but never used' });
  }
  for (const values of tfvars) {
    for (const name of Object.keys(values)) {
      if (!declared.variables.has(name)) problems.push({ at: `tfvars.${name}`, reference: `var.${name}`, problem: 'set in a tfvars file but not declared' });
    }
  }
  return problems;
}

function missing(reference: string, declared: Declared): string | undefined {
  const [root, name] = reference.split('.');
  switch (root) {
    case 'var':
      return declared.variables.has(name!) ? undefined : 'no variable of that name is declared';
    case 'local':
      return declared.locals.has(name!) ? undefined : 'no local of that name is declared';
    case 'data':
      return declared.data.has(reference) ? undefined : 'no data source of that type and name is declared';
    case 'module':
      return declared.modules.has(name!) ? undefined : 'no module of that name is declared';
    default:
      return declared.resources.has(reference) ? undefined : 'no resource of that type and name is declared';
  }
}

function withoutVariableTypes(variables: unknown): unknown {
  return Object.fromEntries(
    Object.entries(record(variables)).map(([name, bodies]) => [name, list(bodies).map((body) => ({ ...record(body), type: undefined }))]),
  );
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}
