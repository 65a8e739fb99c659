import { describe, expect, it } from 'vitest';
import { intentFeatures } from './features.js';
import { INTENT_MODEL, INTENT_MODEL_DIGEST } from './intent-model.js';
import { readIntent } from './read-intent.js';
import { predict, train } from './softmax.js';
import { TRAINING_FOLDERS, TRAINING_OPTIONS, readTrainingSets } from './training.js';

const root = new URL('../../../', import.meta.url);

describe('the statistical reading of intent', () => {
  it('was trained on the labelled sets as they are now (retrain with npm run train)', () => {
    expect(readTrainingSets(root).digest).toBe(INTENT_MODEL_DIGEST);
  });

  it('never learns from the set kept untouched for measuring', () => {
    expect(TRAINING_FOLDERS.some((f) => f.includes('evals-e'))).toBe(false);
  });

  it('trains the same model from the same examples, and learns them', () => {
    const examples = [
      { features: intentFeatures('tear down the preview stack'), label: 'destroy' },
      { features: intentFeatures('remove the old cache container'), label: 'destroy' },
      { features: intentFeatures('show me the logs of the worker'), label: 'monitor' },
      { features: intentFeatures('what is running on this box'), label: 'monitor' },
    ];
    const options = { ...TRAINING_OPTIONS, minCount: 1 };
    const first = train(examples, ['destroy', 'monitor'], options);
    expect(train(examples, ['destroy', 'monitor'], options)).toEqual(first);
    const p = predict(first, intentFeatures('tear down the cache container'));
    expect(p.get('destroy')!).toBeGreaterThan(p.get('monitor')!);
  });

  it('gives a probability to every intent, summing to one', () => {
    const p = readIntent('please roll the ledger service back to the previous release in staging');
    expect([...p.keys()].sort()).toEqual([...INTENT_MODEL.classes].sort());
    expect([...p.values()].reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
    expect([...p.entries()].sort((a, b) => b[1] - a[1])[0]![0]).toBe('rollback');
  });

  it('reads values by their kind, so names and numbers teach the same thing', () => {
    expect(intentFeatures('scale api-gw to 4')).toEqual(intentFeatures('scale web-app to 9'));
  });
});
