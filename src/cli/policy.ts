import { Interpretation } from '../core/interpretation.js';
import { newId } from '../core/ids.js';
import type { Plan } from '../core/plan.js';
import { planAndReview, reviewPlanned, type PipelineDeps } from '../flow/plan.js';
import { pipelineDeps } from '../flow/request.js';
import { understandAll } from '../understand/index.js';
import type { App } from '../app/app.js';
import { EXIT } from './exit-codes.js';
import { table, type Output } from './output.js';
import { riskColor } from './render.js';

/**
 * `reign policy explain "<request or command>"`: which rule decided each step. Text that plans as a
 * request is explained step by step; anything else (or with --command) as one shell command.
 */
export async function policyExplainCommand(app: App, text: string, opts: { json?: boolean; command?: boolean }, out: Output): Promise<number> {
  const deps = await pipelineDeps(app, { onProgress: out.json ? undefined : (text) => out.note(out.color.dim(`  ${text}`)) });
  const { plan, review } = opts.command ? asCommand(text, deps) : await asRequest(text, deps);
  if (out.json) {
    out.jsonValue({ role: app.actor.role, configFiles: app.configFiles, plan: { request: plan.request, steps: plan.steps.map((s) => ({ id: s.id, action: s.action, command: plan.previews[s.id]?.command })) }, review });
    return EXIT.success;
  }
  out.line(`role ${app.actor.role}; config: ${app.configFiles.join(', ') || 'defaults only'}`);
  out.line(
    table(
      ['STEP', 'RISK', 'DECISION', 'DECIDED BY', 'COMMAND'],
      review.steps.map((r) => [r.stepId, riskColor(out, r.risk), r.decision, r.decidedBy, plan.previews[r.stepId]?.command ?? '']),
    ),
  );
  for (const r of review.steps) {
    out.line(`${r.stepId}:`);
    for (const reason of r.reasons) out.line(`  ${reason.rule === r.decidedBy ? '→' : ' '} ${reason.part ? `${reason.part}: ` : ''}${reason.reason} ${out.color.dim(`[${reason.rule}]`)}`);
  }
  return EXIT.success;
}

async function asRequest(text: string, deps: PipelineDeps) {
  const planned = await planAndReview(text, understandAll(text), deps);
  return planned.plan.steps.length ? planned : asCommand(text, deps);
}

function asCommand(text: string, deps: PipelineDeps) {
  const interpretation = Interpretation.parse({ text, intent: 'execute', domains: ['shell'], entities: {}, details: { command: text }, confidence: 1, question: null });
  const plan: Plan = {
    id: newId('p'),
    request: text,
    interpretations: [interpretation],
    steps: [{ id: 'command', action: 'shell.run', title: 'Run the command', input: { command: text }, dependsOn: [] }],
    previews: {},
    createdAt: new Date().toISOString(),
  };
  return reviewPlanned(plan, deps);
}
