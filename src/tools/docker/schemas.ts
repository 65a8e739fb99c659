import { z } from 'zod';
import { IMAGE_REFERENCE, NAME_PATTERN } from '../../core/patterns.js';

/**
 * The strict shapes of everything a request can put into a Docker call. Each factory takes the
 * field's name so every message says which field is wrong and what it expects.
 */

/** Docker's own rule for container, network and volume names. */
const OBJECT_NAME = NAME_PATTERN;

export const IMAGE_ID = /^sha256:[a-f0-9]{64}$/;

/** Absolute paths of plain characters; `,` and `:` would break `--mount` and `-v` syntax. */
const ABSOLUTE_PATH = /^\/[A-Za-z0-9_.@+\/-]*$/;
/** Paths relative to the working directory, for build contexts and Dockerfiles. */
const PATH = /^[A-Za-z0-9_.@+\/-]+$/;
const PARENT_SEGMENT = /(^|\/)\.\.(\/|$)/;

/** Docker takes any name without `=`; dots stay allowed for settings such as Elasticsearch's `xpack.security.enabled`. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;
/** A single line: NUL ends a C string and a newline would split an env file or a label. */
const SINGLE_LINE = /^[^\0\r\n]*$/;
const NO_NUL = /^[^\0]*$/;
const LABEL_KEY = /^[a-zA-Z0-9](?:[a-zA-Z0-9_.\/-]{0,254}[a-zA-Z0-9])?$/;
const USER = /^[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,31}(?::[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,31})?$/;
/** Run and step ids as the core makes them (`r-lz3k9q-4f2a1c`) or as a plan names them. */
const REIGN_ID = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;

/** Docker refuses memory limits under 6 MiB. */
const MIN_MEMORY_BYTES = 6 * 1024 * 1024;

export function objectName(field: string, what: 'container' | 'network' | 'volume' | 'network alias') {
  const expected = `${field}: expected a ${what} name (a letter or digit, then up to 127 letters, digits, "_", "." or "-")`;
  return z.string({ error: expected }).regex(OBJECT_NAME, expected);
}

export function imageReference(field: string) {
  const expected =
    `${field}: expected an image reference such as redis:7, registry.example.com:5000/team/app:1.2 ` +
    'or app@sha256:<64 hex digits> (lower-case path, no spaces or shell characters)';
  return z
    .string({ error: expected })
    .max(512, expected)
    .regex(IMAGE_REFERENCE, expected)
    .refine((value) => !value.includes('..'), `${field}: ".." is not allowed in an image reference`)
    // `sha256:<hex>` also parses as repository `sha256` with a tag; it always means an image id.
    .refine((value) => !IMAGE_ID.test(value), `${field}: expected an image name with a tag, not an image id`);
}

/** An image by reference or by its id (`sha256:…`), as `docker tag` and `docker rmi` accept. */
export function imageReferenceOrId(field: string) {
  const expected = `${field}: expected an image reference such as redis:7 or an image id sha256:<64 hex digits>`;
  return z
    .string({ error: expected })
    .refine((value) => IMAGE_ID.test(value) || (IMAGE_REFERENCE.test(value) && !value.includes('..')), expected);
}

export function port(field: string) {
  const expected = `${field}: expected a port number from 1 to 65535`;
  return z.number({ error: expected }).int(expected).min(1, expected).max(65535, expected);
}

export function envRecord(field: string) {
  const value = z
    .string({ error: `${field}: expected string values` })
    .regex(SINGLE_LINE, `${field}: values must be one line without NUL characters`);
  return z.record(z.string().regex(ENV_NAME), value, {
    error: (issue) =>
      issue.code === 'invalid_key'
        ? `${field}: variable names are letters, digits and "_" (and "." for settings), not starting with a digit`
        : `${field}: expected an object of NAME: value`,
  });
}

export function labelRecord(field: string) {
  const value = z
    .string({ error: `${field}: expected string values` })
    .max(4096, `${field}: values are at most 4096 characters`)
    .regex(SINGLE_LINE, `${field}: values must be one line without NUL characters`);
  return z.record(z.string().regex(LABEL_KEY), value, {
    error: (issue) =>
      issue.code === 'invalid_key'
        ? `${field}: keys are letters, digits, ".", "_", "-" and "/", starting and ending with a letter or digit`
        : `${field}: expected an object of key: value`,
  });
}

export function absolutePath(field: string) {
  const expected = `${field}: expected an absolute path of letters, digits and _ . @ + / - (no "..")`;
  return z
    .string({ error: expected })
    .regex(ABSOLUTE_PATH, expected)
    .refine((value) => !PARENT_SEGMENT.test(value), expected);
}

export function relativeOrAbsolutePath(field: string) {
  const expected = `${field}: expected a path of letters, digits and _ . @ + / - (no "..")`;
  return z
    .string({ error: expected })
    .regex(PATH, expected)
    .refine((value) => !PARENT_SEGMENT.test(value), expected);
}

/** A named volume, or an absolute host path for a bind mount. */
export function mountSource(field: string) {
  const expected = `${field}: expected a volume name or an absolute host path (no "..")`;
  return z
    .string({ error: expected })
    .refine((value) => OBJECT_NAME.test(value) || (ABSOLUTE_PATH.test(value) && !PARENT_SEGMENT.test(value)), expected);
}

export function memoryBytes(field: string) {
  const expected = `${field}: expected a whole number of bytes, at least ${MIN_MEMORY_BYTES} (6 MiB)`;
  return z.number({ error: expected }).int(expected).min(MIN_MEMORY_BYTES, expected);
}

export function cpus(field: string) {
  const expected = `${field}: expected a number of CPUs from 0.01 to 1024, e.g. 0.5`;
  return z.number({ error: expected }).min(0.01, expected).max(1024, expected);
}

export function user(field: string) {
  const expected = `${field}: expected a user or uid, optionally with :group or :gid (e.g. 1000:1000, redis)`;
  return z.string({ error: expected }).regex(USER, expected);
}

/** An argument vector: each argument reaches the program as is, so only NUL is refused. */
export function argv(field: string) {
  const expected = `${field}: expected an array of arguments without NUL characters`;
  return z.array(z.string({ error: expected }).regex(NO_NUL, expected), { error: expected });
}

export function seconds(field: string, max: number) {
  const expected = `${field}: expected a whole number of seconds from 0 to ${max}`;
  return z.number({ error: expected }).int(expected).min(0, expected).max(max, expected);
}

export function reignId(field: string) {
  const expected = `${field}: expected a Reign run or step id (letters, digits, "_", "." and "-")`;
  return z.string({ error: expected }).regex(REIGN_ID, expected);
}

export function hostIp(field: string) {
  return z.ipv4({ error: `${field}: expected an IPv4 address such as 127.0.0.1 (local only) or 0.0.0.0 (every interface)` });
}

export function subnet(field: string) {
  return z.cidrv4({ error: `${field}: expected an IPv4 subnet such as 172.30.0.0/24` });
}
