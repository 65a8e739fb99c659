import { describe, expect, it } from 'vitest';
import { ReadySet, topologicalOrder, validateDag } from './dag.js';
import { planOf } from './testing.js';

describe('plan DAG', () => {
  it('names the cycle in its error', () => {
    const plan = planOf([
      { id: 'a', action: 'x', dependsOn: ['c'] },
      { id: 'b', action: 'x', dependsOn: ['a'] },
      { id: 'c', action: 'x', dependsOn: ['b'] },
    ]);
    expect(() => validateDag(plan.steps)).toThrow(/cycle: a → b → c → a|cycle: [abc] → [abc] → [abc] → [abc]/);
  });

  it('rejects a dependency on a missing step and duplicate ids', () => {
    expect(() => validateDag(planOf([{ id: 'a', action: 'x', dependsOn: ['nope'] }]).steps)).toThrow(/depends on "nope"/);
    expect(() => validateDag(planOf([{ id: 'a', action: 'x' }, { id: 'a', action: 'x' }]).steps)).toThrow(/two steps with id "a"/);
    expect(() => validateDag(planOf([{ id: 'a', action: 'x', dependsOn: ['a'] }]).steps)).toThrow(/depends on itself/);
  });

  it('orders dependencies first and keeps plan order among equals', () => {
    const plan = planOf([
      { id: 'app', action: 'x', dependsOn: ['db', 'net'] },
      { id: 'db', action: 'x', dependsOn: ['net'] },
      { id: 'net', action: 'x' },
      { id: 'logs', action: 'x' },
    ]);
    expect(topologicalOrder(plan.steps).map((s) => s.id)).toEqual(['net', 'logs', 'db', 'app']);
  });

  it('releases a step only when all its dependencies completed', () => {
    const ready = new ReadySet(planOf([
      { id: 'a', action: 'x' },
      { id: 'b', action: 'x' },
      { id: 'c', action: 'x', dependsOn: ['a', 'b'] },
    ]).steps);
    expect(ready.take(10)).toEqual(['a', 'b']);
    ready.completed('a');
    expect(ready.take(10)).toEqual([]);
    ready.completed('b');
    expect(ready.take(10)).toEqual(['c']);
    expect(ready.remaining()).toEqual([]);
  });
});
