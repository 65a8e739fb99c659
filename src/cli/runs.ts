import type { RunStatus, StepStatus } from '../core/run.js';
import type { ResourceRecord, RunDetail, RunSummary, StepRecord, Store } from '../store/store.js';
import type { App } from '../app/app.js';
import { EXIT } from './exit-codes.js';
import { table, type Output } from './output.js';
import { findRun } from '../flow/runs.js';

/** What these commands need of the composition root. */
type StoreOwner = Pick<App, 'store'>;

/** How each status reads in a terminal: a mark and a colour. */
const STEP_MARKS: Record<StepStatus, { mark: string; color: 'green' | 'red' | 'yellow' | 'cyan' | 'dim' }> = {
  pending: { mark: '·', color: 'dim' },
  running: { mark: '▸', color: 'cyan' },
  succeeded: { mark: '✓', color: 'green' },
  failed: { mark: '✗', color: 'red' },
  skipped: { mark: '-', color: 'dim' },
  compensated: { mark: '↩', color: 'yellow' },
  compensation_failed: { mark: '✗', color: 'red' },
  interrupted: { mark: '!', color: 'yellow' },
};

const RUN_COLORS: Record<RunStatus, 'green' | 'red' | 'yellow' | 'cyan'> = {
  running: 'cyan',
  succeeded: 'green',
  failed: 'red',
  rolled_back: 'yellow',
  rollback_failed: 'red',
  interrupted: 'yellow',
  cancelled: 'yellow',
};

/** Longest request shown in the runs table; `reign show` prints it whole. */
const REQUEST_WIDTH = 60;
/** Longest output or error summary shown per step. */
const SUMMARY_WIDTH = 100;

/** `reign runs`: recent runs, newest first, like `kubectl get`. */
export async function runsCommand(app: StoreOwner, opts: { limit?: number }, out: Output): Promise<number> {
  const store = await app.store();
  const runs = await store.listRuns({ limit: opts.limit ?? 20 });
  if (out.json) {
    out.jsonValue(runs.map(runJson));
    return EXIT.success;
  }
  if (runs.length === 0) {
    out.note('no runs yet');
    return EXIT.success;
  }
  const now = new Date();
  const rows = runs.map((r) => [r.id, out.color[RUN_COLORS[r.status]](r.status), age(r.startedAt, now), String(r.steps), truncate(r.request, REQUEST_WIDTH)]);
  out.line(table(['RUN', 'STATUS', 'STARTED', 'STEPS', 'REQUEST'], rows));
  return EXIT.success;
}

/** `reign show <run>`: the run, each step with its command and outcome, events and resources. */
export async function showCommand(app: StoreOwner, runId: string, out: Output): Promise<number> {
  const store = await app.store();
  const run = await findRun(store, runId);
  const [events, resources] = await Promise.all([store.events(run.id), store.listResources({ runId: run.id, includeRemoved: true })]);
  // What to do next travels with a step's failure event (a config key, a flag); show it again here.
  const hints = new Map(events.flatMap((e) => (e.type === 'step.failed' && e.hint ? [[e.stepId, e.hint] as const] : [])));
  if (out.json) {
    out.jsonValue({
      ...runJson(run),
      planId: run.plan.id,
      steps: run.steps_.map((step) => ({ ...stepJson(step), hint: hints.get(step.stepId) ?? null })),
      events: events.length,
      resources: resources.map(resourceJson),
    });
    return EXIT.success;
  }

  const c = out.color;
  out.line(`${c.bold(`run ${run.id}`)}   ${c[RUN_COLORS[run.status]](run.status)}`);
  const facts: [string, string][] = [
    ['request', run.request],
    ['actor', run.actor],
    ['started', run.startedAt],
    ['finished', run.finishedAt ?? '-'],
  ];
  if (run.rollbackOf) facts.push(['rollback of', run.rollbackOf]);
  if (run.error) facts.push(['error', c.red(run.error)]);
  for (const [label, value] of facts) out.line(`${c.dim(label.padEnd(12))}${value}`);

  out.line();
  out.line(c.bold(`steps (${run.steps_.length})`));
  for (const step of run.steps_) {
    const look = STEP_MARKS[step.status];
    out.line(`  ${c[look.color](look.mark)} ${step.stepId}  ${c[look.color](step.status)}  ${c.dim(step.title)}`);
    if (step.command) out.line(`      $ ${step.command}`);
    // A skipped step's error field holds the reason it was skipped, not a failure.
    if (step.error) out.line(`      ${step.status === 'skipped' ? c.dim('why:') : c.red('error:')} ${truncate(step.error, SUMMARY_WIDTH)}`);
    else if (step.output !== null) out.line(`      ${c.dim('→')} ${summarise(step.output)}`);
    const hint = hints.get(step.stepId);
    if (hint) out.line(`      ${c.dim('hint:')} ${hint}`);
    if (step.compensation) {
      const undo = step.compensation;
      out.line(`      ${c.yellow('undo:')} ${undo.command}  ${undo.status}${undo.error ? `: ${truncate(undo.error, SUMMARY_WIDTH)}` : ''}`);
    }
  }

  out.line();
  out.line(`${c.bold('events')} ${events.length}`);
  if (resources.length > 0) {
    out.line();
    out.line(c.bold(`resources (${resources.length})`));
    const rows = resources.map((r) => [r.kind, r.name ?? '-', shortId(r.id), r.stepId, r.removedAt ? `removed ${r.removedAt}` : 'live']);
    out.line(table(['KIND', 'NAME', 'ID', 'STEP', 'STATE'], rows));
  }
  return EXIT.success;
}

/** `reign resources`: what Reign created and has not removed (`--all`: removed ones too). */
export async function resourcesCommand(app: StoreOwner, opts: { all?: boolean }, out: Output): Promise<number> {
  const store = await app.store();
  const resources = await store.listResources({ includeRemoved: Boolean(opts.all) });
  if (out.json) {
    out.jsonValue(resources.map(resourceJson));
    return EXIT.success;
  }
  if (resources.length === 0) {
    out.note(opts.all ? 'Reign has not created anything yet' : 'no live resources created by Reign (--all shows removed ones)');
    return EXIT.success;
  }
  const now = new Date();
  const headers = ['KIND', 'NAME', 'ID', 'RUN', 'CREATED', ...(opts.all ? ['REMOVED'] : [])];
  const rows = resources.map((r) => [
    r.kind,
    r.name ?? '-',
    shortId(r.id),
    r.runId,
    age(r.createdAt, now),
    ...(opts.all ? [r.removedAt ? age(r.removedAt, now) : '-'] : []),
  ]);
  out.line(table(headers, rows));
  return EXIT.success;
}

function runJson(run: RunSummary) {
  return {
    id: run.id,
    request: run.request,
    status: run.status,
    actor: run.actor,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    steps: run.steps,
    error: run.error,
    rollbackOf: run.rollbackOf,
  };
}

function stepJson(step: StepRecord) {
  return {
    stepId: step.stepId,
    action: step.action,
    title: step.title,
    status: step.status,
    command: step.command,
    input: step.input,
    output: step.output,
    error: step.error,
    startedAt: step.startedAt,
    finishedAt: step.finishedAt,
    compensation: step.compensation,
  };
}

function resourceJson(resource: ResourceRecord) {
  return {
    kind: resource.kind,
    name: resource.name ?? null,
    id: resource.id,
    runId: resource.runId,
    stepId: resource.stepId,
    createdAt: resource.createdAt,
    removedAt: resource.removedAt,
  };
}

/** Engine ids and digests shortened to 12 characters, as docker shows them; paths and names whole. */
function shortId(id: string): string {
  const hex = /^(?:sha256:)?([0-9a-f]{13,})$/.exec(id);
  return hex ? hex[1]!.slice(0, 12) : id;
}

/** "42s ago", "5m ago", "3h ago", "2d ago". */
function age(iso: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h ago`;
  return `${Math.floor(seconds / 86_400)}d ago`;
}

/** One line: a string's first line, or a value as compact JSON. */
function summarise(value: unknown): string {
  const text = typeof value === 'string' ? value.split('\n', 1)[0]! : JSON.stringify(value);
  return truncate(text, SUMMARY_WIDTH);
}

function truncate(text: string, width: number): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  return oneLine.length > width ? `${oneLine.slice(0, width - 1)}…` : oneLine;
}
