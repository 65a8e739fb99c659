import type { ZodType } from 'zod';
import type { RiskJudgement, RiskLevel } from './risk.js';
import type { StepRef } from './plan.js';
import type { ResourceRef } from './run.js';
import type { Context, ImageResolver, Judge, PlanningContext } from './context.js';

/**
 * The one abstraction every tool domain shares. `id`, `risk`, `input` and `preview` are data a
 * reviewer reads; `run` and `undo` are the only code with side effects.
 */
export interface Action<I = any, O = any> {
  /** `domain.object.verb`, e.g. `docker.container.run`. */
  id: string;
  title: string;
  /**
   * A fixed level, or one that depends on the input (an argument can escalate). Shell text is
   * judged by the judge it is given, never by the action's own reading.
   */
  risk: RiskLevel | ((input: I, assess: RiskAssessors) => RiskLevel | RiskJudgement);
  input: ZodType<I>;
  /** The equivalent command a person would type, naming the images the image settings map to. */
  preview(input: I, view: PreviewContext): string;
  /**
   * Finds out what the step will do before it is reviewed — a saved `terraform plan`, a server-side
   * dry run, `docker compose config` — and returns the input with that effect recorded, so risk
   * follows the effect and `run` can refuse anything other than what was previewed. Read-only.
   */
  prepare?(input: I, ctx: PrepareContext): Promise<I>;
  run(input: I, ctx: Context): Promise<O>;
  /** Compensation for rollback, computed from what the step did. */
  undo?(input: I, output: O): StepRef | undefined;
  /**
   * Compensation for a step that started but never recorded its end (the process was killed):
   * find what it may have created by the labels of its run and step.
   */
  undoInterrupted?(input: I, at: { runId: string; stepId: string }): StepRef | undefined;
  /** The step only writes generated files (`reign generate` runs these and nothing else). */
  artifact?: true;
  /** What the step acts on, so policy can protect environments, namespaces, paths and resources. */
  targets?(input: I): Target[];
  /** What the step created, recorded so `reign resources` lists it. */
  creates?(input: I, output: O): ResourceRef[];
  /** What the step removed, so the resource record can be closed. */
  removes?(input: I, output: O): ResourceRef[];
}

/** What `prepare` may use: the read-only planning clients, a signal, and a progress line. */
export type PrepareContext = PlanningContext & { signal: AbortSignal; emit(text: string): void };

/** A thing a step acts on, as policy rules and protected targets see it. */
export interface Target {
  /** e.g. `docker.container`, `file`, `kubernetes.namespace`. */
  kind: string;
  name?: string;
  environment?: string;
  namespace?: string;
  path?: string;
  /** True when the step deletes or replaces it (protected targets escalate these further). */
  destructive?: boolean;
}

/** What a risk function may consult: pure judges, no clients with side effects. */
interface RiskAssessors {
  judge: Judge;
}

/** Every action's risk as a judgement with reasons, whatever form the action declares. */
export function judgeAction<I>(action: Action<I>, input: I, assess: RiskAssessors): RiskJudgement {
  const risk = typeof action.risk === 'function' ? action.risk(input, assess) : action.risk;
  if (typeof risk === 'string') {
    return { level: risk, reasons: [{ level: risk, rule: action.id, reason: `${action.title}: ${risk}` }] };
  }
  return risk;
}

/** Helper to declare an action with its input type inferred from the schema. */
export function defineAction<I, O>(action: Action<I, O>): Action<I, O> {
  return action;
}

/** What a preview may consult: the image settings, so the command names the image that will run. */
export interface PreviewContext {
  images: ImageResolver;
}

/** An image the request named and the one the image settings run instead. */
interface ImageMapping {
  asked: string;
  runs: string;
}

const AS_ASKED: ImageResolver = { resolve: (image) => image };

/** The step's equivalent command, or the action id when the input cannot be previewed. */
export function previewOf<I>(action: Action<I>, input: I, images: ImageResolver = AS_ASKED): string {
  return previewWithImages(action, input, images).command;
}

/** The equivalent command and every image in it that the image settings map to another. */
export function previewWithImages<I>(action: Action<I>, input: I, images: ImageResolver = AS_ASKED): { command: string; images: ImageMapping[] } {
  const mapped: ImageMapping[] = [];
  const recording: ImageResolver = {
    resolve(asked) {
      const runs = images.resolve(asked);
      if (runs !== asked && !mapped.some((m) => m.asked === asked)) mapped.push({ asked, runs });
      return runs;
    },
  };
  try {
    return { command: action.preview(input, { images: recording }), images: mapped };
  } catch {
    return { command: action.id, images: [] };
  }
}
