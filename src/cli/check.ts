import { readFileSync } from 'node:fs';
import { messageOf, UsageError } from '../core/errors.js';
import { maxRisk, type RiskJudgement, type RiskLevel } from '../core/risk.js';
import type { Judge } from '../core/context.js';
import { createJudge } from '../safety/judge/index.js';
import { EXIT, RISK_EXIT } from './exit-codes.js';
import type { Output } from './output.js';

/**
 * `reign check`: judges shell commands. One command from the arguments, or with --batch one per
 * JSON Lines object (`{"id","command"}`), printing `{"id","level","reasons"}` for each.
 * With --exit-code the level is also the exit status (for a batch, the most harmful command's).
 */
export async function checkCommand(text: string, opts: { json?: boolean; batch?: string; exitCode?: boolean }, out: Output): Promise<number> {
  const exit = (level: RiskLevel) => (opts.exitCode ? RISK_EXIT[level] : EXIT.success);
  if (opts.batch !== undefined) return exit(await checkBatch(opts.batch, out));
  if (text.trim() === '') {
    throw new UsageError('no command to check', 'pass the command in quotes, e.g. reign check "rm -rf build/", or use --batch <file.jsonl>');
  }
  const judge = await createJudge();
  const judgement = judge.judge(text);
  if (opts.json) out.jsonValue({ id: null, ...judgement });
  else printJudgement(out, judgement);
  return exit(judgement.level);
}

/** Prints one result per line; returns the most harmful level judged. */
async function checkBatch(file: string, out: Output): Promise<RiskLevel> {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read batch file ${file}: ${messageOf(error)}`, 'give a JSON Lines file with one {"id", "command"} object per line');
  }
  const judge = await createJudge();
  const lines = content.split(/\r?\n/);
  let worst: RiskLevel = 'read';
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const result = batchLine(judge, line, index + 1);
    if ('level' in result) worst = maxRisk(worst, result.level);
    out.jsonValue(result, { compact: true });
  });
  return worst;
}

type BatchResult =
  | { id: string | number | null; line: number; error: { code: 'usage'; message: string } }
  | ({ id: string | number | null } & RiskJudgement);

/** One batch line's result; a malformed line gets an error object and the batch goes on. */
function batchLine(judge: Judge, line: string, lineNumber: number): BatchResult {
  let item: unknown;
  try {
    item = JSON.parse(line);
  } catch (error) {
    return { id: null, line: lineNumber, error: { code: 'usage', message: `line ${lineNumber} is not JSON: ${messageOf(error)}` } };
  }
  const record = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? record.id : null;
  if (typeof record.command !== 'string') {
    return { id, line: lineNumber, error: { code: 'usage', message: `line ${lineNumber} has no "command" string` } };
  }
  return { id, ...judge.judge(record.command) };
}

function printJudgement(out: Output, judgement: RiskJudgement): void {
  const paint = levelColour(out);
  out.line(paint(judgement.level, judgement.level));
  for (const reason of judgement.reasons) {
    out.line(`  ${paint(reason.level, reason.level.padEnd(9))} ${reason.reason}`);
    const where = reason.part ? `${reason.part}  ` : '';
    out.line(`            ${out.color.dim(`${where}[${reason.rule}]`)}`);
  }
}

function levelColour(out: Output): (level: RiskLevel, text: string) => string {
  const colours: Record<RiskLevel, (text: string) => string> = {
    read: out.color.green,
    write: out.color.cyan,
    admin: out.color.yellow,
    dangerous: (text) => out.color.bold(out.color.red(text)),
  };
  return (level, text) => colours[level](text);
}
