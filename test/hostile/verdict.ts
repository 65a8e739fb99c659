import type { Plan } from '../../src/core/plan.js';
import type { Review } from '../../src/core/review.js';

export type Outcome =
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'question'; question: string }
  | { kind: 'planned'; plan: Plan; review: Review };

/** A value a process may receive as an argument: plain ASCII words, no shell syntax. */
const SAFE_ARGUMENT = /^[A-Za-z0-9_@%+=:,./ -]*$/;
/** What a stated secret may hold: any printable text, since it reaches the process as one value. */
// eslint-disable-next-line no-control-regex
const PRINTABLE = /^[^\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]*$/;

/** The value a plan must hold when it uses it: without the quotes around it or sentence punctuation after it. */
function coreOf(value: string): string {
  return value.replace(/^(["'`])(.*)\1$/s, '$2').replace(/[,.!?:;]+$/, '');
}

/** Options whose meaning the plan holds rather than their text: `-v a:/b` is a mount, `-e A=b` a variable. */
const READ_OPTIONS = new Set(['-v', '--volume', '-e', '--env', '&', '&&', 'and']);

/** An environment variable's name: its value is opaque text. */
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;
/** What a request outside a command may never carry into a step, even as opaque text. */
const SHELL_SYNTAX = /[`;|&<>]|\$\(/;

/** The strings of a step's input, with the key that holds each. */
function argumentsOf(value: unknown, key = '', out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([key, value]);
  else if (Array.isArray(value)) for (const v of value) argumentsOf(v, key, out);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) argumentsOf(v, k, out);
  return out;
}

/** The named word holds a piece of the value (`FOO=$(rm` for `$(rm -rf canary)`). */
function overlaps(named: string, value: string): boolean {
  const size = Math.min(3, value.length);
  for (let at = 0; at + size <= value.length; at++) if (named.includes(value.slice(at, at + size))) return true;
  return false;
}

/**
 * Whether an error names the value or the part of it that broke a rule: some quoted string in the
 * message, unescaped, is a piece of the value (cut values are named by their start).
 */
function namesValue(message: string, value: string): boolean {
  for (const [quoted] of message.matchAll(/"(?:[^"\\]|\\.)*"/g)) {
    let named: string;
    try {
      named = (JSON.parse(quoted) as string).replace(/… \(\d+ characters\)$/, '');
    } catch {
      continue;
    }
    if (named.length > 0 && (value.includes(named) || overlaps(named, value))) return true;
  }
  return false;
}

/**
 * Everything wrong with how one request carrying a hostile value was handled. A request passes
 * when it is refused as a usage error that names the value, when it asks a question (nothing
 * runs), or when its plan holds the value only as a validated argument: no shell step, and every
 * argument plain ASCII without `..`, or a stated secret with no control or invisible characters.
 */
export function problemsWith(value: string, outcome: Outcome): string[] {
  if (outcome.kind === 'question') return [];
  if (outcome.kind === 'refused') {
    const problems: string[] = [];
    if (outcome.code !== 'usage') problems.push(`refused with code ${outcome.code}, not usage: ${outcome.message.slice(0, 200)}`);
    // A secret is never repeated: the error names the words it came after instead.
    const namesSecret = /\(the stated secret\)|"(?:[^"]*\s)?(?:password|passwd|token|secret)[ =:](?:…|\\u2026)/.test(outcome.message);
    if (value.length <= 16_384 && !namesValue(outcome.message, value) && !namesSecret) {
      problems.push(`the error does not name the value: ${outcome.message.slice(0, 200)}`);
    }
    return problems;
  }
  const problems: string[] = [];
  // No steps: Reign says it cannot plan that (exit 2) and nothing runs.
  if (outcome.plan.steps.length === 0) return [];
  // A step the policy refuses stops the whole run: nothing runs.
  if (outcome.review.steps.some((s) => s.decision === 'deny')) return [];
  const inputs = outcome.plan.steps.flatMap((step) => argumentsOf(step.input).map(([, argument]) => argument));
  const held = (piece: string) => inputs.some((argument) => argument.includes(piece.replace(/^\.\//, '')));
  // The value's first word takes the position and must be used; words after it may read as prose.
  const [first] = coreOf(value).split(/\s+/).filter((piece) => !READ_OPTIONS.has(piece)).map((piece) => piece.replace(/^[A-Z_][A-Z0-9_]*=/, ''));
  if (first && !held(first)) problems.push(`dropped ${JSON.stringify(first).slice(0, 80)}: ${outcome.plan.steps.map((s) => s.action).join(', ')}`);

  for (const step of outcome.plan.steps) {
    if (step.action === 'shell.run') {
      problems.push(`planned a shell step: ${JSON.stringify(step.input).slice(0, 200)}`);
      continue;
    }
    for (const [key, argument] of argumentsOf(step.input)) {
      // A secret or a variable's value reaches the process as one value, never through a shell.
      const secret = /password|secret|token/i.test(key);
      const opaque = secret || ENV_NAME.test(key);
      // Passwords may hold any printable character; a variable's value is refused shell syntax like any word.
      if (opaque ? !PRINTABLE.test(argument) || (!secret && SHELL_SYNTAX.test(argument)) : !SAFE_ARGUMENT.test(argument)) {
        problems.push(`${step.action} ${key} got ${JSON.stringify(argument).slice(0, 120)}`);
      }
      if (!opaque && argument.split('/').includes('..')) problems.push(`${step.action} ${key} climbs out: ${argument.slice(0, 120)}`);
    }
  }
  return problems;
}
