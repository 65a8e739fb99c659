import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Approver } from '../core/approval.js';
import { ReignError, UsageError } from '../core/errors.js';
import type { Interpretation } from '../core/interpretation.js';
import type { Plan } from '../core/plan.js';
import type { Review } from '../core/review.js';
import type { RunResult } from '../core/run.js';
import type { App } from '../app/app.js';
import { planRequest, reviewSavedPlan, runReviewed, type PlanOptions } from '../flow/request.js';
import type { SessionOptions } from '../flow/session.js';
import { EXIT } from './exit-codes.js';
import type { Output } from './output.js';
import { progressPrinter } from './progress.js';
import { ask, canPrompt } from './prompt.js';
import { imageNotes, interpretationLine, planAsShell, planTable, reviewNotes, summaryLines } from './render.js';

export interface RequestOptions extends SessionOptions, Pick<PlanOptions, 'transformPlan' | 'emptyMessage'> {
  json?: boolean;
  yes?: boolean;
  dir?: string;
  concurrency?: string;
  stepTimeout?: string;
}

/** `reign "<request>"`: understand, plan, review, confirm, execute, summarise. */
export async function requestCommand(app: App, text: string, opts: RequestOptions, out: Output): Promise<number> {
  const prepared = await prepareRequest(app, text, opts, out);
  if ('exit' in prepared) return prepared.exit;
  if (prepared.unsure && !(await readingConfirmed(prepared, out))) return EXIT.usage;
  return confirmAndExecute(app, prepared.plan, prepared.review, opts, out, prepared.interpretations);
}

/** `reign plan "<request>"`: the plan without running it; `--emit sh` prints the commands. */
export async function planCommand(app: App, text: string, opts: RequestOptions & { emit?: string; out?: string }, out: Output): Promise<number> {
  if (opts.emit && opts.emit !== 'sh') throw new UsageError(`--emit ${opts.emit} is not supported`, 'use --emit sh');
  const prepared = await prepareRequest(app, text, { ...opts, quiet: Boolean(opts.emit) }, out);
  if ('exit' in prepared) return prepared.exit;
  const { plan, review } = prepared;
  if (opts.out) {
    // Generated secrets are placeholders; a stated one is redacted, and such a plan is planned again rather than applied.
    await writeFile(resolve(app.cwd, opts.out), `${JSON.stringify(app.secrets.redactValue(plan), null, 2)}\n`);
    out.note(`plan written to ${opts.out}: reign apply ${opts.out}`);
  }
  if (opts.emit === 'sh') out.line(planAsShell(plan));
  else if (out.json) out.jsonValue({ interpretations: prepared.interpretations, plan, review });
  return review.decision === 'deny' ? EXIT.refused : EXIT.success;
}

/** `reign apply <plan.json>`: a saved plan, reviewed again under today's policy, then executed. */
export async function applyCommand(app: App, file: string, opts: RequestOptions, out: Output): Promise<number> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(resolve(app.cwd, file), 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read plan ${file}: ${(error as Error).message}`, 'write one with: reign plan "<request>" --out plan.json');
  }
  const { plan, review } = await reviewSavedPlan(app, raw, file);
  showPlan(out, plan, review, plan.interpretations);
  return confirmAndExecute(app, plan, review, opts, out, plan.interpretations);
}

type Prepared = { interpretations: Interpretation[]; plan: Plan; review: Review; unsure?: boolean } | { exit: number };

/**
 * A reading below the confidence Reign acts on, for a plan that changes something: asked at a
 * terminal; otherwise the question is the answer (exit 2), as for any request too vague to act on.
 */
async function readingConfirmed(prepared: Exclude<Prepared, { exit: number }>, out: Output): Promise<boolean> {
  const reading = prepared.interpretations.map(interpretationLine).join('; then ');
  const question = `I read this as: ${reading} — is that right?`;
  if (!out.json && canPrompt()) return /^y(es)?$/i.test(await ask(`${question} [y/N] `));
  if (out.json) out.jsonValue({ interpretations: prepared.interpretations, question, plan: prepared.plan, review: prepared.review });
  else out.note(`${question} Nothing was run: say it again with the tool and the target, e.g. "scale the worker service of the compose stack to 3".`);
  return false;
}

async function prepareRequest(app: App, text: string, opts: RequestOptions & { quiet?: boolean }, out: Output): Promise<Prepared> {
  const outcome = await planRequest(app, text, {
    ...opts,
    ask: out.json || !canPrompt() ? undefined : ask,
    onNoted: (defaults) => out.note(`noted for this session: ${Object.entries(defaults).map(([k, v]) => `${k} ${v}`).join(', ')}`),
    onProgress: out.json ? undefined : (line) => out.note(out.color.dim(`  ${line}`)),
  });
  switch (outcome.kind) {
    case 'stated':
      if (out.json) out.jsonValue({ session: outcome.session, defaults: outcome.defaults });
      return { exit: EXIT.success };
    case 'unclear':
      if (out.json) out.jsonValue({ session: outcome.session, interpretations: outcome.interpretations, question: outcome.question });
      else out.note(outcome.question);
      return { exit: EXIT.usage };
    case 'empty':
      if (out.json) out.jsonValue({ interpretations: outcome.interpretations, plan: outcome.plan, review: outcome.review, message: outcome.message });
      else out.note(outcome.message);
      return { exit: EXIT.usage };
    case 'planned':
      if (!opts.quiet && !out.json) showPlan(out, outcome.plan, outcome.review, outcome.interpretations);
      return outcome;
  }
}

function showPlan(out: Output, plan: Plan, review: Review, interpretations: Interpretation[]) {
  if (out.json) return;
  for (const i of interpretations) out.note(out.color.dim(`understood: ${interpretationLine(i)}`));
  out.note(planTable(out, plan, review));
  for (const note of [...imageNotes(out, plan), ...reviewNotes(out, review)]) out.note(note);
}

async function confirmAndExecute(app: App, plan: Plan, review: Review, opts: RequestOptions, out: Output, interpretations: Interpretation[]): Promise<number> {
  const streamed = new Set<string>();
  const result = await runReviewed(app, plan, review, {
    approver: terminalApprover(app, opts, out),
    onEvent: out.json ? undefined : progressPrinter(out, plan.steps.length, { streamed }),
    processSignals: {
      exitCode: EXIT.cancelled,
      onStopping: (signal) => out.note(out.color.yellow(`stopping: rolling back what completed (${signal === 'SIGINT' ? 'Ctrl-C' : signal} again to quit at once)`)),
    },
    ...(opts.concurrency ? { concurrency: Number(opts.concurrency) } : {}),
    ...(opts.stepTimeout ? { stepTimeoutSeconds: Number(opts.stepTimeout) } : {}),
  });
  if (out.json) out.jsonValue({ interpretations, plan, review, run: result });
  else for (const line of summaryLines(out, result, plan, streamed)) out.line(line);
  return exitFor(result);
}

/** `--yes` approves every step that asks; otherwise a prompt in a terminal, or refusal. */
function terminalApprover(app: App, opts: RequestOptions, out: Output): Approver {
  return {
    async approve({ plan, asking, protectedTarget }) {
      const approved = asking.map((s) => s.stepId);
      if (opts.yes) return { approved, how: '--yes' };
      if (!canPrompt()) {
        throw new ReignError('not_confirmed', `${asking.length} step(s) need confirmation: ${approved.join(', ')}`, 'run it in a terminal to confirm, or pass --yes');
      }
      if (protectedTarget && app.config.policy.typeToConfirmProtected) {
        const typed = await ask(`This plan changes ${out.color.bold(protectedTarget)}. Type its name to confirm: `);
        if (typed !== protectedTarget) throw new ReignError('not_confirmed', 'not confirmed: the name did not match');
      } else {
        const answer = await ask(`Run ${plan.steps.length} step(s), ${asking.length} of them needing confirmation? [y/N] `);
        if (!/^y(es)?$/i.test(answer)) throw new ReignError('not_confirmed', 'not confirmed: nothing was run');
      }
      return { approved, how: 'prompt' };
    },
  };
}

export function exitFor(result: RunResult): number {
  switch (result.status) {
    case 'succeeded': return EXIT.success;
    case 'rolled_back': return EXIT.rolledBack;
    case 'cancelled': return EXIT.cancelled;
    default: return EXIT.failure;
  }
}
