import { randomBytes } from 'node:crypto';

/** Short, sortable, unique ids: a time part then randomness, e.g. `r-lz3k9q-4f2a1c`. */
export function newId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}
