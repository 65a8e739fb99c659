// Executor overhead: a 1,000-step DAG of no-op steps, run with the SQLite store recording every
// step and event (as `reign` does) and without it, side by side. Prints steps per second and the
// ratio of the two.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { executePlan } from '../dist/core/executor.js';
import { ActionRegistry } from '../dist/core/registry.js';
import { z } from 'zod';
import { defineAction } from '../dist/core/action.js';
import { openStore } from '../dist/store/index.js';
import { allowAll, median, planOf } from './lib.mjs';

const STEPS = 1000;
// Each step depends on up to two earlier ones, so the executor schedules a real DAG.
const plan = planOf(
  Array.from({ length: STEPS }, (_, i) => ({
    id: `s${i}`,
    action: 'test.noop',
    dependsOn: i === 0 ? [] : [...new Set([`s${Math.floor(i / 2)}`, `s${i - 1}`])].filter((d) => d !== `s${i}`),
  })),
);
const noop = defineAction({ id: 'test.noop', title: 'Do nothing', risk: 'read', input: z.object({}), preview: () => 'true', run: async () => ({}) });
const registry = new ActionRegistry([noop]);
// No step touches a client: the executor's own cost is what is measured.
const clients = { processes: undefined, files: undefined, scratch: undefined, judge: undefined, images: { resolve: (i) => i }, clock: { now: () => new Date() }, log: { debug() {}, info() {}, warn() {} }, cwd: tmpdir() };
const review = allowAll(plan, () => 'read');

async function once(withStore) {
  const home = mkdtempSync(join(tmpdir(), 'reign-bench-'));
  const store = withStore ? await openStore({ home }) : undefined;
  const start = process.hrtime.bigint();
  const result = await executePlan({
    runId: `r-bench-${Math.random().toString(36).slice(2)}`,
    plan, review, registry, clients, confirmed: new Set(), actor: 'bench', store, concurrency: 8,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 'succeeded') throw new Error(`bench run ${result.status}`);
  await store?.close();
  rmSync(home, { recursive: true, force: true });
  return ms;
}

await once(true);
await once(false);
const withStore = [];
const without = [];
const ratios = [];
for (let i = 0; i < 7; i++) {
  const a = await once(true);
  const b = await once(false);
  withStore.push(a);
  without.push(b);
  ratios.push(a / b);
}
const perSecond = (ms) => ((STEPS / ms) * 1000).toFixed(0);
console.log(`executor, ${STEPS} no-op steps: with store ${perSecond(median(withStore))} steps/s (${median(withStore).toFixed(0)} ms), ` +
  `without store ${perSecond(median(without))} steps/s (${median(without).toFixed(0)} ms) → ratio ${median(ratios).toFixed(2)} (median of 7 pairs)`);
