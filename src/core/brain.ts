import type { ReadFiles } from './context.js';
import type { Interpretation } from './interpretation.js';
import type { Plan } from './plan.js';

/**
 * Plans an understood request behind one interface. The rules brain is the embedded default; an
 * LLM brain proposes plans of the same shape from the same catalog, and falls back to rules.
 */
export interface Brain {
  name: string;
  plan(request: string, context: BrainContext): Promise<BrainResult>;
}

export interface BrainContext {
  /** Interpretations of the request, from the understanding stage (with session memory applied). */
  interpretations: Interpretation[];
  /** Directory that relative paths in the request are taken from. */
  cwd: string;
  /** Directory generated files go to (`--dir`), default cwd. */
  outputDir: string;
  /** The disk as planning sees it: read, never written. */
  files: ReadFiles;
}

export interface BrainResult {
  plan: Plan;
}
