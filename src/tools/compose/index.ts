import type { Action } from '../../core/action.js';
import { defineDomain } from '../../core/domain.js';
import { backupActions } from './backup.js';
import { lifecycleActions } from './lifecycle.js';
import { operateActions } from './operate.js';
import { COMPOSE_RECIPES } from './recipes.js';

/** Compose stacks through the Compose CLI this machine has (see cli.ts). */
export const composeActions: Action[] = [...lifecycleActions, ...operateActions, ...backupActions];

/** Stacks through the Compose CLI, on the engine the docker domain reaches. */
export const composeDomain = defineDomain({
  name: 'compose',
  actions: composeActions,
  recipes: COMPOSE_RECIPES,
  resources: [{ kind: 'compose.project', vouched: false }],
});
