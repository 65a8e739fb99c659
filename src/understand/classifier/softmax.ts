/**
 * Multinomial logistic regression over sparse binary features: trained by full-batch gradient
 * descent from zero with a fixed number of steps, so the same examples always give the same model.
 */

export interface SoftmaxModel {
  classes: string[];
  /** feature → one weight per class, in hundredths (whole numbers keep the generated file small) */
  weights: Record<string, number[]>;
  bias: number[];
}

const SCALE = 100;

export interface TrainingExample {
  features: string[];
  label: string;
}

export interface TrainingOptions {
  steps: number;
  rate: number;
  l2: number;
  /** Features seen in fewer examples are dropped. */
  minCount: number;
}

export function train(examples: TrainingExample[], classes: string[], options: TrainingOptions): SoftmaxModel {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary = [...counts.entries()].filter(([, n]) => n >= options.minCount).map(([f]) => f).sort();
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const rows = examples.map((e) => ({ x: e.features.flatMap((f) => (index.has(f) ? [index.get(f)!] : [])), y: classes.indexOf(e.label) }));
  const k = classes.length;
  const w = vocabulary.map(() => new Float64Array(k));
  const b = new Float64Array(k);
  for (let step = 0; step < options.steps; step++) {
    const gw = vocabulary.map(() => new Float64Array(k));
    const gb = new Float64Array(k);
    for (const row of rows) {
      const p = probabilities(row.x.map((i) => w[i]!), b);
      for (let c = 0; c < k; c++) {
        const error = p[c]! - (c === row.y ? 1 : 0);
        gb[c]! += error;
        for (const i of row.x) gw[i]![c]! += error;
      }
    }
    for (let c = 0; c < k; c++) b[c]! -= (options.rate * gb[c]!) / rows.length;
    for (let i = 0; i < vocabulary.length; i++) {
      for (let c = 0; c < k; c++) w[i]![c]! -= options.rate * (gw[i]![c]! / rows.length + options.l2 * w[i]![c]!);
    }
  }
  const round = (v: number) => Math.round(v * SCALE);
  const weights: Record<string, number[]> = {};
  vocabulary.forEach((f, i) => {
    if (w[i]!.some((v) => Math.abs(v) >= 2 / SCALE)) weights[f] = [...w[i]!].map(round);
  });
  return { classes, weights, bias: [...b].map(round) };
}

function probabilities(rows: ArrayLike<number>[], bias: ArrayLike<number>, scale = 1): number[] {
  const z = Array.from(bias, (v) => v / scale);
  for (const row of rows) for (let c = 0; c < z.length; c++) z[c]! += row[c]! / scale;
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / sum);
}

/** The probability of each class for these features. */
export function predict(model: SoftmaxModel, features: string[]): Map<string, number> {
  const rows = features.flatMap((f) => (model.weights[f] ? [model.weights[f]!] : []));
  const p = probabilities(rows, model.bias, SCALE);
  return new Map(model.classes.map((c, i) => [c, p[i]!]));
}
