import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createRulesBrain } from '../brains/rules/index.js';
import { ReignError, UsageError } from '../core/errors.js';
import { executePlan } from '../core/executor.js';
import { newId } from '../core/ids.js';
import { Plan } from '../core/plan.js';
import { planAndReview, reviewPlanned, type PipelineDeps } from '../core/pipeline.js';
import type { Review } from '../core/review.js';
import type { RunResult } from '../core/run.js';
import type { Interpretation } from '../core/interpretation.js';
import { parseWith } from '../core/validate.js';
import type { Inventory } from '../safety/policy/review.js';
import type { App } from './app.js';
import { EXIT } from './exit-codes.js';
import type { Output } from './output.js';
import { progressPrinter } from './progress.js';
import { ask, canPrompt } from './prompt.js';
import { imageNotes, interpretationLine, planAsShell, planTable, reviewNotes, summaryLines } from './render.js';
import { understandInSession, type SessionOptions } from './session.js';

export interface RequestOptions extends SessionOptions {
  /** Narrows the plan before review (e.g. `reign generate` keeps only file writes). */
  transformPlan?: (plan: Plan) => Plan;
  /** Said when the (transformed) plan has no steps. */
  emptyMessage?: string;
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
  const { plan, review } = prepared;
  return confirmAndExecute(app, plan, review, opts, out, prepared.interpretations);
}

/** `reign plan "<request>"`: the plan without running it; `--emit sh` prints the commands. */
export async function planCommand(app: App, text: string, opts: RequestOptions & { emit?: string; out?: string }, out: Output): Promise<number> {
  if (opts.emit && opts.emit !== 'sh') throw new UsageError(`--emit ${opts.emit} is not supported`, 'use --emit sh');
  const prepared = await prepareRequest(app, text, { ...opts, quiet: Boolean(opts.emit) }, out);
  if ('exit' in prepared) return prepared.exit;
  const { plan, review } = prepared;
  if (opts.out) {
    const { writeFile } = await import('node:fs/promises');
    // Secrets never reach the file; a plan that needs one is planned again rather than applied.
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
  const saved = parseWith(Plan, raw, file);
  const withoutSecret = saved.steps.filter((step) => JSON.stringify(step.input).includes('[REDACTED:'));
  if (withoutSecret.length) {
    throw new UsageError(`${file}: step(s) ${withoutSecret.map((s) => s.id).join(', ')} need a secret that saved plans do not keep`, 'run the request itself instead: reign "<request>"');
  }
  const { plan, review } = reviewPlanned(saved, await pipelineDeps(app, opts, out));
  showPlan(out, plan, review, saved.interpretations);
  return confirmAndExecute(app, plan, review, opts, out, saved.interpretations);
}

type Prepared = { interpretations: Interpretation[]; plan: Plan; review: Review } | { exit: number };

async function prepareRequest(app: App, text: string, opts: RequestOptions & { quiet?: boolean }, out: Output): Promise<Prepared> {
  if (!text.trim()) throw new UsageError('no request given', 'try: reign "list running containers"');
  const understood = await understandInSession(app, text, opts, out);
  if (!understood) return { exit: EXIT.usage };
  if (!('interpretations' in understood)) return { exit: EXIT.success };
  const { interpretations } = understood;
  // A password the request states is a secret from here on: in the store, the audit log and output.
  app.secrets.addSecrets(interpretations.flatMap((i) => i.stated.filter((s) => s.kind === 'secret').map((s) => s.value)));
  const deps = await pipelineDeps(app, opts, out);
  const planned = await planAndReview(text, interpretations, { ...deps, brain: narrowed(deps.brain, opts.transformPlan) });
  const { plan, review } = planned;
  if (plan.steps.length === 0) {
    const message = plan.message ?? opts.emptyMessage ?? 'nothing to do';
    if (out.json) out.jsonValue({ interpretations, plan, review, message });
    else out.note(message);
    return { exit: EXIT.usage };
  }
  await understood.remember();
  if (!opts.quiet && !out.json) showPlan(out, plan, review, interpretations);
  return { interpretations, plan, review };
}

function narrowed(brain: PipelineDeps['brain'], transform?: (plan: Plan) => Plan): PipelineDeps['brain'] {
  if (!transform) return brain;
  return { name: brain.name, plan: async (request, context) => ({ plan: transform((await brain.plan(request, context)).plan) }) };
}

function showPlan(out: Output, plan: Plan, review: Review, interpretations: Interpretation[]) {
  if (out.json) return;
  for (const i of interpretations) out.note(out.color.dim(`understood: ${interpretationLine(i)}`));
  out.note(planTable(out, plan, review));
  for (const note of [...imageNotes(out, plan), ...reviewNotes(out, review)]) out.note(note);
}

export async function pipelineDeps(app: App, opts: RequestOptions, out: Output): Promise<PipelineDeps> {
  const store = await app.store();
  const created = await store.listResources();
  const known = new Set(created.map((r) => `${r.kind}/${r.name ?? r.id}`));
  // Reign can only vouch for kinds it records; anything else is left to the action's own risk.
  const inventory: Inventory = { created: (kind, name) => (kind.startsWith('docker.') ? known.has(`${kind}/${name}`) : undefined) };
  const outputDir = resolve(app.cwd, opts.dir ?? '.');
  return {
    clients: await app.clients(),
    onProgress: out.json ? undefined : (text) => out.note(out.color.dim(`  ${text}`)),
    brain: createRulesBrain(app.registry),
    registry: app.registry,
    judge: await app.judge(),
    policy: app.config.policy,
    actor: app.actor,
    inventory,
    cwd: app.cwd,
    outputDir,
  };
}

async function confirmAndExecute(app: App, plan: Plan, review: Review, opts: RequestOptions, out: Output, interpretations: Interpretation[]): Promise<number> {
  const store = await app.store();
  if (review.decision === 'deny') {
    await store.audit.append({ actor: app.actor.name, kind: 'plan.refused', subject: plan.id, data: { request: plan.request, steps: review.steps.filter((s) => s.decision === 'deny').map((s) => s.stepId) } });
    throw new ReignError('refused', `refused by policy: ${review.steps.filter((s) => s.decision === 'deny').map((s) => s.stepId).join(', ')}`, 'see the reasons above; an admin can allow it in reign.yaml');
  }
  const confirmed = await confirmSteps(app, plan, review, opts, out);
  const controller = new AbortController();
  let interrupts = 0;
  // SIGTERM (a service manager, `kill`, a CI timeout) stops a run as Ctrl-C does.
  const onInterrupt = (signal: NodeJS.Signals) => {
    interrupts++;
    if (interrupts === 1) {
      const again = signal === 'SIGINT' ? 'Ctrl-C' : signal;
      out.note(out.color.yellow(`stopping: rolling back what completed (${again} again to quit at once)`));
      controller.abort();
    } else process.exit(EXIT.cancelled);
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  let result: RunResult;
  const streamed = new Set<string>();
  try {
    result = await executePlan({
      runId: newId('r'),
      plan,
      review,
      registry: app.registry,
      clients: await app.clients(),
      confirmed,
      actor: app.actor.name,
      store,
      onEvent: out.json ? undefined : progressPrinter(out, plan.steps.length, { streamed }),
      concurrency: opts.concurrency ? Number(opts.concurrency) : app.config.execution.concurrency,
      defaultTimeoutMs: (opts.stepTimeout ? Number(opts.stepTimeout) : app.config.execution.stepTimeoutSeconds) * 1000,
      signal: controller.signal,
    });
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
  if (out.json) out.jsonValue({ interpretations, plan, review, run: result });
  else for (const line of summaryLines(out, result, plan, streamed)) out.line(line);
  return exitFor(result);
}

/** Which steps the user approved: `--yes` approves all that ask; otherwise a prompt, or refusal. */
async function confirmSteps(app: App, plan: Plan, review: Review, opts: RequestOptions, out: Output): Promise<Set<string>> {
  const asking = review.steps.filter((s) => s.decision === 'confirm');
  if (asking.length === 0) return new Set();
  const approved = new Set(asking.map((s) => s.stepId));
  const record = async (how: string) =>
    (await app.store()).audit.append({ actor: app.actor.name, kind: 'plan.confirmed', subject: plan.id, data: { steps: [...approved], how } });
  if (opts.yes) {
    await record('--yes');
    return approved;
  }
  if (!canPrompt()) {
    throw new ReignError('not_confirmed', `${asking.length} step(s) need confirmation: ${asking.map((s) => s.stepId).join(', ')}`, 'run it in a terminal to confirm, or pass --yes');
  }
  const protectedTarget = asking.find((s) => s.protectedTarget)?.protectedTarget;
  if (protectedTarget && app.config.policy.typeToConfirmProtected) {
    const typed = await ask(`This plan changes ${out.color.bold(protectedTarget)}. Type its name to confirm: `);
    if (typed !== protectedTarget) throw new ReignError('not_confirmed', 'not confirmed: the name did not match');
  } else {
    const answer = await ask(`Run ${plan.steps.length} step(s), ${asking.length} of them needing confirmation? [y/N] `);
    if (!/^y(es)?$/i.test(answer)) throw new ReignError('not_confirmed', 'not confirmed: nothing was run');
  }
  await record('prompt');
  return approved;
}

export function exitFor(result: RunResult): number {
  switch (result.status) {
    case 'succeeded': return EXIT.success;
    case 'rolled_back': return EXIT.rolledBack;
    case 'cancelled': return EXIT.cancelled;
    default: return EXIT.failure;
  }
}
