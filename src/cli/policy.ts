import { explainPolicy } from '../flow/policy.js';
import type { App } from '../app/app.js';
import { EXIT } from './exit-codes.js';
import { table, type Output } from './output.js';
import { riskColor } from './render.js';

/**
 * `reign policy explain "<request or command>"`: which rule decided each step. Text that plans as a
 * request is explained step by step; anything else (or with --command) as one shell command.
 */
export async function policyExplainCommand(app: App, text: string, opts: { json?: boolean; command?: boolean }, out: Output): Promise<number> {
  const { plan, review } = await explainPolicy(app, text, { command: opts.command, onProgress: out.json ? undefined : (line) => out.note(out.color.dim(`  ${line}`)) });
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
