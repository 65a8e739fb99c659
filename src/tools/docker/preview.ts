import { commandLine } from '../../core/shell-quote.js';

/** Pieces for previews: real commands a person can paste into a POSIX shell. */

/** A command line from its words; `undefined` and `false` words (options not given) are left out. */
export function shellCommand(words: readonly (string | undefined | false)[]): string {
  return commandLine(words.filter((word): word is string => typeof word === 'string'));
}

/** `flag value` pairs for each value: `repeated('-e', ['A=1', 'B=2'])` → `-e A=1 -e B=2`. */
export function repeated(flag: string, values: readonly string[]): string[] {
  return values.flatMap((value) => [flag, value]);
}

/**
 * `flag k=v` pairs from a record, in key order so previews are stable:
 * `keyValues('--filter', {app: 'web'}, 'label=')` → `--filter label=app=web`.
 */
export function keyValues(flag: string, record: Readonly<Record<string, string>> | undefined, prefix = ''): string[] {
  const pairs = Object.entries(record ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return repeated(flag, pairs.map(([k, v]) => `${prefix}${k}=${v}`));
}
