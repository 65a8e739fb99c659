import type { Action } from '../core/action.js';
import type { AnyToolDomain } from '../core/domain.js';
import type { Recipe } from '../core/recipe.js';
import { composeDomain } from './compose/index.js';
import { dockerDomain } from './docker/index.js';
import { filesDomain } from './files/index.js';
import { shellDomain } from './shell/index.js';
import { terraformDomain } from './terraform/index.js';

/**
 * Every tool domain. The action registry, the rules brain's recipes, the config schema, the
 * clients and the inventory are built from this list; adding a domain is a folder and a line here.
 * Order matters for recipes, tried first to last: IaC rows first ("convert my running containers
 * to Terraform" names docker too), and stacks before single containers (a request naming both
 * compose and docker is about the stack).
 */
export const DOMAINS: readonly AnyToolDomain[] = [terraformDomain, shellDomain, composeDomain, dockerDomain, filesDomain];

/** Every domain's actions: the catalog brains plan from and the executor runs. */
export function allActions(domains: readonly AnyToolDomain[] = DOMAINS): Action[] {
  return domains.flatMap((d) => d.actions);
}

/** Every domain's recipes, in the order they are tried. */
export function allRecipes(domains: readonly AnyToolDomain[] = DOMAINS): Recipe[] {
  return domains.flatMap((d) => d.recipes ?? []);
}
