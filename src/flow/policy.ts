import { Interpretation } from '../core/interpretation.js';
import { newId } from '../core/ids.js';
import type { Plan } from '../core/plan.js';
import type { Review } from '../core/review.js';
import { understandAll } from '../understand/index.js';
import { planAndReview, reviewPlanned, type PipelineDeps } from './plan.js';
import { pipelineDeps, type FlowDeps } from './request.js';

/**
 * Which rule decides each step of a request, or of one shell command: text that plans as a
 * request is reviewed step by step; anything else (or with `command`) as one shell command.
 * Nothing runs and nothing is remembered.
 */
export async function explainPolicy(deps: FlowDeps, text: string, opts: { command?: boolean; onProgress?(line: string): void } = {}): Promise<{ plan: Plan; review: Review }> {
  const pipeline = await pipelineDeps(deps, { onProgress: opts.onProgress });
  return opts.command ? asCommand(text, pipeline) : asRequest(text, pipeline);
}

async function asRequest(text: string, deps: PipelineDeps) {
  const planned = await planAndReview(text, understandAll(text), deps);
  return planned.plan.steps.length ? planned : asCommand(text, deps);
}

function asCommand(text: string, deps: PipelineDeps) {
  const interpretation = Interpretation.parse({ text, intent: 'execute', domains: ['shell'], entities: {}, details: { command: text }, confidence: 1, question: null });
  const plan: Plan = {
    id: newId('p'),
    request: text,
    interpretations: [interpretation],
    steps: [{ id: 'command', action: 'shell.run', title: 'Run the command', input: { command: text }, dependsOn: [] }],
    previews: {},
    createdAt: new Date().toISOString(),
  };
  return reviewPlanned(plan, deps);
}
