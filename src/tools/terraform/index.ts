import type { Action } from '../../core/action.js';
import { applyActions } from './apply.js';
import { dockerConvert } from './docker-convert.js';
import { inspectActions } from './inspect.js';
import { setupActions } from './setup.js';
import { stateActions } from './state.js';
import { workspaceActions } from './workspace.js';

/** Terraform through the `terraform` CLI on PATH: from init to drift, and state care. */
export const terraformActions: Action[] = [...setupActions, ...inspectActions, ...applyActions, ...stateActions, ...workspaceActions, dockerConvert];
