import { describe, expect, it } from 'vitest';
import { executePlan, type ExecuteOptions } from './executor.js';
import { ActionRegistry } from './registry.js';
import { allowAll, inertClients, memoryActions, planOf, type World } from './testing.js';
import type { RunEvent } from './events.js';
import type { Plan, Step } from './plan.js';

function setup(steps: Array<Partial<Step> & Pick<Step, 'id' | 'action'>>, extra: Partial<ExecuteOptions> = {}) {
  const world: World = { things: new Set(), log: [] };
  const registry = new ActionRegistry(memoryActions(world));
  const plan: Plan = planOf(steps);
  const events: RunEvent[] = [];
  const options: ExecuteOptions = {
    runId: 'r-test',
    plan,
    review: allowAll(plan, (s) => (s.action.endsWith('.create') ? 'write' : 'read')),
    registry,
    clients: inertClients(),
    confirmed: new Set(),
    actor: 'test',
    onEvent: (e) => events.push(e),
    ...extra,
  };
  return { world, options, events };
}

const create = (id: string, input: Record<string, unknown> = {}, dependsOn: string[] = []) => ({
  id, action: 'test.thing.create', input: { name: id, ...input }, dependsOn,
});

describe('executor', () => {
  it('runs every step and reports what each created', async () => {
    const { world, options, events } = setup([create('net'), create('db', {}, ['net']), create('app', {}, ['db'])]);
    const result = await executePlan(options);
    expect(result.status).toBe('succeeded');
    expect([...world.things]).toEqual(['net', 'db', 'app']);
    expect(result.resources.map((r) => r.id)).toEqual(['net', 'db', 'app']);
    expect(events.map((e) => e.type)).toContain('step.output');
    expect(events.at(-1)).toMatchObject({ type: 'run.finished', status: 'succeeded' });
  });

  it('never runs more steps at once than the concurrency limit', async () => {
    const steps = Array.from({ length: 8 }, (_, i) => create(`s${i}`, { ms: 20 }));
    const { options, events } = setup(steps, { concurrency: 3 });
    let live = 0;
    let peak = 0;
    options.onEvent = (e) => {
      events.push(e);
      if (e.type === 'step.started') peak = Math.max(peak, ++live);
      if (e.type === 'step.succeeded' || e.type === 'step.failed') live--;
    };
    await executePlan(options);
    expect(peak).toBe(3);
  });

  it('rolls back completed steps in reverse completion order when a step fails', async () => {
    const { world, options, events } = setup([
      create('a'),
      create('b', { ms: 30 }),
      create('c', {}, ['a']),
      create('d', { fail: true }, ['c']),
      create('e', {}, ['d']),
    ]);
    const result = await executePlan(options);
    expect(result.status).toBe('rolled_back');
    expect(world.things.size).toBe(0);
    const completionOrder = world.log.filter((l) => l.startsWith('create ')).map((l) => l.slice(7));
    const removalOrder = world.log.filter((l) => l.startsWith('remove ')).map((l) => l.slice(7));
    expect(removalOrder).toEqual([...completionOrder].reverse());
    expect(result.steps.find((s) => s.stepId === 'e')?.status).toBe('skipped');
    expect(result.steps.find((s) => s.stepId === 'd')?.status).toBe('failed');
    expect(events.map((e) => e.type)).toContain('rollback.started');
  });

  it('records and reports an undo that fails instead of swallowing it', async () => {
    const { world, options, events } = setup([create('a', { failUndo: true }), create('b', {}, ['a']), create('c', { fail: true }, ['b'])]);
    const result = await executePlan(options);
    expect(result.status).toBe('rollback_failed');
    expect(result.compensationErrors).toEqual([{ stepId: 'a', error: 'cannot remove a' }]);
    expect(world.things.has('a')).toBe(true);
    expect(world.things.has('b')).toBe(false);
    expect(events.some((e) => e.type === 'step.compensation_failed' && e.stepId === 'a')).toBe(true);
  });

  it('fails a step that exceeds its timeout even when the action ignores cancellation', async () => {
    const { options } = setup([create('a'), { id: 'stuck', action: 'test.hang', dependsOn: ['a'], timeoutMs: 50 }]);
    const result = await executePlan(options);
    expect(result.status).toBe('rolled_back');
    expect(result.steps.find((s) => s.stepId === 'stuck')?.error).toMatch(/timed out after 50 ms/);
  });

  it("passes a failed step's hint (what to do next) to its result and its step.failed event", async () => {
    const { options, events } = setup([{ id: 'stuck', action: 'test.hang', timeoutMs: 50 }]);
    const result = await executePlan(options);
    const hint = 'raise the step timeout with --step-timeout';
    expect(result.steps.find((s) => s.stepId === 'stuck')).toMatchObject({ status: 'failed', hint });
    expect(events.find((e) => e.type === 'step.failed')).toMatchObject({ stepId: 'stuck', hint });
  });

  it('stops on cancellation, skips what did not start and rolls back what completed', async () => {
    const controller = new AbortController();
    const { world, options } = setup([create('a'), create('slow', { ms: 5_000 }, ['a']), create('never', {}, ['slow'])], {
      signal: controller.signal,
    });
    options.onEvent = (e) => {
      if (e.type === 'step.started' && e.stepId === 'slow') setTimeout(() => controller.abort(), 10);
    };
    const result = await executePlan(options);
    expect(result.status).toBe('cancelled');
    expect(result.steps.map((s) => s.status)).toEqual(['compensated', 'failed', 'skipped']);
    expect(world.things.size).toBe(0);
  });

  it('reports a failure that changed nothing as failed, not rolled back', async () => {
    const { options, events } = setup([create('only', { fail: true })]);
    const result = await executePlan(options);
    expect(result.status).toBe('failed');
    expect(events.map((e) => e.type)).not.toContain('step.compensated');
  });

  it('reports a failed step whose sweep found nothing of the run as failed, not rolled back', async () => {
    const { world, options } = setup([{ id: 'svc', action: 'test.remote.create', input: { name: 'svc', refused: true } }]);
    const result = await executePlan(options);
    expect(world.log).toContain('sweep svc');
    expect(result.status).toBe('failed');
  });

  it('does not sweep a step that could not reach its service: the run is failed, with no rollback', async () => {
    const { world, options, events } = setup([{ id: 'svc', action: 'test.remote.create', input: { name: 'svc', unreachable: true } }]);
    const result = await executePlan(options);
    expect(result.status).toBe('failed');
    expect(result.compensationErrors).toEqual([]);
    expect(world.log).not.toContain('sweep svc');
    expect(events.map((e) => e.type)).not.toContain('rollback.started');
  });

  it('sweeps a step that failed part-way, and undoes completed steps when a later one cannot reach its service', async () => {
    const halfWay = setup([{ id: 'svc', action: 'test.remote.create', input: { name: 'svc', fail: true } }]);
    expect((await executePlan(halfWay.options)).status).toBe('rolled_back');
    expect(halfWay.world.log).toContain('sweep svc');
    expect(halfWay.world.things.has('svc')).toBe(false);

    const { world, options } = setup([create('a'), { id: 'svc', action: 'test.remote.create', input: { name: 'svc', unreachable: true }, dependsOn: ['a'] }]);
    const result = await executePlan(options);
    expect(result.status).toBe('rolled_back');
    expect(world.log).toContain('remove a');
    expect(world.log).not.toContain('sweep svc');
  });

  it('refuses to start when a step needing confirmation was not confirmed', async () => {
    const { world, options } = setup([create('a')]);
    options.review.steps[0]!.decision = 'confirm';
    await expect(executePlan(options)).rejects.toMatchObject({ code: 'not_confirmed' });
    expect(world.log).toEqual([]);
    options.confirmed = new Set(['a']);
    expect((await executePlan(options)).status).toBe('succeeded');
  });

  it('refuses a denied step and a step whose risk changed since review', async () => {
    const { world, options } = setup([create('a')]);
    options.review.steps[0]!.decision = 'deny';
    await expect(executePlan(options)).rejects.toMatchObject({ code: 'refused' });
    options.review.steps[0]!.decision = 'allow';
    options.review.steps[0]!.risk = 'read';
    await expect(executePlan(options)).rejects.toThrow(/is write but was reviewed as read/);
    expect(world.log).toEqual([]);
  });

  it('runs a step whose review raised its risk (a protected target), since only a rise means it changed', async () => {
    const { options } = setup([create('a')]);
    options.review.steps[0]!.risk = 'admin';
    expect((await executePlan(options)).status).toBe('succeeded');
  });

  it('rejects an invalid step input before anything runs, naming the field', async () => {
    const { world, options } = setup([create('a'), { id: 'b', action: 'test.thing.create', input: { name: 42 } }]);
    await expect(executePlan(options)).rejects.toThrow(/step "b" input\.name/);
    expect(world.log).toEqual([]);
  });
});
