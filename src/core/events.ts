import type { ResourceRef, RunStatus } from './run.js';

/** What the executor reports while it works; stored, streamed and shown as progress. */
export type RunEvent =
  | { type: 'run.started'; runId: string; planId: string; at: string; steps: number }
  | { type: 'step.started'; runId: string; stepId: string; at: string; title: string; command: string }
  | { type: 'step.output'; runId: string; stepId: string; at: string; stream: 'stdout' | 'stderr' | 'progress'; text: string }
  | { type: 'step.succeeded'; runId: string; stepId: string; at: string; ms: number; resources: ResourceRef[] }
  | { type: 'step.failed'; runId: string; stepId: string; at: string; ms: number; error: string; hint?: string }
  | { type: 'step.skipped'; runId: string; stepId: string; at: string; reason: string }
  | { type: 'rollback.started'; runId: string; at: string; steps: number; reason: string }
  | { type: 'step.compensated'; runId: string; stepId: string; at: string; command: string }
  | { type: 'step.compensation_failed'; runId: string; stepId: string; at: string; command: string; error: string }
  | { type: 'run.finished'; runId: string; at: string; status: RunStatus; ms: number };

export type RunEventType = RunEvent['type'];

/** Where events go: the store, the terminal, a WebSocket. Sinks must not throw. */
export type EventSink = (event: RunEvent) => void;

export function fanOut(...sinks: (EventSink | undefined)[]): EventSink {
  const live = sinks.filter((s): s is EventSink => Boolean(s));
  return (event) => {
    for (const sink of live) sink(event);
  };
}
