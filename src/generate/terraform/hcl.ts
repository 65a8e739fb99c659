/**
 * A small HCL emitter: configuration as data in, text out that `terraform fmt` leaves unchanged.
 * Generators describe blocks and values; only this module knows about quoting, indentation and
 * the alignment of `=` that `terraform fmt` applies.
 */

/** A raw expression: a reference, a function call, a conditional (`var.region`, `cidrsubnet(…)`). */
interface Expression {
  expr: string;
}

export type Value = string | number | boolean | null | Expression | Value[] | { [key: string]: Value };

interface Attribute {
  kind: 'attribute';
  name: string;
  value: Value;
}

interface Block {
  kind: 'block';
  type: string;
  labels: string[];
  body: Body;
}

/** A comment line (`# …`) kept in place; it also ends a run of aligned attributes, as in fmt. */
interface Comment {
  kind: 'comment';
  text: string;
}

type BodyItem = Attribute | Block | Comment;
export type Body = BodyItem[];

export const expr = (text: string): Expression => ({ expr: text });

export const attr = (name: string, value: Value): Attribute => ({ kind: 'attribute', name, value });

export const block = (type: string, labels: string[], body: Body): Block => ({ kind: 'block', type, labels, body });

export const comment = (text: string): Comment => ({ kind: 'comment', text });

/** Attributes from a record, in its key order; `undefined` values are left out. */
export function attrs(record: Record<string, Value | undefined>): Attribute[] {
  return Object.entries(record)
    .filter((entry): entry is [string, Value] => entry[1] !== undefined)
    .map(([name, value]) => attr(name, value));
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const INDENT = '  ';

function isExpression(value: Value): value is Expression {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'expr' in value && Object.keys(value).length === 1;
}

/** A string literal: `${` and `%{` are escaped so text never becomes a template. */
export function quote(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    // A function, because `$$` in a replacement string means one `$`.
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, '%%{');
  return `"${escaped}"`;
}

/** A value that fits on one line, or `undefined` when it needs several. */
function inline(value: Value): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isExpression(value)) return value.expr;
  if (Array.isArray(value)) {
    const items = value.map(inline);
    if (items.some((i) => i === undefined) || value.some((v) => typeof v === 'object' && v !== null && !isExpression(v))) return undefined;
    return `[${items.join(', ')}]`;
  }
  return Object.keys(value).length === 0 ? '{}' : undefined;
}

/** Lines of a value whose first line follows `name = `; later lines are indented by `depth`. */
function valueLines(value: Value, depth: number): string[] {
  const one = inline(value);
  if (one !== undefined) return [one];
  const pad = INDENT.repeat(depth);
  if (Array.isArray(value)) {
    const lines = ['['];
    for (const item of value) {
      const itemLines = valueLines(item, depth + 1);
      itemLines[itemLines.length - 1] += ',';
      lines.push(`${pad}${INDENT}${itemLines[0]}`, ...itemLines.slice(1));
    }
    lines.push(`${pad}]`);
    return lines;
  }
  const entries = Object.entries(value as Record<string, Value>).map(([key, v]) => attr(IDENTIFIER.test(key) ? key : quote(key), v));
  return ['{', ...bodyLines(entries, depth + 1), `${pad}}`];
}

/**
 * The lines of a body at a depth. As `terraform fmt` does, the `=` of consecutive one-line
 * attributes line up; a multi-line attribute, a block, a comment or a blank line ends the run.
 */
function bodyLines(body: Body, depth: number): string[] {
  const pad = INDENT.repeat(depth);
  const lines: string[] = [];
  let run: { name: string; value: string }[] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((a) => a.name.length));
    for (const a of run) lines.push(`${pad}${a.name.padEnd(width)} = ${a.value}`);
    run = [];
  };
  body.forEach((item, index) => {
    const previous = body[index - 1];
    if (item.kind === 'attribute') {
      // An attribute after a nested block (`depends_on`, `lifecycle` settings) is set apart too.
      if (previous?.kind === 'block') {
        flush();
        lines.push('');
      }
      const value = valueLines(item.value, depth);
      if (value.length === 1) {
        run.push({ name: item.name, value: value[0]! });
        return;
      }
      flush();
      lines.push(`${pad}${item.name} = ${value[0]}`, ...value.slice(1));
      return;
    }
    flush();
    if (item.kind === 'comment') {
      lines.push(`${pad}# ${item.text}`);
      return;
    }
    // A blank line sets a nested block apart from what precedes it.
    if (previous && previous.kind !== 'comment') lines.push('');
    lines.push(...blockLines(item, depth));
  });
  flush();
  return lines;
}

function blockLines(b: Block, depth: number): string[] {
  const pad = INDENT.repeat(depth);
  const head = [b.type, ...b.labels.map(quote)].join(' ');
  if (b.body.length === 0) return [`${pad}${head} {}`];
  return [`${pad}${head} {`, ...bodyLines(b.body, depth + 1), `${pad}}`];
}

/** A file of top-level items, each block set apart by a blank line. */
export function renderHcl(items: Body): string {
  return `${bodyLines(items, 0).join('\n')}\n`;
}
