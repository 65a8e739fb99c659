import { z } from 'zod';

/** The contract of `shared/evals/README.md` §1: exactly these intents, domains and entity keys. */
export const INTENTS = [
  'create', 'deploy', 'update', 'scale', 'monitor', 'destroy',
  'backup', 'restore', 'rollback', 'debug', 'execute', 'clarify',
] as const;
export const Intent = z.enum(INTENTS);
export type Intent = z.infer<typeof Intent>;

export const DOMAINS = [
  'docker', 'compose', 'shell', 'kubernetes', 'helm', 'terraform',
  'cloudformation', 'arm', 'bicep', 'git', 'github', 'ci',
] as const;
export const Domain = z.enum(DOMAINS);
export type Domain = z.infer<typeof Domain>;

export const ENVIRONMENTS = ['dev', 'test', 'staging', 'prod'] as const;
export const CLOUDS = ['aws', 'azure', 'gcp'] as const;
export const CI_SYSTEMS = ['github-actions', 'gitlab-ci', 'jenkins', 'circleci', 'azure-pipelines'] as const;

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]);

/** Entities named by the contract. Keys are present only when the text holds them. */
export const Entities = z.object({
  services: z.array(z.string()).optional(),
  name: oneOrMany(z.string()).optional(),
  image: oneOrMany(z.string()).optional(),
  replicas: oneOrMany(z.number().int()).optional(),
  environments: z.array(z.enum(ENVIRONMENTS)).optional(),
  cloud: oneOrMany(z.enum(CLOUDS)).optional(),
  namespace: oneOrMany(z.string()).optional(),
  port: oneOrMany(z.number().int()).optional(),
  version: oneOrMany(z.string()).optional(),
  ci: oneOrMany(z.enum(CI_SYSTEMS)).optional(),
  branch: oneOrMany(z.string()).optional(),
});
export type Entities = z.infer<typeof Entities>;

/**
 * What the planner needs beyond the contract's entities: details a request states that are not
 * scored (memory limits, paths, environment variables, the shell text a person quoted).
 */
export const Details = z.object({
  /** Memory limit as a byte count. */
  memoryBytes: z.number().int().positive().optional(),
  /** CPU limit in cores (0.5, 2). */
  cpus: z.number().positive().optional(),
  /** A filesystem path named in the request (a build context, a file). */
  path: z.string().optional(),
  /** Environment variables to set, from "with FOO=bar" or "env FOO=bar". */
  env: z.record(z.string(), z.string()).optional(),
  /** Volume mounts as written: "data:/var/lib/data", "./site:/usr/share/nginx/html". */
  volumes: z.array(z.string()).optional(),
  /** Container port when the request maps host:container ("8080:80" → 80). */
  containerPort: z.number().int().optional(),
  /** Restart policy: no, always, unless-stopped, on-failure. */
  restart: z.enum(['no', 'always', 'unless-stopped', 'on-failure']).optional(),
  /** Network to attach to. */
  network: z.string().optional(),
  /** User to run as. */
  user: z.string().optional(),
  readOnly: z.boolean().optional(),
  /** "follow the logs", "tail -f". */
  follow: z.boolean().optional(),
  /** "all containers", "including stopped". */
  all: z.boolean().optional(),
  /** Number of lines ("last 50 lines"). */
  lines: z.number().int().positive().optional(),
  /** Shell text the request quoted or gave after "run:" — judged before it runs. */
  command: z.string().optional(),
  /** The kind of object acted on when the text says it: container, image, network, volume, … */
  object: z.string().optional(),
  /** The view of a container asked for when no object is named: logs, stats, inspect. */
  view: z.string().optional(),
  /** The verb within `update` that picks the action: stop, start, restart. */
  verb: z.string().optional(),
  /** The request's words as the understanding read them, lower-case: what recipes' cue tables match. */
  terms: z.array(z.string()).optional(),
  /** The request's words as written, in order (resource addresses and ids keep their case). */
  words: z.array(z.string()).optional(),
  /** A password the request states ("with password …"): a secret, used by the step that needs it. */
  password: z.string().optional(),
});
export type Details = z.infer<typeof Details>;

/** A value the request states in so many words ("named web", "on port 8080"): used or refused, never dropped. */
export const StatedValue = z.object({
  kind: z.enum(['name', 'port', 'network', 'secret', 'tag', 'path', 'env', 'flag', 'memory', 'word', 'command']),
  value: z.string(),
  /** The words it came from, as written. */
  words: z.string(),
  /** Quoted text taken as a value only because it was quoted: a debug request quotes what it saw. */
  quotedOnly: z.boolean().optional(),
});
export type StatedValue = z.infer<typeof StatedValue>;

export const Interpretation = z.object({
  text: z.string(),
  intent: Intent,
  domains: z.array(Domain),
  entities: Entities,
  details: Details.default({}),
  /** 0..1: how sure the understanding is. */
  confidence: z.number().min(0).max(1),
  /** The clarifying question when intent is `clarify`, else null. */
  question: z.string().nullable(),
  /** Remembered defaults that were applied, shown to the user ("environment prod from session"). */
  applied: z.array(z.string()).default([]),
  /** Values the text states; the planner must use each one or say it did not. */
  stated: z.array(StatedValue).default([]),
});
export type Interpretation = z.infer<typeof Interpretation>;

/**
 * An interpretation as plans record it and surfaces show it: without the request's words, which
 * are for planning only. Split into words, a secret loses the cue beside it ("password", "Bearer")
 * that lets the scanner find it, so the words never leave planning.
 */
export function recordedInterpretation(i: Interpretation): Interpretation {
  const { terms: _terms, words: _words, ...details } = i.details;
  return { ...i, details };
}
