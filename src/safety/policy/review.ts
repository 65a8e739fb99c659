import { judgeAction, previewOf, type Target } from '../../core/action.js';
import { maxRisk, riskRank, type RiskLevel, type RiskReason } from '../../core/risk.js';
import type { Plan, Step } from '../../core/plan.js';
import type { Decision, Inventory, Review, StepReview } from '../../core/review.js';
import type { ActionRegistry } from '../../core/registry.js';
import type { ImageResolver, Judge } from '../../core/context.js';
import type { Config, PolicyRule, Role } from '../../config/schema.js';
import { globMatch } from './glob.js';
import { DEFAULT_CONFIRM_RULES, ROLE_DECISIONS } from './tables.js';

interface ReviewInput {
  plan: Plan;
  registry: ActionRegistry;
  policy: Config['policy'];
  actor: { name: string; role: Role };
  judge: Judge;
  inventory?: Inventory;
  /** The image settings, so a `command` rule sees the image that will run. */
  images?: ImageResolver;
}

/**
 * Judges every step and decides allow, confirm or deny, each with the rule that decided. Pure: it
 * reads the plan, the policy and what Reign knows it created; it changes nothing.
 */
export function reviewPlan(input: ReviewInput): Review {
  const steps = input.plan.steps.map((step) => reviewStep(step, input));
  const decision: Decision = steps.some((s) => s.decision === 'deny') ? 'deny' : steps.some((s) => s.decision === 'confirm') ? 'confirm' : 'allow';
  return { planId: input.plan.id, actor: input.actor, steps, decision };
}

function reviewStep(step: Step, input: ReviewInput): StepReview {
  const action = input.registry.get(step.action);
  const parsed = action.input.parse(step.input);
  const judgement = judgeAction(action, parsed, { judge: input.judge });
  const reasons: RiskReason[] = [...judgement.reasons];
  let level = judgement.level;
  let protectedTarget: string | undefined;

  for (const target of action.targets?.(parsed) ?? []) {
    const hit = protectedHit(target, input.policy.protected);
    if (hit) {
      protectedTarget ??= hit;
      const raised: RiskLevel = target.destructive && riskRank(level) >= riskRank('admin') ? 'dangerous' : maxRisk(level, 'admin');
      if (raised !== level) reasons.push({ level: raised, rule: 'policy.protected-target', part: hit, reason: `${hit} is protected: changing it escalates to ${raised}` });
      level = raised;
    }
    if (target.name && riskRank(level) >= riskRank('write') && input.inventory?.created(target.kind, target.name) === false) {
      const raised = maxRisk(level, 'admin');
      reasons.push({ level: raised, rule: 'policy.not-created-by-reign', part: target.name, reason: `${target.name} was not created by Reign: changing it asks first` });
      level = raised;
    }
  }

  const facts = { action: action.id, command: previewOf(action, parsed, input.images), targets: action.targets?.(parsed) ?? [], level };
  const verdict = decide(facts, input.actor.role, input.policy);
  if (protectedTarget && verdict.decision === 'allow' && riskRank(level) >= riskRank('admin')) {
    verdict.decision = 'confirm';
    verdict.decidedBy = 'policy.protected-target';
    verdict.reasons.push({ rule: 'policy.protected-target', reason: `${protectedTarget} is protected: confirm by typing its name` });
  }
  return {
    stepId: step.id,
    risk: level,
    decision: verdict.decision,
    decidedBy: verdict.decidedBy,
    reasons: [...reasons.map(({ rule, reason, part }) => ({ rule, reason, ...(part ? { part } : {}) })), ...verdict.reasons],
    ...(protectedTarget ? { protectedTarget } : {}),
  };
}

interface Facts {
  action: string;
  command: string;
  targets: Target[];
  level: RiskLevel;
}

/** Deny rules first, then the role's default, then confirm rules, then allow rules. */
function decide(facts: Facts, role: Role, policy: Config['policy']): { decision: Decision; decidedBy: string; reasons: { rule: string; reason: string }[] } {
  const denied = policy.deny.findIndex((rule) => matches(rule, facts));
  if (denied >= 0) {
    const rule = `config.deny[${denied}]`;
    return { decision: 'deny', decidedBy: rule, reasons: [{ rule, reason: policy.deny[denied]!.reason ?? 'denied by a rule in the config' }] };
  }
  const base = ROLE_DECISIONS[role][facts.level];
  let decision = base.decision;
  let decidedBy = `role.${role}.${facts.level}`;
  const reasons = [{ rule: `role.${role}.${facts.level}`, reason: base.reason }];

  const confirmRules = [...DEFAULT_CONFIRM_RULES.map((r) => ({ ...r, ruleId: r.id })), ...policy.confirm.map((r, i) => ({ ...r, ruleId: `config.confirm[${i}]` }))];
  const confirming = confirmRules.find((rule) => matches(rule, facts));
  if (confirming && decision === 'allow') {
    decision = 'confirm';
    decidedBy = confirming.ruleId;
    reasons.push({ rule: confirming.ruleId, reason: confirming.reason ?? 'a rule asks for confirmation' });
  }

  const allowed = policy.allow.findIndex((rule) => matches(rule, facts));
  if (allowed >= 0 && role !== 'viewer') {
    const rule = policy.allow[allowed]!;
    // Only an admin's explicit rule can let a dangerous step run.
    if (facts.level !== 'dangerous' || role === 'admin') {
      decision = 'allow';
      decidedBy = `config.allow[${allowed}]`;
      reasons.push({ rule: `config.allow[${allowed}]`, reason: rule.reason ?? 'allowed by a rule in the config' });
    }
  }
  return { decision, decidedBy, reasons };
}

function matches(rule: PolicyRule, facts: Facts): boolean {
  if (rule.action && !globMatch(rule.action, facts.action)) return false;
  if (rule.command && !globMatch(rule.command, facts.command)) return false;
  if (rule.level && rule.level !== facts.level) return false;
  const targetFields = [
    [rule.target, (t: Target) => t.name],
    [rule.environment, (t: Target) => t.environment],
    [rule.namespace, (t: Target) => t.namespace],
    [rule.path, (t: Target) => t.path],
  ] as const;
  for (const [pattern, field] of targetFields) {
    if (pattern === undefined) continue;
    if (!facts.targets.some((t) => field(t) !== undefined && globMatch(pattern, field(t)!))) return false;
  }
  return true;
}

function protectedHit(target: Target, protectedTargets: Config['policy']['protected']): string | undefined {
  if (target.environment && protectedTargets.environments.includes(target.environment)) return target.environment;
  if (target.namespace && protectedTargets.namespaces.includes(target.namespace)) return target.namespace;
  if (target.path) {
    const hit = protectedTargets.paths.find((p) => target.path === p || (p !== '/' && target.path!.startsWith(`${p}/`)));
    if (hit) return hit;
  }
  return undefined;
}
