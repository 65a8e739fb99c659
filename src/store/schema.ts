/**
 * The tables as Kysely sees them. Timestamps are ISO 8601 text and structured values are JSON
 * text, so the same schema holds in SQLite and PostgreSQL.
 */
export interface Database {
  runs: RunsTable;
  steps: StepsTable;
  events: EventsTable;
  resources: ResourcesTable;
  audit: AuditTable;
  audit_head: AuditHeadTable;
  sessions: SessionsTable;
  settings: SettingsTable;
}

export interface RunsTable {
  id: string;
  request: string;
  status: string;
  actor: string;
  pid: number;
  host: string;
  /** JSON: the plan as reviewed. */
  plan: string;
  /** JSON: the review that allowed it. */
  review: string;
  step_count: number;
  started_at: string;
  finished_at: string | null;
  error: string | null;
  rollback_of: string | null;
}

export interface StepsTable {
  run_id: string;
  step_id: string;
  /** Position in the plan, for steps that never started. */
  plan_index: number;
  /** Order of starting within the run (with started_at); null until the step starts. */
  start_order: number | null;
  action: string;
  title: string;
  /** JSON. */
  input: string;
  command: string;
  status: string;
  /** JSON. */
  output: string | null;
  error: string | null;
  started_at: string | null;
  finished_at: string | null;
  /** JSON: the undo that ran for this step and its outcome. */
  compensation: string | null;
}

interface EventsTable {
  run_id: string;
  seq: number;
  at: string;
  type: string;
  step_id: string | null;
  /** JSON: the whole event. */
  data: string;
}

interface ResourcesTable {
  run_id: string;
  step_id: string;
  kind: string;
  resource_id: string;
  name: string | null;
  created_at: string;
  removed_at: string | null;
}

interface AuditTable {
  seq: number;
  at: string;
  actor: string;
  kind: string;
  subject: string;
  /** Canonical JSON, exactly as hashed. */
  data: string;
  prev_hash: string;
  hash: string;
}

/** One row: the last entry appended, so a log cut short at its end is noticed. */
interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

interface SessionsTable {
  id: string;
  /** JSON. */
  state: string;
  created_at: string;
  updated_at: string;
}

interface SettingsTable {
  key: string;
  value: string;
}
