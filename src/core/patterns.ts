import { z } from 'zod';

/**
 * Strict shapes for values that come from requests and end up as process arguments or API
 * fields. Anything outside them (`;`, `$(`, backticks, newlines, `..`, look-alike letters) is
 * rejected with a message that names what was expected.
 */
/** Characters a shell gives meaning to: a value holding one is refused, never planned. */
export const SHELL_SYNTAX = /[;|&$`<>\\{}]/;

export const NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;

/*
 * Docker's reference grammar, shared by every domain that names images (distribution/reference): optional `host[:port]/`, lower-case path
 * components joined by `.`, `_`, `__` or dashes, then an optional `:tag` and/or `@sha256:digest`.
 */
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*(?::[0-9]{1,5})?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const TAG = '[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}';
const DIGEST = 'sha256:[a-f0-9]{64}';
export const IMAGE_REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`,
);

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


const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).max(50, 'at most 50 values')]);
const pattern = (re: RegExp, expected: string) => z.string().max(256, `${expected} (at most 256 characters)`).regex(re, expected);

/**
 * What a request may put into a plan, checked before planning: anything the understanding
 * extracted that is not of these shapes is refused with the key, the value and what was expected.
 * Shell text (`details.command`) is not here: it goes to the judge whole.
 */
export const StrictEntities = z.object({
  name: oneOrMany(pattern(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}(?:\/[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127})?$/, 'expected a name of letters, digits, "_", "." or "-" (or owner/name)')),
  image: oneOrMany(pattern(IMAGE_REFERENCE, 'expected an image reference such as redis:7 or ghcr.io/acme/api:1.2')),
  namespace: oneOrMany(pattern(/^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/, 'expected a Kubernetes namespace (lower-case letters, digits and "-")')),
  branch: oneOrMany(pattern(/^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]{1,200}$/, 'expected a branch name of letters, digits, ".", "_", "/" or "-"')),
  version: oneOrMany(pattern(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/, 'expected a version such as 1.4.2 or v2')),
  port: oneOrMany(z.number().int().min(1, 'ports are 1-65535').max(65535, 'ports are 1-65535')),
  replicas: oneOrMany(z.number().int().min(0, 'replicas are 0 or more').max(10000, 'at most 10000 replicas')),
}).partial();

export const StrictDetails = z.object({
  path: safePath,
  network: safeName,
  user: pattern(/^[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,31}(?::[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,31})?$/, 'expected a user or uid, optionally :group'),
  env: z.record(pattern(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a variable name'), z.string().max(4096).regex(/^[^\0\r\n]*$/, 'values are one line')),
  volumes: z.array(pattern(/^[A-Za-z0-9_./~-]+:[A-Za-z0-9_./-]+(?::(?:ro|rw))?$/, 'expected source:target[:ro]').refine((v) => !v.split(/[:/]/).includes('..'), 'volumes must not climb out with ".."')),
}).partial();
