import { ReignError, messageOf } from '../core/errors.js';
import { drained } from './closed-readers.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { createOutput, type Output } from './output.js';

/**
 * Runs one subcommand: builds its output, turns errors into a message a person can act on and a
 * stable exit code. Stack traces only with --debug.
 */
export async function runCommand(
  options: { json?: boolean; debug?: boolean },
  body: (out: Output) => Promise<number | void>,
): Promise<never> {
  const out = createOutput({ json: Boolean(options.json) });
  let code: number;
  try {
    code = (await body(out)) ?? EXIT.success;
  } catch (error) {
    code = reportError(out, error, Boolean(options.debug || process.env.REIGN_DEBUG));
  }
  // Let stdout drain before exiting so piped JSON is never cut short.
  await drained(process.stdout);
  process.exit(code);
}

export function reportError(out: Output, error: unknown, debug: boolean): number {
  const code = error instanceof ReignError ? exitCodeFor(error.code) : EXIT.failure;
  const hint = error instanceof ReignError ? error.hint : undefined;
  if (out.json) {
    const details = error instanceof ReignError ? error.details : undefined;
    out.jsonValue({ error: { code: error instanceof ReignError ? error.code : 'failure', message: messageOf(error), hint: hint ?? null, ...details } });
  }
  out.note(`${out.color.red('error:')} ${messageOf(error)}`);
  if (hint) out.note(`  ${out.color.dim('hint:')} ${hint}`);
  if (debug && error instanceof Error && error.stack) out.note(error.stack);
  return code;
}
