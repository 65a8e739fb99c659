import { z } from 'zod';
import { ResourceRef, RunStatus } from './run.js';

const at = { runId: z.string(), at: z.string() };
const step = { ...at, stepId: z.string() };

/** What the executor reports while it works; stored, streamed and shown as progress. */
export const RunEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run.started'), ...at, planId: z.string(), steps: z.number().int() }),
  z.object({ type: z.literal('step.started'), ...step, title: z.string(), command: z.string() }),
  z.object({ type: z.literal('step.output'), ...step, stream: z.enum(['stdout', 'stderr', 'progress']), text: z.string() }),
  z.object({ type: z.literal('step.succeeded'), ...step, ms: z.number(), resources: z.array(ResourceRef) }),
  z.object({ type: z.literal('step.failed'), ...step, ms: z.number(), error: z.string(), hint: z.string().optional() }),
  z.object({ type: z.literal('step.skipped'), ...step, reason: z.string() }),
  z.object({ type: z.literal('rollback.started'), ...at, steps: z.number().int(), reason: z.string() }),
  z.object({ type: z.literal('step.compensated'), ...step, command: z.string() }),
  z.object({ type: z.literal('step.compensation_failed'), ...step, command: z.string(), error: z.string() }),
  z.object({ type: z.literal('run.finished'), ...at, status: RunStatus, ms: z.number() }),
]);
export type RunEvent = z.infer<typeof RunEvent>;

/** Where events go: the store, the terminal, a WebSocket. Sinks must not throw. */
export type EventSink = (event: RunEvent) => void;

export function fanOut(...sinks: (EventSink | undefined)[]): EventSink {
  const live = sinks.filter((s): s is EventSink => Boolean(s));
  return (event) => {
    for (const sink of live) sink(event);
  };
}
