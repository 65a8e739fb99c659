import type { Plan, StepRef } from '../core/plan.js';
import type { AuditCheckpoint } from './audit-checkpoint.js';
import type { Review } from '../core/review.js';
import type { RunEvent } from '../core/events.js';
import type { ResourceRef, RunStatus, StepStatus } from '../core/run.js';

/**
 * Reign's memory of what it did. Every write is redacted for secrets before it reaches the
 * database. Each step is recorded before it starts and after it ends, so a killed process leaves
 * a run that shows as interrupted and can be rolled back.
 */
export interface Store {
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

  /** A run with its steps; `running` runs whose process is gone read as `interrupted`. */
  getRun(runId: string): Promise<RunDetail | undefined>;
  /** Newest first. `idPrefix` keeps runs whose id starts with it (`reign show r-lz3k`). */
  listRuns(options?: { limit?: number; idPrefix?: string }): Promise<RunSummary[]>;
  listResources(options?: { includeRemoved?: boolean; runId?: string }): Promise<ResourceRecord[]>;
  events(runId: string): Promise<RunEvent[]>;

  audit: AuditLog;
  sessions: SessionStore;
  close(): Promise<void>;
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

/** Append-only, hash-chained: each entry carries the hash of the one before it. */
export interface AuditLog {
  append(entry: { actor: string; kind: string; subject: string; data?: unknown }): Promise<AuditEntry>;
  /** The newest `limit` entries (all when absent), oldest first. */
  list(options?: { limit?: number }): Promise<AuditEntry[]>;
  /** The chain, and the head kept outside the database when the log keeps one. */
  verify(): Promise<AuditVerification>;
  /** The current head, signed with this home's key, to keep elsewhere. */
  checkpoint(): Promise<AuditCheckpoint>;
  /** The chain is intact and still holds the entry an exported checkpoint names. */
  verifyAgainst(checkpoint: AuditCheckpoint): Promise<AuditVerification>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  kind: string;
  subject: string;
  data: unknown;
  prevHash: string;
  hash: string;
}

export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; seq: number; problem: 'altered' | 'removed' | 'reordered'; detail: string };

/** Conversation sessions: what recent requests were about, and defaults the user stated. */
export interface SessionStore {
  /**
   * The session to use: `id` names one for this command only (created if new); otherwise the
   * current one, and a new current one when there is none or `fresh` is set.
   */
  current(options?: { fresh?: boolean; id?: string }): Promise<string>;
  load(sessionId: string): Promise<SessionState>;
  save(sessionId: string, state: SessionState): Promise<void>;
}

/** Opaque to the store: the understanding stage defines what it keeps. */
export type SessionState = Record<string, unknown>;
