import { createRulesBrain } from '../../src/brains/rules/index.js';
import { Config } from '../../src/config/schema.js';
import type { Judge } from '../../src/core/context.js';
import { ReignError } from '../../src/core/errors.js';
import { planAndReview } from '../../src/flow/plan.js';
import { planningFrom } from '../../src/clients/planning.js';
import { inertClients } from '../../src/core/testing.js';
import { ActionRegistry } from '../../src/core/registry.js';
import { checkRequest } from '../../src/core/request-values.js';
import { allActions, allRecipes, DOMAINS } from '../../src/tools/index.js';
import { createMemory, remember, understandAll, type ConversationMemory } from '../../src/understand/index.js';
import type { Outcome } from './verdict.js';

const registry = new ActionRegistry(allActions());
const policy = Config.parse({}).policy;

/** What `reign plan` decides for a request, in process: the same checks, understanding and planner. */
export async function outcomeOf(text: string, judge: Judge, memory?: ConversationMemory): Promise<Outcome> {
  try {
    const interpretations = understandAll(text, memory);
    // Values are checked before any question is asked: a question must not stand in for a refusal.
    checkRequest(text, interpretations);
    const unclear = interpretations.find((i) => i.intent === 'clarify');
    if (unclear) return { kind: 'question', question: unclear.question ?? '' };
    const { plan, review } = await planAndReview(text, interpretations, {
      planning: planningFrom({ ...inertClients(), cwd: '/tmp' }, DOMAINS), brain: createRulesBrain(registry, allRecipes()), registry, judge, policy, actor: { name: 'hostile', role: 'admin' }, cwd: '/tmp', outputDir: '/tmp',
    });
    return { kind: 'planned', plan, review };
  } catch (error) {
    if (error instanceof ReignError) return { kind: 'refused', code: error.code, message: error.message };
    throw error;
  }
}

/** A session's memory after the given requests, each remembered as if it had been planned. */
export function memoryAfter(requests: readonly string[]): ConversationMemory {
  let memory = createMemory();
  for (const text of requests) for (const i of understandAll(text, memory)) memory = remember(memory, i);
  return memory;
}
