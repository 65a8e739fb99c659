import { defineDomain } from '../../core/domain.js';
import { shellActions } from './actions.js';
import { SHELL_RECIPES } from './recipes.js';

/** Shell text, judged before it runs: the only domain that runs a shell. */
export const shellDomain = defineDomain({
  name: 'shell',
  actions: shellActions,
  recipes: SHELL_RECIPES,
});
