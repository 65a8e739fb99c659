// Shared timing for the benchmarks: commands run alternately (A B A B …) so a machine whose speed
// drifts affects both sides alike; medians and the median of pairwise ratios are printed.
import { spawnSync } from 'node:child_process';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function wallMs(command, args, options) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

/** Times A against B, `runs` pairs after one warm-up of each; returns medians and the ratio A/B. */
export function comparePair(label, a, b, runs = 15, options = {}) {
  wallMs(a[0], a.slice(1), options);
  wallMs(b[0], b.slice(1), options);
  const as = [];
  const bs = [];
  const ratios = [];
  for (let i = 0; i < runs; i++) {
    const ta = wallMs(a[0], a.slice(1), options);
    const tb = wallMs(b[0], b.slice(1), options);
    as.push(ta);
    bs.push(tb);
    ratios.push(ta / tb);
  }
  const row = { label, a: a.join(' '), b: b.join(' '), aMedianMs: median(as), bMedianMs: median(bs), ratio: median(ratios) };
  console.log(
    `${label}: ${row.a} ${row.aMedianMs.toFixed(1)} ms vs ${row.b} ${row.bMedianMs.toFixed(1)} ms (median of ${runs}) → ratio ${row.ratio.toFixed(2)}`,
  );
  return row;
}

/** A plan of the given steps, as the benchmarks hand it to the executor. */
export function planOf(steps) {
  return {
    id: 'p-bench',
    request: 'bench',
    interpretations: [],
    steps: steps.map((s) => ({ title: s.action, input: {}, dependsOn: [], ...s })),
    previews: {},
    createdAt: new Date(0).toISOString(),
  };
}

/** A review that lets every step run, at the level `riskOf` gives it. */
export function allowAll(plan, riskOf) {
  return {
    planId: plan.id,
    actor: { name: 'bench', role: 'admin' },
    steps: plan.steps.map((s) => ({ stepId: s.id, risk: riskOf(s), decision: 'allow', decidedBy: 'bench', reasons: [] })),
    decision: 'allow',
  };
}
