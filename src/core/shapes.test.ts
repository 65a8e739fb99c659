import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RunEvent } from './events.js';
import { Interpretation } from './interpretation.js';
import { Plan } from './plan.js';
import { Review } from './review.js';
import { RunResult } from './run.js';

describe('public shapes', () => {
  it('each gives a JSON Schema for the API and MCP from its one definition', () => {
    for (const [name, schema] of Object.entries({ Interpretation, Plan, Review, RunEvent, RunResult })) {
      const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { type?: string; oneOf?: unknown[]; anyOf?: unknown[] };
      expect(json.type === 'object' || Array.isArray(json.oneOf) || Array.isArray(json.anyOf), name).toBe(true);
    }
  });

  it('validates events as they are streamed, naming what is wrong', () => {
    expect(RunEvent.parse({ type: 'step.output', runId: 'r', stepId: 's', at: 'now', stream: 'stdout', text: 'hi' })).toMatchObject({ text: 'hi' });
    const wrong = RunEvent.safeParse({ type: 'step.output', runId: 'r', stepId: 's', at: 'now', stream: 'tty', text: 'hi' });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.path).toEqual(['stream']);
    expect(RunEvent.safeParse({ type: 'run.exploded', runId: 'r', at: 'now' }).success).toBe(false);
  });

  it('validates a run result', () => {
    const run = { runId: 'r', planId: 'p', status: 'succeeded', steps: [{ stepId: 's', status: 'succeeded' }], resources: [], compensationErrors: [] };
    expect(RunResult.parse(run)).toEqual(run);
    expect(RunResult.safeParse({ ...run, status: 'finished' }).success).toBe(false);
  });
});
