import { UsageError } from './errors.js';
import type { Step } from './plan.js';

/**
 * Checks that a plan's steps form a DAG: unique ids, known dependencies, no cycles. A cycle is
 * reported by its path so the plan's author can see which dependency to drop.
 */
export function validateDag(steps: readonly Step[]): void {
  const byId = new Map<string, Step>();
  for (const step of steps) {
    if (byId.has(step.id)) throw new UsageError(`plan has two steps with id "${step.id}"`);
    byId.set(step.id, step);
  }
  for (const step of steps) {
    for (const dep of step.dependsOn) {
      if (!byId.has(dep)) throw new UsageError(`step "${step.id}" depends on "${dep}", which is not in the plan`);
      if (dep === step.id) throw new UsageError(`step "${step.id}" depends on itself`);
    }
  }
  const cycle = findCycle(steps, byId);
  if (cycle) throw new UsageError(`plan has a dependency cycle: ${cycle.join(' → ')}`, 'remove one of these dependencies');
}

/** Depth-first search with colours; returns the cycle as a closed path (a → b → a) or undefined. */
function findCycle(steps: readonly Step[], byId: Map<string, Step>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    const seen = state.get(id);
    if (seen === 'done') return undefined;
    if (seen === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const dep of byId.get(id)!.dependsOn) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const step of steps) {
    const cycle = visit(step.id);
    if (cycle) return cycle.reverse();
  }
  return undefined;
}

/** Steps in an order where every dependency comes first; ties keep plan order. */
export function topologicalOrder(steps: readonly Step[]): Step[] {
  validateDag(steps);
  const remaining = new Map(steps.map((s) => [s.id, new Set(s.dependsOn)]));
  const ordered: Step[] = [];
  while (ordered.length < steps.length) {
    for (const step of steps) {
      const deps = remaining.get(step.id);
      if (!deps || deps.size > 0) continue;
      ordered.push(step);
      remaining.delete(step.id);
      for (const other of remaining.values()) other.delete(step.id);
    }
  }
  return ordered;
}

/** Tracks which steps are ready: every dependency succeeded and the step has not started. */
export class ReadySet {
  private readonly waitingOn = new Map<string, Set<string>>();
  private readonly dependents = new Map<string, string[]>();

  constructor(steps: readonly Step[]) {
    for (const step of steps) {
      this.waitingOn.set(step.id, new Set(step.dependsOn));
      for (const dep of step.dependsOn) this.dependents.set(dep, [...(this.dependents.get(dep) ?? []), step.id]);
    }
  }

  /** Ready step ids, in plan order, removed from the set. */
  take(limit: number): string[] {
    const ready: string[] = [];
    for (const [id, deps] of this.waitingOn) {
      if (ready.length >= limit) break;
      if (deps.size === 0) ready.push(id);
    }
    for (const id of ready) this.waitingOn.delete(id);
    return ready;
  }

  completed(stepId: string): void {
    for (const dependent of this.dependents.get(stepId) ?? []) this.waitingOn.get(dependent)?.delete(stepId);
  }

  /** Steps never started. */
  remaining(): string[] {
    return [...this.waitingOn.keys()];
  }
}
