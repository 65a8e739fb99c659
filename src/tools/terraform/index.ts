import type { Action } from '../../core/action.js';
import { defineDomain } from '../../core/domain.js';
import { applyActions } from './apply.js';
import { dockerConvert } from './docker-convert.js';
import { inspectActions } from './inspect.js';
import { IAC_RECIPES } from './recipes.js';
import { setupActions } from './setup.js';
import { stateActions } from './state.js';
import { workspaceActions } from './workspace.js';

/** Terraform through the `terraform` CLI on PATH: from init to drift, and state care. */
const terraformActions: Action[] = [...setupActions, ...inspectActions, ...applyActions, ...stateActions, ...workspaceActions, dockerConvert];

/** Terraform projects and their lifecycle, and CloudFormation, ARM and Bicep templates. */
export const terraformDomain = defineDomain({
  name: 'terraform',
  actions: terraformActions,
  recipes: IAC_RECIPES,
  resources: ['terraform.resource', 'terraform.state', 'terraform.workspace'].map((kind) => ({ kind, vouched: false })),
});
