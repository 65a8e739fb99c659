import type { Brain, BrainContext } from '../../core/brain.js';
import { recordedInterpretation, type Interpretation } from '../../core/interpretation.js';
import { newId } from '../../core/ids.js';
import type { Plan, Step } from '../../core/plan.js';
import type { ActionRegistry } from '../../core/registry.js';
import { isMissing, type Recipe, type RecipeContext, type StepDraft } from '../../core/recipe.js';

/**
 * The embedded brain: each interpretation picks the first recipe whose intent, domain, object and
 * verb match; its steps join the plan, depending on the previous part's steps so a decomposed
 * request runs in the order it was said. Deterministic, offline. The recipes come from the tool
 * domains, tried in the order given.
 */
export function createRulesBrain(registry: ActionRegistry, recipes: readonly Recipe[]): Brain {
  return {
    name: 'rules',
    async plan(request, context) {
      const steps: Step[] = [];
      const messages: string[] = [];
      let previous: string[] = [];
      for (const [index, interpretation] of context.interpretations.entries()) {
        const outcome = planPart(interpretation, context, registry, recipes);
        if ('message' in outcome) {
          messages.push(outcome.message);
          continue;
        }
        const prefix = context.interpretations.length > 1 ? `${index + 1}-` : '';
        const ids = new Map(outcome.drafts.map((d) => [d.id, uniqueId(`${prefix}${d.id}`, steps)]));
        for (const draft of outcome.drafts) {
          const own = (draft.dependsOn ?? []).map((d) => ids.get(d)!);
          steps.push({
            id: ids.get(draft.id)!,
            action: draft.action,
            title: draft.title,
            input: draft.input,
            dependsOn: own.length ? own : previous,
            from: interpretation.text,
            ...(draft.timeoutMs ? { timeoutMs: draft.timeoutMs } : {}),
          });
        }
        previous = outcome.drafts.filter((d) => !outcome.drafts.some((o) => o.dependsOn?.includes(d.id))).map((d) => ids.get(d.id)!);
      }
      const plan: Plan = {
        id: newId('p'),
        request,
        interpretations: context.interpretations.map(recordedInterpretation),
        // A request with a part Reign cannot do runs nothing: half a request is not what was asked.
        steps: messages.length ? [] : steps,
        previews: {},
        createdAt: new Date().toISOString(),
        ...(messages.length ? { message: messages.join('\n') } : {}),
      };
      return { plan };
    },
  };
}

function planPart(i: Interpretation, context: BrainContext, registry: ActionRegistry, recipes: readonly Recipe[]): { drafts: StepDraft[] } | { message: string } {
  if (i.intent === 'clarify') return { message: i.question ?? 'Could you say more about what you want done?' };
  const object = i.details.object ?? i.details.view;
  const verb = i.intent === 'update' ? i.details.verb : undefined;
  const recipe = recipes.find(
    (r) =>
      (r.intent === '*' || r.intent === i.intent) &&
      i.domains.includes(r.domain) &&
      (!r.object || r.object === object) &&
      (!r.verb || r.verb === verb) &&
      (!r.needs || r.needs(i)),
  );
  if (!recipe) return { message: cannotYet(i, recipes) };
  const ctx: RecipeContext = { cwd: context.cwd, outputDir: context.outputDir, files: context.files };
  const built = recipe.build(i, ctx);
  if (isMissing(built)) return { message: built.question };
  // A catalog without one of the recipe's actions cannot run it.
  if (!built.every((d) => registry.has(d.action))) return { message: cannotYet(i, recipes) };
  return { drafts: built };
}

function uniqueId(base: string, steps: Step[]): string {
  const clean = base.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'step';
  let id = clean;
  for (let n = 2; steps.some((s) => s.id === id); n++) id = `${clean}-${n}`;
  return id;
}

/** How close a recipe is to what was asked: same intent and tool, then same intent, then same tool, then the same object. */
function closeness(i: Interpretation, r: Recipe): number {
  const object = i.details.object ?? i.details.view;
  return (r.intent === i.intent ? 4 : 0) + (i.domains.includes(r.domain) ? 2 : 0) + (object !== undefined && r.object === object ? 1 : 0);
}

/** The capabilities nearest to a request, best first; the list order breaks ties. */
function nearest(i: Interpretation, recipes: readonly Recipe[], count = 6): Recipe[] {
  const ranked = recipes.map((r, n) => ({ r, n, score: closeness(i, r) })).sort((a, b) => b.score - a.score || a.n - b.n);
  const seen = new Set<string>();
  return ranked.filter(({ r }) => !seen.has(r.does) && seen.add(r.does)).slice(0, count).map(({ r }) => r);
}

/** The answer to a request Reign understood but has no recipe for: what it can do instead. */
function cannotYet(i: Interpretation, recipes: readonly Recipe[]): string {
  const understood = `I understood "${i.text}" as ${i.intent} on ${i.domains.join(', ') || 'no tool'}, but I cannot plan that yet.`;
  return [understood, 'Nearest to that, I can:', ...nearest(i, recipes).map((r) => `  - ${r.does}  (e.g. "${r.example}")`)].join('\n');
}
