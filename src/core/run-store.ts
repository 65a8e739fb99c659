import type { Plan, StepRef } from './plan.js';
import type { Review } from './review.js';
import type { RunEvent } from './events.js';
import type { ResourceRef, RunStatus, StepStatus } from './run.js';

/**
 * What the executor and rollback record, before and after each step, so a killed process leaves a
 * run that shows as interrupted and can be rolled back. The store implements it.
 */
export interface RunStore {
  /** Records the run and every step of its plan as `pending`. */
  createRun(run: NewRun): Promise<void>;
  /** Step writes name a step of the run's plan; any other step id rejects. */
  stepStarted(runId: string, step: StepStart): Promise<void>;
  stepFinished(runId: string, stepId: string, result: StepEnd): Promise<void>;
  /** Records the compensation of a step (its undo) and its outcome. */
  stepCompensated(runId: string, stepId: string, compensation: Compensation): Promise<void>;
  finishRun(runId: string, status: RunStatus, error?: string): Promise<void>;
  appendEvent(event: RunEvent): Promise<void>;
  addResources(runId: string, stepId: string, resources: ResourceRef[]): Promise<void>;
  /** Marks resources as gone (removed by a step or by rollback). */
  removeResources(resources: ResourceRef[]): Promise<void>;
  listResources(options?: { includeRemoved?: boolean; runId?: string }): Promise<ResourceRecord[]>;
  audit: AuditAppender;
}

/** The append-only audit log, as the run's conductors write to it. */
interface AuditAppender {
  append(entry: AuditLogEntryInput): Promise<unknown>;
}

export interface AuditLogEntryInput {
  actor: string;
  kind: string;
  subject: string;
  data?: unknown;
}

export interface NewRun {
  id: string;
  plan: Plan;
  review: Review;
  actor: string;
  /** The process that runs it, so a run left `running` by a dead process reads as interrupted. */
  pid: number;
  host: string;
  /** For a rollback run: the run it undoes. */
  rollbackOf?: string;
}

export interface StepStart {
  stepId: string;
  action: string;
  title: string;
  input: unknown;
  command: string;
}

export interface StepEnd {
  status: StepStatus;
  output?: unknown;
  error?: string;
}

export interface Compensation extends StepRef {
  command: string;
  status: 'compensated' | 'compensation_failed';
  error?: string;
}

export interface RunSummary {
  id: string;
  request: string;
  status: RunStatus;
  actor: string;
  startedAt: string;
  finishedAt: string | null;
  steps: number;
  error: string | null;
  rollbackOf: string | null;
}

export interface StepRecord {
  stepId: string;
  action: string;
  title: string;
  input: unknown;
  command: string;
  status: StepStatus;
  output: unknown;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  compensation: Compensation | null;
}

export interface RunDetail extends RunSummary {
  plan: Plan;
  review: Review;
  /** In the order they started. */
  steps_: StepRecord[];
}

export interface ResourceRecord extends ResourceRef {
  runId: string;
  stepId: string;
  createdAt: string;
  removedAt: string | null;
}
