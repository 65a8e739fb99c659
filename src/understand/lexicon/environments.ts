import type { ENVIRONMENTS } from '../../core/interpretation.js';

export type Environment = (typeof ENVIRONMENTS)[number];

/**
 * Environment words. `ambiguous` words are also ordinary English ("run the tests", "live traffic",
 * "the test stage") and count only in an environment position: after "to/in/on/into/for", before
 * an environment noun, or next to another environment word.
 */
export interface EnvironmentSynonym {
  phrase: string;
  environment: Environment | null;
  ambiguous?: boolean;
}

const e = (environment: Environment | null, phrases: string[], ambiguous = false): EnvironmentSynonym[] =>
  phrases.map((phrase) => ({ phrase, environment, ambiguous }));

export const ENVIRONMENT_SYNONYMS: EnvironmentSynonym[] = [
  ...e('prod', ['prod', 'production', 'prd', 'prod-eu', 'prod-us', 'production-like']),
  ...e('prod', ['live'], true),
  ...e('staging', ['staging', 'stg', 'pre-prod', 'preprod', 'pre-production']),
  ...e('staging', ['stage'], true),
  ...e('test', ['qa']),
  ...e('test', ['test', 'testing'], true),
  ...e('dev', ['dev', 'development', 'local dev', 'local development', 'dev env']),
  ...e(null, ['test stage', 'test suite', 'test case', 'dev dependency', 'dev dependencies', 'live traffic', 'live version', 'live reload', 'testing stage']),
];

/** Nouns that make an ambiguous word an environment: "the test environment", "live cluster". */
export const ENVIRONMENT_NOUNS = [
  'environment', 'environments', 'env', 'envs', 'cluster', 'clusters', 'server', 'servers', 'namespace', 'workspace',
  'workspaces', 'subscription', 'subscriptions', 'account', 'accounts', 'project', 'stack', 'stacks', 'site', 'database',
  'db', 'deployment', 'slot', 'instance', 'tier', 'values', 'config',
];

/** Words before an ambiguous environment word that put it in an environment position. */
export const ENVIRONMENT_PREPOSITIONS = ['to', 'in', 'on', 'into', 'onto', 'for', 'from', 'against'];

/**
 * "local" means dev when it says where things run ("a local stack", "locally for development"),
 * not in "merge locally" or "the local branch". These are the words that make it so.
 */
export const LOCAL_DEV_NEXT = ['stack', 'environment', 'env', 'setup', 'set-up', 'compose', 'cluster', 'deployment', 'docker', 'containers', 'kubernetes', 'k8s', 'instance', 'copy', 'version'];
export const LOCAL_DEV_PHRASES = ['locally', 'on my laptop', 'on my machine', 'on my computer', 'on localhost', 'for my laptop', 'for my machine', 'on my mac', 'on my workstation'];
