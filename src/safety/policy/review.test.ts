import { describe, expect, it } from 'vitest';
import { Config } from '../../config/schema.js';
import { ActionRegistry } from '../../core/registry.js';
import { memoryActions, planOf } from '../../core/testing.js';
import { shellActions } from '../../tools/shell/actions.js';
import type { Judge } from '../../core/context.js';
import type { RiskLevel } from '../../core/risk.js';
import { reviewPlan } from './review.js';
import type { Inventory } from '../../core/review.js';

/** A judge that answers from a table, so these tests prove the policy and not the judge. */
const tableJudge = (levels: Record<string, RiskLevel>): Judge => ({
  judge: (command) => ({ level: levels[command] ?? 'admin', reasons: [{ level: levels[command] ?? 'admin', rule: 'table', reason: 'test table' }] }),
});

const registry = new ActionRegistry([...memoryActions({ things: new Set(), log: [] }), ...shellActions]);
const judge = tableJudge({ 'df -h': 'read', 'npm test': 'admin', 'touch x': 'write', 'rm -rf /': 'dangerous' });

function review(steps: Parameters<typeof planOf>[0], options: { role?: 'viewer' | 'operator' | 'admin'; config?: unknown; inventory?: Inventory } = {}) {
  const config = Config.parse(options.config ?? {});
  return reviewPlan({ plan: planOf(steps), registry, policy: config.policy, actor: { name: 't', role: options.role ?? 'admin' }, judge, inventory: options.inventory });
}
const shell = (id: string, command: string) => ({ id, action: 'shell.run', input: { command } });

describe('policy review', () => {
  it('lets read shell text run, asks for changes and refuses what is dangerous', () => {
    const r = review([shell('a', 'df -h'), shell('b', 'touch x'), shell('c', 'npm test'), shell('d', 'rm -rf /')]);
    expect(r.steps.map((s) => [s.risk, s.decision])).toEqual([
      ['read', 'allow'], ['write', 'confirm'], ['admin', 'confirm'], ['dangerous', 'deny'],
    ]);
    expect(r.decision).toBe('deny');
    expect(r.steps[1]!.reasons.map((x) => x.rule)).toContain('default.shell-changes-ask');
  });

  it('gives each role its own defaults', () => {
    const steps = [{ id: 'mk', action: 'test.thing.create', input: { name: 'a' } }, { id: 'rm', action: 'test.thing.remove', input: { name: 'a' } }];
    expect(review(steps, { role: 'viewer' }).steps.map((s) => s.decision)).toEqual(['deny', 'deny']);
    expect(review(steps, { role: 'operator' }).steps.map((s) => s.decision)).toEqual(['allow', 'confirm']);
  });

  it('allows a command pattern named in the config, and only an admin may allow a dangerous one', () => {
    const config = { policy: { allow: [{ command: 'npm test*', reason: 'tests are fine' }, { command: 'rm -rf /' }] } };
    const asAdmin = review([shell('t', 'npm test'), shell('x', 'rm -rf /')], { config });
    expect(asAdmin.steps.map((s) => s.decision)).toEqual(['allow', 'allow']);
    expect(asAdmin.steps[0]!.reasons.at(-1)).toEqual({ rule: 'config.allow[0]', reason: 'tests are fine' });
    expect(asAdmin.steps.map((s) => s.decidedBy)).toEqual(['config.allow[0]', 'config.allow[1]']);
    const asOperator = review([shell('t', 'npm test'), shell('x', 'rm -rf /')], { config, role: 'operator' });
    expect(asOperator.steps.map((s) => s.decision)).toEqual(['allow', 'deny']);
  });

  it('denies by action and environment before anything else', () => {
    const config = { policy: { deny: [{ action: 'test.thing.*', environment: 'staging', reason: 'staging is frozen' }] } };
    const r = review([{ id: 'a', action: 'test.thing.create', input: { name: 'a', env: 'staging' } }, { id: 'b', action: 'test.thing.create', input: { name: 'b', env: 'dev' } }], { config });
    expect(r.steps.map((s) => s.decision)).toEqual(['deny', 'allow']);
    expect(r.steps[0]!.reasons).toContainEqual({ rule: 'config.deny[0]', reason: 'staging is frozen' });
    expect(r.steps.map((s) => s.decidedBy)).toEqual(['config.deny[0]', 'role.admin.write']);
  });

  it('escalates changes to a protected environment and deletes there to dangerous', () => {
    const r = review([{ id: 'mk', action: 'test.thing.create', input: { name: 'a', env: 'prod' } }, { id: 'rm', action: 'test.thing.remove', input: { name: 'a', env: 'prod' } }]);
    expect(r.steps.map((s) => [s.risk, s.decision, s.protectedTarget])).toEqual([
      ['admin', 'confirm', 'prod'],
      ['dangerous', 'deny', 'prod'],
    ]);
  });

  it('asks before changing something Reign did not create', () => {
    const inventory: Inventory = { created: (_kind, name) => name === 'mine' };
    const r = review([{ id: 'a', action: 'test.thing.create', input: { name: 'mine' } }, { id: 'b', action: 'test.thing.create', input: { name: 'theirs' } }], { inventory });
    expect(r.steps.map((s) => [s.risk, s.decision])).toEqual([['write', 'allow'], ['admin', 'confirm']]);
    expect(r.steps[1]!.reasons.some((x) => x.rule === 'policy.not-created-by-reign')).toBe(true);
  });
});
