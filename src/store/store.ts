import type { AuditCheckpoint } from './audit-checkpoint.js';
import type { RunEvent } from '../core/events.js';
import type { AuditLogEntryInput, RunDetail, RunStore, RunSummary } from '../core/run-store.js';

export type { Compensation, NewRun, ResourceRecord, RunDetail, RunSummary, StepEnd, StepRecord, StepStart } from '../core/run-store.js';

/**
 * Reign's memory of what it did: the run store the executor writes, plus reading runs back, the
 * audit log and conversation sessions. Every write is redacted for secrets before it reaches the
 * database.
 */
export interface Store extends RunStore {
  /** A run with its steps; `running` runs whose process is gone read as `interrupted`. */
  getRun(runId: string): Promise<RunDetail | undefined>;
  /** Newest first. `idPrefix` keeps runs whose id starts with it (`reign show r-lz3k`). */
  listRuns(options?: { limit?: number; idPrefix?: string }): Promise<RunSummary[]>;
  events(runId: string): Promise<RunEvent[]>;

  audit: AuditLog;
  sessions: SessionStore;
  close(): Promise<void>;
}

/** Append-only, hash-chained: each entry carries the hash of the one before it. */
export interface AuditLog {
  append(entry: AuditLogEntryInput): Promise<AuditEntry>;
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
