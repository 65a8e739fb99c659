import { z } from 'zod';
import { UsageError } from './errors.js';
import { GENERATED } from './generated-secrets.js';
import type { Interpretation, StatedValue } from './interpretation.js';
import type { Plan } from './plan.js';
import { IMAGE_REFERENCE, SHELL_SYNTAX, StrictDetails, StrictEntities, safeName, safePath } from './patterns.js';
import { parseWith, shownValue as shown } from './validate.js';

/**
 * The checks a request passes before anything is planned from it. Shell text is allowed only when
 * the whole request is a command (`details.command`, judged whole later); anywhere else a word
 * holding shell syntax, control or invisible characters, look-alike letters or an oversized value
 * is refused, naming the word and the rule. Values the text states ("named X", "port X") are held
 * to their strict shapes as written, so nothing is cut down to a part that happens to look safe.
 */
export function checkRequest(text: string, interpretations: readonly Interpretation[]): void {
  // Tasks are read apart, and what joined them (`;`, a quote spanning two) is in no single task's
  // text: the whole request is checked as well, unless it is one command judged whole.
  if (interpretations.length > 1 && interpretations.every((i) => i.details.command === undefined)) {
    checkWords(text, new Set(interpretations.flatMap((i) => i.stated.filter((s) => s.kind === 'secret').map((s) => s.value))));
  }
  for (const i of interpretations) checkRequestValues(i);
}

function checkRequestValues(i: Interpretation): void {
  if (i.details.command === undefined) checkWords(i.text, new Set(i.stated.filter((s) => s.kind === 'secret').map((s) => s.value)));
  for (const stated of i.stated) checkStated(stated);
  parseWith(StrictEntities, i.entities, 'request value');
  parseWith(StrictDetails, i.details, 'request value');
}

const MAX_REQUEST_LENGTH = 16_384;
const MAX_WORD_LENGTH = 256;

/** Why a word cannot be a value, first match wins; each row is shown to the user. */
const WORD_RULES: readonly { test: (word: string) => boolean; rule: string }[] = [
  // eslint-disable-next-line no-control-regex
  { test: (w) => /[\u0000-\u001f\u007f-\u009f]/.test(w), rule: 'it holds control characters (newlines, NUL or terminal escapes)' },
  { test: (w) => /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/.test(w), rule: 'it holds invisible or right-to-left marks' },
  { test: (w) => SHELL_SYNTAX.test(w) || /["']/.test(w.replace(/(?<=[A-Za-z])['’](?=[A-Za-z])/g, '')), rule: 'it holds shell syntax; Reign runs shell text only when the whole request is a command, e.g. reign \'run "du -sh /var/log"\'' },
  { test: (w) => /%[0-9a-f]{2}/i.test(w), rule: 'it holds URL-encoded characters' },
  { test: (w) => /[^\x20-\x7e’‘“”–—…·×°]/.test(w), rule: 'names, images, ports and paths are plain ASCII (Docker names: letters, digits, "_", "." and "-")' },
  { test: (w) => w.length > MAX_WORD_LENGTH, rule: `values are at most ${MAX_WORD_LENGTH} characters` },
];

/** Quoted text in a request: checked whole, since its spaces and punctuation are part of one value. */
// A quote opens a value only at the start of a word (or after `=`), and closes at its end: one in
// the middle of a word (`api`id``) is shell syntax, not quoting, and stays in the word to be refused.
const QUOTED = /(?<![^\s=(])(?:"([^"]*)"|“([^”]*)”|`([^`]*)`|'([^']*)')(?![^\s,.!?:;)])/gs;
/** Shell operators standing alone between words ("web1 ; touch x"): "&" and "&&" read as "and". */
const LONE_OPERATOR = /^(?:;+|\|{1,2}|>{1,2}|<{1,2}|\$\(|`)$/;

function checkWords(text: string, secrets: Set<string>): void {
  if (text.length > MAX_REQUEST_LENGTH) throw new UsageError(`the request is ${text.length} characters long: requests are at most ${MAX_REQUEST_LENGTH}`);
  const refuse = (value: string, rule: string) => {
    throw new UsageError(`request value ${shown(value)}: ${rule}`, 'nothing was run; rephrase the request with plain values');
  };
  const isSecret = (value: string) => secrets.has(value);
  // Quoted values first, whole: `named "web1 ; touch x"` is one value holding shell syntax.
  const unquoted = text.replace(QUOTED, (whole, ...groups: (string | undefined)[]) => {
    const inner = groups.slice(0, 4).find((g) => g !== undefined) ?? '';
    if (!isSecret(inner)) {
      const broken = WORD_RULES.find((r) => r.test(inner.replace(/ /g, '')));
      if (broken) refuse(whole, broken.rule);
    }
    return ' ';
  });
  for (const chunk of unquoted.split(/[ \t]+/)) {
    if (!chunk || chunk === '&' || chunk === '&&') continue;
    if (LONE_OPERATOR.test(chunk)) refuse(chunk, WORD_RULES[2]!.rule);
    // Sentence punctuation is not part of a value; a quote left here has no partner, and is refused.
    const word = chunk.replace(/^\(+/, '').replace(/[,.!?:;)]+$/, '');
    if (!word || isSecret(word)) continue;
    // A secret inside a chunk ("password=hunter2") is not checked, but what surrounds it is.
    const rest = [...secrets].reduce((left, secret) => left.split(secret).join(''), word);
    const broken = WORD_RULES.find((r) => r.test(rest));
    if (broken) refuse(chunk, broken.rule);
  }
}

const PORT = z.number().int().min(1, 'ports are 1-65535').max(65535, 'ports are 1-65535');
const STATED_SHAPES: Record<StatedValue['kind'], (value: string) => string | undefined> = {
  name: (v) => problem(StrictEntities.shape.name, v),
  network: (v) => problem(safeName, v),
  tag: (v) => (IMAGE_REFERENCE.test(v) && v.length <= 256 ? undefined : 'expected an image reference such as api:dev or ghcr.io/acme/api:1.2'),
  port: (v) => {
    const parts = /^(\d{1,6})(?::(\d{1,6}))?(?:\/(?:tcp|udp))?$/.exec(v);
    if (!parts) return 'expected a port number 1-65535 (or host:container, e.g. 8080:80)';
    return problem(PORT, Number(parts[1])) ?? (parts[2] ? problem(PORT, Number(parts[2])) : undefined);
  },
  path: (v) => problem(safePath, v),
  // eslint-disable-next-line no-control-regex
  env: (v) => (/^[^\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]{1,4096}$/.test(v) ? undefined : 'expected one line of at most 4096 characters, with no control or invisible characters'),
  memory: (v) => (/^\d+$/.test(v) ? undefined : 'expected a memory size such as 512m or 2g'),
  // Used or refused: a word only a value would be, which the plan must hold to have used it.
  word: () => undefined,
  command: () => 'a shell command inside a larger request: Reign runs shell text only when the whole request is a command, e.g. reign \'run "du -sh /var/log"\'',
  flag: (v) => (/^--?[A-Za-z0-9][\x21-\x7e]*$/.test(v) ? undefined : 'expected an option such as --rm or --user=app'),
  // eslint-disable-next-line no-control-regex
  secret: (v) => (/^[^\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]{1,256}$/.test(v) ? undefined : 'expected one line of at most 256 characters, with no control or invisible characters'),
};

function checkStated(stated: StatedValue): void {
  // The placeholder would be replaced by a made secret: the value the user stated would be lost.
  const wrong = stated.value.includes(GENERATED) ? `${GENERATED} stands for a secret Reign makes when the step runs; state another value` : STATED_SHAPES[stated.kind](stated.value);
  if (!wrong) return;
  const value = stated.kind === 'secret' ? '(the stated secret)' : shown(stated.value);
  throw new UsageError(`request value ${stated.kind} ${value} (from "${shownWords(stated)}"): ${wrong}`, 'nothing was run; rephrase the request with a valid value');
}

function problem(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

function shownWords(stated: StatedValue): string {
  const words = stated.kind === 'secret' ? stated.words.replace(stated.value, '…') : stated.words;
  return shown(words).slice(1, -1);
}

/**
 * What of a stated path a step must hold: steps resolve `./app` against the working directory
 * and take a mount `./data:/data` apart, so each side is looked for without its `./` or `~/`.
 */
function pathParts(value: string): string[] {
  return value
    .split(':')
    .filter((part) => part && part !== 'ro' && part !== 'rw')
    .map((part) => part.replace(/^~?\.{0,2}\//, '').replace(/\/+$/, ''))
    .filter(Boolean);
}

const SPEC_WORDS = new Set<StatedValue['kind']>(['word', 'flag']);

/** What of an option a step must hold: its value (`--user=root` → root), else its name (`--privileged`). */
function optionValue(option: string): string {
  const [name, value] = option.split('=', 2) as [string, string | undefined];
  return value ?? name.replace(/^--/, '');
}

/**
 * Every value the request states is used by a step, or the plan is refused naming the words left
 * over: a dropped "port 99999" or "with password …" would run something other than what was asked.
 */
export function checkStatedUsed(plan: Plan): void {
  if (plan.steps.length === 0) return;
  const strings: string[] = [];
  const numbers = new Set<number>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (typeof value === 'number') numbers.add(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const step of plan.steps) collect(step.input);
  const used = (s: StatedValue) =>
    s.kind === 'path'
      ? pathParts(s.value).every((part) => strings.some((text) => text.includes(part)))
      : s.kind === 'flag'
        ? strings.some((text) => text.includes(optionValue(s.value)))
        : s.kind === 'memory'
          ? numbers.has(Number(s.value))
          : strings.some((text) => text.includes(s.value)) || (s.kind === 'port' && numbers.has(Number(s.value.split(/[:/]/)[0])));
  // Files written from a request are its specification as a whole, reviewed before they are
  // written: the words and options a generator does not place are not values dropped from a step.
  const generates = plan.steps.some((step) => step.action === 'files.write');
  const unused = plan.interpretations.flatMap((i) => i.stated).filter((s) => !(generates && SPEC_WORDS.has(s.kind)) && !used(s));
  if (unused.length === 0) return;
  const words = unused.map((s) => shownWords(s));
  // A path no recipe takes is usually a file task: those run as a quoted command, judged whole.
  const hint = unused.every((s) => s.kind === 'path')
    ? `nothing was run; for a file or machine task quote the command, e.g. reign 'run "du -sh ${unused[0]!.value}"'`
    : 'nothing was run; rephrase the request so each value has a place (e.g. "run nginx on port 8080 named web")';
  throw new UsageError(
    `I did not use ${words.map((w) => `"${w}"`).join(', ')} from the request: the plan would not do what was asked`,
    hint,
    { unused: unused.map((s) => ({ kind: s.kind, words: shownWords(s) })) },
  );
}
