import { defineDomain } from '../../core/domain.js';
import { fileActions } from './actions.js';

/** Generated artifacts, written by a step and restored by its undo. */
export const filesDomain = defineDomain({
  name: 'files',
  actions: fileActions,
  resources: [{ kind: 'file', vouched: false }],
});
