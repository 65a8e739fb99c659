import type { Interpretation } from '../core/interpretation.js';
import type { Plan } from '../core/plan.js';
import type { Review } from '../core/review.js';
import type { RiskLevel } from '../core/risk.js';
import type { RunResult } from '../core/run.js';
import type { Output } from './output.js';
import { table } from './output.js';

/** One line: what Reign understood. */
export function interpretationLine(i: Interpretation): string {
  const entities = Object.entries(i.entities)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`)
    .join(' ');
  const applied = i.applied.length ? ` (remembered: ${i.applied.join('; ')})` : '';
  return `${i.intent} · ${i.domains.join(', ') || 'no domain'}${entities ? ` · ${entities}` : ''}${applied}`;
}

export function riskColor(out: Output, risk: RiskLevel): string {
  const c = out.color;
  return { read: c.green, write: c.cyan, admin: c.yellow, dangerous: c.red }[risk](risk);
}

/** The plan as a table: step, risk, decision, and the command a person would type. */
export function planTable(out: Output, plan: Plan, review: Review): string {
  const rows = plan.steps.map((step, index) => {
    const r = review.steps.find((s) => s.stepId === step.id)!;
    const decision = r.decision === 'allow' ? out.color.dim('auto') : r.decision === 'confirm' ? out.color.yellow('ask') : out.color.red('refused');
    return [`${index + 1}. ${step.id}`, riskColor(out, r.risk), decision, plan.previews[step.id]?.command ?? step.action];
  });
  return table(['STEP', 'RISK', 'DECISION', 'COMMAND'], rows);
}

/** Why steps are refused or ask: the rule that decided, one line each. */
export function reviewNotes(out: Output, review: Review): string[] {
  const notes: string[] = [];
  for (const step of review.steps) {
    if (step.decision === 'allow') continue;
    const deciding = step.reasons.filter((r) => r.rule.startsWith('config.') || r.rule.startsWith('policy.') || r.rule.startsWith('role.') || r.rule.startsWith('default.'));
    const risky = step.reasons.filter((r) => !deciding.includes(r) && r.part);
    for (const r of [...risky.slice(0, 3), ...deciding.slice(-2)]) {
      notes.push(`  ${step.stepId}: ${r.part ? `${out.color.bold(r.part)}: ` : ''}${r.reason} ${out.color.dim(`[${r.rule}]`)}`);
    }
  }
  return notes;
}

/** A plan as a shell script of the equivalent commands, for `reign plan --emit sh`. */
export function planAsShell(plan: Plan): string {
  const lines = ['#!/bin/sh', `# ${plan.request.replace(/\n/g, ' ')}`, 'set -eu', ''];
  for (const step of plan.steps) {
    const preview = plan.previews[step.id];
    lines.push(`# ${step.id}: ${step.title} (${preview?.risk ?? 'unknown'})`, preview?.command ?? `# ${step.action}`, '');
  }
  return lines.join('\n');
}

export function summaryLines(out: Output, result: RunResult, plan: Plan): string[] {
  const c = out.color;
  const lines: string[] = [];
  const statusText = result.status === 'succeeded' ? c.green(result.status) : c.red(result.status.replace('_', ' '));
  lines.push(`run ${c.bold(result.runId)}: ${statusText}${result.error ? ` (${result.error})` : ''}`);
  for (const step of result.steps) {
    const summary = outputSummary(step.output);
    if (step.status === 'succeeded' && summary) lines.push(`  ${step.stepId}: ${summary}`);
  }
  if (result.resources.length) {
    lines.push('created:');
    for (const r of result.resources) lines.push(`  ${r.kind} ${r.name ?? ''} ${c.dim(r.id.slice(0, 12))}`);
  }
  for (const e of result.compensationErrors) lines.push(c.red(`  undo of ${e.stepId} failed: ${e.error}`));
  if (result.status !== 'succeeded' && plan.steps.length) lines.push(c.dim(`details: reign show ${result.runId}`));
  else if (result.resources.length) lines.push(c.dim(`undo: reign rollback ${result.runId}`));
  return lines;
}

/** A step's output in a line or a block: command output as is, objects as key=value. */
function outputSummary(output: unknown): string | undefined {
  if (output === undefined || output === null) return undefined;
  if (typeof output !== 'object') return String(output);
  const record = output as Record<string, unknown>;
  if (typeof record.stdout === 'string') return record.stdout.trimEnd() ? `\n${indent(record.stdout.trimEnd())}` : undefined;
  if (typeof record.logs === 'string') return record.logs.trimEnd() ? `\n${indent(record.logs.trimEnd())}` : undefined;
  if (typeof record.table === 'string') return `\n${indent(record.table)}`;
  const parts = Object.entries(record)
    .filter(([, v]) => v !== undefined && v !== null && typeof v !== 'object')
    .slice(0, 6)
    .map(([k, v]) => `${k}=${String(v)}`);
  return parts.length ? parts.join(' ') : undefined;
}

function indent(text: string): string {
  return text.split('\n').map((l) => `    ${l}`).join('\n');
}
