import { UsageError } from './errors.js';
import type { Action } from './action.js';

/** The catalog of actions every brain, the executor, the server and MCP share. */
export class ActionRegistry {
  private readonly byId = new Map<string, Action>();

  constructor(actions: Iterable<Action>) {
    for (const action of actions) {
      if (this.byId.has(action.id)) throw new Error(`two actions share the id ${action.id}`);
      this.byId.set(action.id, action);
    }
  }

  get(id: string): Action {
    const action = this.byId.get(id);
    if (!action) throw new UsageError(`unknown action "${id}"`, 'reign actions lists the actions Reign knows');
    return action;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  all(): Action[] {
    return [...this.byId.values()];
  }
}
