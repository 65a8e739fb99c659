import type { Domain, Interpretation } from '../core/interpretation.js';
import { list } from './entities.js';
import type { Cloud } from './lexicon/clouds.js';
import type { CiSystem } from './lexicon/ci.js';
import type { Environment } from './lexicon/environments.js';

/**
 * What a conversation remembers between requests: the recent subjects ("run redis named cache",
 * then "scale it to 3") and the defaults the user stated ("we use AWS"). Plain JSON, so a
 * session store can keep it as is.
 */
export interface Subject {
  name?: string[];
  services?: string[];
  image?: string[];
  /** The kind of object: "container", "network", … */
  object?: string;
  domains: Domain[];
  environments?: Environment[];
  namespace?: string[];
}

export interface SessionDefaults {
  cloud?: Cloud;
  environment?: Environment;
  namespace?: string;
  ci?: CiSystem;
}

export interface ConversationMemory {
  version: 1;
  /** Most recent first. */
  subjects: Subject[];
  defaults: SessionDefaults;
}

// Allowed values, checked against the contract's types so they cannot drift from it. (Reading a
// saved state by hand keeps zod out of `reign parse` start-up.)
const DOMAIN_VALUES: Record<Domain, true> = {
  docker: true, compose: true, shell: true, kubernetes: true, helm: true, terraform: true, cloudformation: true,
  arm: true, bicep: true, git: true, github: true, ci: true,
};
const ENVIRONMENT_VALUES: Record<Environment, true> = { dev: true, test: true, staging: true, prod: true };
const CLOUD_VALUES: Record<Cloud, true> = { aws: true, azure: true, gcp: true };
const CI_VALUES: Record<CiSystem, true> = { 'github-actions': true, 'gitlab-ci': true, jenkins: true, circleci: true, 'azure-pipelines': true };

const KEEP_SUBJECTS = 5;

export function createMemory(): ConversationMemory {
  return { version: 1, subjects: [], defaults: {} };
}

/** The state to save in a session store. */
export function memoryToState(memory: ConversationMemory): Record<string, unknown> {
  return JSON.parse(JSON.stringify(memory)) as Record<string, unknown>;
}

/** Memory from a saved state; anything unreadable (an older format, a damaged row) starts afresh. */
export function memoryFromState(state: Record<string, unknown> | undefined | null): ConversationMemory {
  if (!state || state.version !== 1 || !Array.isArray(state.subjects) || !isRecord(state.defaults)) return createMemory();
  const subjects = state.subjects.filter(isSubject);
  const defaults: unknown = state.defaults;
  if (subjects.length !== state.subjects.length || !isDefaults(defaults)) return createMemory();
  return { version: 1, subjects, defaults };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');
const oneOf = <T extends string>(values: Record<T, true>) => (value: unknown): value is T => typeof value === 'string' && Object.hasOwn(values, value);
const optional = (value: unknown, test: (v: unknown) => boolean) => value === undefined || test(value);

function isSubject(value: unknown): value is Subject {
  if (!isRecord(value) || !Array.isArray(value.domains) || !value.domains.every(oneOf(DOMAIN_VALUES))) return false;
  return optional(value.name, isStrings) && optional(value.services, isStrings) && optional(value.image, isStrings)
    && optional(value.namespace, isStrings) && optional(value.object, (v) => typeof v === 'string')
    && optional(value.environments, (v) => Array.isArray(v) && v.every(oneOf(ENVIRONMENT_VALUES)));
}

function isDefaults(value: unknown): value is SessionDefaults {
  return isRecord(value) && optional(value.cloud, oneOf(CLOUD_VALUES)) && optional(value.environment, oneOf(ENVIRONMENT_VALUES))
    && optional(value.namespace, (v) => typeof v === 'string') && optional(value.ci, oneOf(CI_VALUES));
}

/**
 * The memory after a request: a statement of defaults updates the defaults; a request about a
 * named thing makes it the current subject. Returns a new memory; the old one is unchanged.
 */
export function updateMemory(memory: ConversationMemory, interpretation: Interpretation, stated?: SessionDefaults): ConversationMemory {
  const next: ConversationMemory = { version: 1, subjects: [...memory.subjects], defaults: { ...memory.defaults, ...stated } };
  if (interpretation.intent === 'clarify') return next;
  const subject = subjectOf(interpretation);
  if (subject) next.subjects = [subject, ...next.subjects.filter((s) => !sameSubject(s, subject))].slice(0, KEEP_SUBJECTS);
  return next;
}

function subjectOf(i: Interpretation): Subject | undefined {
  const name = list(i.entities.name);
  const image = list(i.entities.image);
  const services = i.entities.services ?? [];
  if (!name.length && !image.length && !services.length) return undefined;
  const subject: Subject = { domains: i.domains };
  if (name.length) subject.name = name;
  if (services.length) subject.services = services;
  if (image.length) subject.image = image;
  if (i.details.object) subject.object = i.details.object;
  if (i.entities.environments?.length) subject.environments = i.entities.environments;
  const namespace = list(i.entities.namespace);
  if (namespace.length) subject.namespace = namespace;
  return subject;
}

function sameSubject(a: Subject, b: Subject): boolean {
  return JSON.stringify([a.name, a.services, a.image]) === JSON.stringify([b.name, b.services, b.image]);
}
