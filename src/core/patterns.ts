import { z } from 'zod';

/**
 * Strict shapes for values that come from requests and end up as process arguments or API
 * fields. Anything outside them (`;`, `$(`, backticks, newlines, `..`, look-alike letters) is
 * rejected with a message that names what was expected.
 */
export const NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;

export const safeName = z
  .string()
  .regex(NAME_PATTERN, 'expected a name of letters, digits, "_", "." or "-" (at most 128, starting with a letter or digit)');

/** Paths: printable ASCII without shell metacharacters, no `..` segments. */
export const safePath = z
  .string()
  .min(1, 'expected a path')
  .max(4096, 'paths are at most 4096 characters')
  .regex(/^[A-Za-z0-9._/~@+=,: -]+$/, 'expected a path of letters, digits, "/", ".", "_", "-", "~" or spaces (no shell characters)')
  .refine((path) => !path.split('/').includes('..'), 'paths must not climb out with ".."');

export const safePort = z.number().int().min(1, 'ports are 1-65535').max(65535, 'ports are 1-65535');
