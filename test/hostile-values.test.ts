import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Judge } from '../src/core/context.js';
import type { Interpretation } from '../src/core/interpretation.js';
import { createJudge } from '../src/safety/judge/index.js';
import { CANARY_VALUES, HOSTILE_VALUES, shownValue } from './hostile/corpus.js';
import { memoryAfter, outcomeOf } from './hostile/in-process.js';
import { inBatches, runAs, type Mode } from './hostile/processes.js';
import { EARLIER_REQUESTS, REQUEST_SHAPES } from './hostile/shapes.js';
import { problemsWith, type Outcome } from './hostile/verdict.js';
import { reign, sandbox } from './reign.js';

let judge: Judge;
beforeAll(async () => {
  judge = await createJudge();
});

describe('the hostile-values corpus', () => {
  it(`refuses, naming the value, or plans it only as a validated argument: ${HOSTILE_VALUES.length} values × ${REQUEST_SHAPES.length} request shapes`, async () => {
    expect(HOSTILE_VALUES.length).toBeGreaterThanOrEqual(300);
    expect(REQUEST_SHAPES.length).toBeGreaterThanOrEqual(10);
    const failures: string[] = [];
    const kinds = { refused: 0, question: 0, planned: 0 };
    for (const shape of REQUEST_SHAPES) {
      for (const value of HOSTILE_VALUES) {
        const outcome = await outcomeOf(shape.request(value), judge);
        kinds[outcome.kind]++;
        for (const problem of problemsWith(value, outcome)) failures.push(`${shape.position} ${shownValue(value)}: ${problem}`);
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    // Most of them are refused outright: a hostile value has no valid place.
    expect(kinds.refused).toBeGreaterThan((HOSTILE_VALUES.length * REQUEST_SHAPES.length) / 2);
  }, 300_000);

  it('decides each request the same after unrelated earlier requests as in a fresh home, and plans it from the same reading', async () => {
    const memory = memoryAfter(EARLIER_REQUESTS);
    const reading = (i: Interpretation) => ({ intent: i.intent, domains: i.domains, entities: i.entities, details: i.details, stated: i.stated });
    // A password no one stated is generated afresh each time; a plan with no steps runs nothing.
    const generated = (input: unknown) => JSON.parse(JSON.stringify(input, (key, v: unknown) => (/PASSWORD$/.test(key) && v !== value ? '(generated)' : v)));
    let value = '';
    const decided = (o: Outcome) =>
      o.kind !== 'planned' ? o
        : o.plan.steps.length === 0 ? { kind: 'unplanned' }
          : { steps: o.plan.steps.map((s) => [s.action, generated(s.input)]), reading: o.plan.interpretations.map(reading) };
    const differences: string[] = [];
    for (const shape of REQUEST_SHAPES) {
      for (value of HOSTILE_VALUES) {
        const text = shape.request(value);
        const fresh = JSON.stringify(decided(await outcomeOf(text, judge)));
        const after = JSON.stringify(decided(await outcomeOf(text, judge, memory)));
        if (fresh !== after) differences.push(`${shape.position} ${shownValue(value)}: fresh ${fresh.slice(0, 150)} / after ${after.slice(0, 150)}`);
      }
    }
    expect(differences.slice(0, 20)).toEqual([]);
  }, 300_000);
});

/** What a process must end with, given what the same request plans in process. */
function expectedExits(outcome: Outcome, mode: Mode): number[] {
  if (outcome.kind === 'refused') return [2];
  if (outcome.kind === 'question') return mode === 'terminal' ? [0, 1, 2, 3, 4, 5] : [2];
  if (outcome.plan.steps.length === 0) return [2];
  if (outcome.review.decision === 'deny') return [3];
  // It runs: a valid value as an argument (a password that holds `>`). It may fail against the
  // engine and roll back; what matters is the canary.
  return mode === 'no-terminal' && outcome.review.decision === 'confirm' ? [4] : [0, 1, 5];
}

describe.each<Mode>(['yes', 'no-terminal', 'terminal'])('the values aimed at a canary, through bin/reign (%s)', (mode) => {
  it(`leave the canary intact and end as planned in process: ${CANARY_VALUES.length} values × ${REQUEST_SHAPES.length} request shapes`, async () => {
    const box = sandbox();
    const canary = join(box.cwd, 'canary');
    mkdirSync(canary);
    writeFileSync(join(canary, 'keep'), 'still here');
    const cases = await Promise.all(
      REQUEST_SHAPES.flatMap((shape) => CANARY_VALUES.map(async (value) => ({ shape, value, request: shape.request(value), outcome: await outcomeOf(shape.request(value), judge) }))),
    );
    const runs = (c: (typeof cases)[number]) => c.outcome.kind === 'planned' && c.outcome.plan.steps.length > 0 && c.outcome.review.decision !== 'deny';
    const wrong: string[] = [];
    const check = (c: (typeof cases)[number], result: { code: number | null; output: string }) => {
      if (!expectedExits(c.outcome, mode).includes(result.code ?? -1)) wrong.push(`${c.shape.position} ${shownValue(c.value)} → exit ${result.code}: ${result.output.slice(-300)}`);
    };
    // Refusals side by side; what runs one at a time, undone after, so runs do not meet.
    for (const { c, result } of await inBatches(cases.filter((c) => !runs(c)), 3, async (c) => ({ c, result: await runAs(mode, c.request, box) }))) check(c, result);
    for (const c of cases.filter(runs)) {
      check(c, await runAs(mode, c.request, box));
      const last = JSON.parse(reign(['runs', '--json', '--limit', '1'], box).stdout)[0];
      if (last?.status === 'succeeded') expect(reign(['rollback', last.id, '--yes'], box).code).toBe(0);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(existsSync(join(canary, 'keep'))).toBe(true);
    expect(readdirSync(canary)).toEqual(['keep']);
  }, 900_000);
});
