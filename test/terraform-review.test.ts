import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Config } from '../src/config/schema.js';
import { prepareEffects } from '../src/flow/plan.js';
import { planOf } from '../src/core/testing.js';
import { ActionRegistry } from '../src/core/registry.js';
import { reviewPlan } from '../src/safety/policy/review.js';
import { allActions } from '../src/tools/index.js';
import { prepareContext, tempDir, terraform, writeFiles } from '../src/tools/terraform/testing.js';

const registry = new ActionRegistry(allActions());
const policy = Config.parse({}).policy;
const { signal: _s, emit: _e, ...planning } = prepareContext();
const judge = planning.judge;

const resources = (names: string[]) => names.map((n) => `resource "terraform_data" "${n}" {\n  input = "${n}"\n}\n`).join('\n');

/** A directory whose `prod` and `dev` workspaces both track a and b; `main.tf` then keeps only `kept`. */
function workspacesAboutToLoseResources(kept: string[]): string {
  const dir = writeFiles(tempDir('review'), { 'main.tf': resources(['a', 'b']) });
  for (const workspace of ['dev', 'prod']) {
    expect(terraform(dir, ['workspace', 'new', workspace]).code).toBe(0);
    expect(terraform(dir, ['apply', '-auto-approve', '-input=false']).code).toBe(0);
  }
  writeFileSync(join(dir, 'main.tf'), resources(kept));
  return dir;
}

/** Plans as the pipeline does (prepare makes the saved plan), then reviews with the default policy. */
async function review(steps: { id: string; action: string; input: unknown }[], role: 'admin' | 'operator' = 'admin') {
  const plan = await prepareEffects(planOf(steps), { registry, planning });
  return reviewPlan({ plan, registry, policy, actor: { name: 'test', role }, judge }).steps;
}

describe('terraform risk follows the saved plan through review (real binary, real registry, default policy)', () => {
  it('makes an apply that deletes admin, asking first; in the protected prod workspace it becomes dangerous and is refused', async () => {
    const dir = workspacesAboutToLoseResources(['a']);
    const [dev, prod] = await review([
      { id: 'apply-dev', action: 'terraform.apply', input: { dir, workspace: 'dev' } },
      { id: 'apply-prod', action: 'terraform.apply', input: { dir, workspace: 'prod' } },
    ]);
    expect(dev).toMatchObject({ risk: 'admin', decision: 'confirm' });
    expect(dev!.reasons[0]!.reason).toBe('the saved plan deletes or replaces 1 resource: terraform_data.b');
    expect(prod).toMatchObject({ risk: 'dangerous', decision: 'deny', protectedTarget: 'prod' });
    expect(prod!.reasons.map((r) => r.rule)).toContain('policy.protected-target');
  });

  it('lets an apply that only creates run as write in dev, and asks for the name in prod', async () => {
    const dir = workspacesAboutToLoseResources(['a', 'b', 'c']);
    const [dev, prod] = await review([
      { id: 'apply-dev', action: 'terraform.apply', input: { dir, workspace: 'dev' } },
      { id: 'apply-prod', action: 'terraform.apply', input: { dir, workspace: 'prod' } },
    ]);
    expect(dev).toMatchObject({ risk: 'write', decision: 'allow' });
    expect(prod).toMatchObject({ risk: 'admin', decision: 'confirm', protectedTarget: 'prod' });
  });

  it('refuses a destroy in prod and asks before one in dev; an operator may not destroy prod either', async () => {
    const dir = workspacesAboutToLoseResources(['a', 'b']);
    const steps = [
      { id: 'destroy-dev', action: 'terraform.destroy', input: { dir, workspace: 'dev' } },
      { id: 'destroy-prod', action: 'terraform.destroy', input: { dir, workspace: 'prod' } },
    ];
    const [dev, prod] = await review(steps);
    expect(dev).toMatchObject({ risk: 'admin', decision: 'confirm' });
    expect(prod).toMatchObject({ risk: 'dangerous', decision: 'deny' });
    const [, operatorProd] = await review(steps, 'operator');
    expect(operatorProd).toMatchObject({ decision: 'deny' });
  });

  it('keeps read-only drift checks in prod read and allowed: looking changes nothing', async () => {
    const dir = workspacesAboutToLoseResources(['a', 'b']);
    const [drift] = await review([{ id: 'drift-prod', action: 'terraform.drift', input: { dir, workspace: 'prod' } }]);
    expect(drift).toMatchObject({ risk: 'read', decision: 'allow' });
  });
});
