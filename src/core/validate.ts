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
    return `${where}${path}: ${issue.message}`;
  });
  throw new UsageError(problems.join('\n'));
}
