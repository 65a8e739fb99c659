import type { ReadFiles } from './context.js';
import type { Domain, Intent, Interpretation } from './interpretation.js';

/** A step before it is numbered into a plan. */
export interface StepDraft {
  /** Short and unique within the recipe: `run-cache`, `wait-cache`. */
  id: string;
  action: string;
  title: string;
  input: unknown;
  /** Ids of earlier drafts of the same recipe. */
  dependsOn?: string[];
  timeoutMs?: number;
}

/** What a recipe says when the request lacks something it needs. */
export interface Missing {
  question: string;
}

export interface RecipeContext {
  cwd: string;
  outputDir: string;
  /** The disk as planning sees it: read, never written. */
  files: ReadFiles;
}

/**
 * One row of the rules brain: an intent and a domain (and optionally the object acted on) map to
 * the steps that do it. `does` is shown to users as what Reign can do.
 */
export interface Recipe {
  id: string;
  /** `*` for rows that apply whatever the intent (a quoted command runs as given). */
  intent: Intent | '*';
  domain: Domain;
  /** Matches the object the request is about (container, network, logs, …) when given. */
  object?: string;
  /** Matches a verb within the intent (stop/start/restart for update). */
  verb?: string;
  /** A further condition on the interpretation, for rows keyed on what the request holds. */
  needs?(i: Interpretation): boolean;
  does: string;
  example: string;
  build(i: Interpretation, ctx: RecipeContext): StepDraft[] | Missing;
}

export function isMissing(result: StepDraft[] | Missing): result is Missing {
  return !Array.isArray(result);
}

/** The first value of an entity that may be a list. */
export function first<T>(value: T | T[] | undefined): T | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function all<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The request's lower-case words as the understanding read them: what cue tables match. */
export function termsOf(i: Interpretation): ReadonlySet<string> {
  return new Set(i.details.terms ?? []);
}

/** The request's words as written, in order. */
export function wordsOf(i: Interpretation): readonly string[] {
  return i.details.words ?? [];
}
