import type { ZodType } from 'zod';
import { UsageError } from './errors.js';

/**
 * Validates a value against a schema at a boundary and names every problem by its path:
 * `step "run-cache" input.ports[0].host: expected a number between 1 and 65535`.
 */
export function parseWith<T>(schema: ZodType<T>, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') : '';
    const given = issue.path.some((key) => SECRET_KEY.test(String(key))) ? undefined : valueAt(value, issue.path);
    // The value itself, so a person sees which of the words they typed is wrong.
    const got = typeof given === 'string' || typeof given === 'number' ? ` (got ${shownValue(String(given))})` : '';
    return `${where}${path}: ${issue.message}${got}`;
  });
  throw new UsageError(problems.join('\n'));
}

/** Fields whose value is never repeated in an error. */
const SECRET_KEY = /password|secret|token|key/i;

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (!at || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** A value as an error shows it: quoted, cut when long, everything outside ASCII escaped so no terminal control or look-alike gets through. */
export function shownValue(value: string): string {
  const cut = value.length > 60 ? `${value.slice(0, 60)}… (${value.length} characters)` : value;
  return JSON.stringify(cut).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
