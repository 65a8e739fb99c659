import type { Action } from '../core/action.js';
import { composeActions } from './compose/index.js';
import { dockerActions } from './docker/index.js';
import { fileActions } from './files/actions.js';
import { shellActions } from './shell/actions.js';
import { terraformActions } from './terraform/index.js';

/** Every tool domain's actions: the catalog brains plan from and the executor runs. */
export function allActions(): Action[] {
  return [...shellActions, ...fileActions, ...dockerActions, ...terraformActions, ...composeActions];
}
