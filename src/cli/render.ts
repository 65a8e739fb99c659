import type { Interpretation } from '../core/interpretation.js';
import type { Plan } from '../core/plan.js';
import type { Review } from '../core/review.js';
import type { RiskLevel } from '../core/risk.js';
import type { RunResult } from '../core/run.js';
import type { Output } from './output.js';
import { table } from './output.js';
import { GENERATED } from '../core/generated-secrets.js';

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

/** Images the image settings map, one line each: the preview names the one that runs. */
export function imageNotes(out: Output, plan: Plan): string[] {
  return plan.steps.flatMap((step) =>
    (plan.previews[step.id]?.images ?? []).map((m) => `  ${step.id}: image ${m.asked} → ${out.color.bold(m.runs)} ${out.color.dim('(images: in config)')}`),
  );
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
  if (Object.values(plan.previews).some((p) => p.command.includes(GENERATED))) {
    lines.splice(3, 0, `# ${GENERATED} marks a secret Reign makes when the step runs: put your own in its place before running this script.`);
  }
  for (const step of plan.steps) {
    const preview = plan.previews[step.id];
    const mapped = (preview?.images ?? []).map((m) => `# image ${m.asked} → ${m.runs} (images: in config)`);
    lines.push(`# ${step.id}: ${step.title} (${preview?.risk ?? 'unknown'})`, ...mapped, preview?.command ?? `# ${step.action}`, '');
  }
  return lines.join('\n');
}

/**
 * The run's summary on stdout. Output already streamed live to the same terminal is not repeated;
 * when stdout is redirected it carries the output, since that is the data.
 */
export function summaryLines(out: Output, result: RunResult, plan: Plan, streamed: ReadonlySet<string> = new Set()): string[] {
  const c = out.color;
  const lines: string[] = [];
  const statusText = result.status === 'succeeded' ? c.green(result.status) : c.red(result.status.replace('_', ' '));
  lines.push(`run ${c.bold(result.runId)}: ${statusText}${result.error ? ` (${result.error})` : ''}`);
  for (const step of result.steps) {
    if (streamed.has(step.stepId) && out.stdoutIsTerminal) continue;
    const summary = outputSummary(step.output);
    if (step.status === 'succeeded' && summary) lines.push(`  ${step.stepId}: ${summary}`);
  }
  if (result.resources.length) {
    lines.push('created:');
    for (const r of result.resources) lines.push(`  ${r.kind} ${r.name ?? ''} ${c.dim(r.id.replace(/^sha256:/, '').slice(0, 12))}`);
  }
  for (const e of result.compensationErrors) lines.push(c.red(`  undo of ${e.stepId} failed: ${e.error}`));
  if (result.status !== 'succeeded' && plan.steps.length) lines.push(c.dim(`details: reign show ${result.runId}`));
  else if (result.resources.length) lines.push(c.dim(`undo: reign rollback ${result.runId}`));
  return lines;
}

/**
 * A step's output for a person: command output as is, a list of records as a table, a record as
 * key=value pairs. Long engine ids are cut to 12 characters, as `docker ps` does.
 */
export function outputSummary(output: unknown): string | undefined {
  if (output === undefined || output === null) return undefined;
  if (typeof output !== 'object') return String(output);
  if (Array.isArray(output)) return output.length ? `\n${indent(recordsTable(output))}` : '(none)';
  const record = output as Record<string, unknown>;
  for (const key of ['stdout', 'logs', 'output']) {
    if (typeof record[key] === 'string') return (record[key] as string).trimEnd() ? `\n${indent((record[key] as string).trimEnd())}` : undefined;
  }
  const lines = Object.values(record).find((v): v is string[] => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'));
  if (lines) return `\n${indent(lines.join('\n'))}`;
  const list = Object.values(record).find((v) => Array.isArray(v) && v.length > 0 && typeof v[0] === 'object');
  if (list) return `\n${indent(recordsTable(list as unknown[]))}`;
  const parts = scalarEntries(record).slice(0, 8).map(([k, v]) => `${k}=${v}`);
  return parts.length ? parts.join(' ') : undefined;
}

function recordsTable(rows: unknown[]): string {
  const records = rows.map((r) => (typeof r === 'object' && r !== null ? Object.fromEntries(scalarEntries(r as Record<string, unknown>)) : { value: String(r) }));
  const headers = [...new Set(records.flatMap((r) => Object.keys(r)))].slice(0, 7);
  return table(headers.map((h) => h.toUpperCase()), records.map((r) => headers.map((h) => r[h] ?? '')));
}

/** Bookkeeping the summary already shows once, at the top. */
const RUN_KEYS = new Set(['runId', 'stepId']);

function scalarEntries(record: Record<string, unknown>): [string, string][] {
  return Object.entries(record)
    .filter(([k, v]) => !RUN_KEYS.has(k) && v !== undefined && v !== null && typeof v !== 'object')
    .map(([k, v]) => [k, typeof v === 'string' && /^[0-9a-f]{64}$/.test(v) ? v.slice(0, 12) : typeof v === 'string' && /^sha256:[0-9a-f]{64}$/.test(v) ? v.slice(7, 19) : String(v)]);
}

function indent(text: string): string {
  return text.split('\n').map((l) => `    ${l}`).join('\n');
}
