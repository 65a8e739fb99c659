import { z } from 'zod';
import { defineAction, type Action } from './action.js';
import type { Clients } from './context.js';
import { UnreachableError } from './errors.js';
import type { Plan, Step } from './plan.js';
import type { Review } from './review.js';
import type { RiskLevel } from './risk.js';

/**
 * Pieces for testing the core on its own: in-memory actions whose effects are a list the test
 * can read, and helpers to make plans and reviews. Domain tests use real clients instead.
 */
export interface World {
  /** Things that exist, by name. */
  things: Set<string>;
  /** Every call in order: "create a", "remove a". */
  log: string[];
}

export function memoryActions(world: World): Action[] {
  const named = z.object({
    name: z.string(),
    env: z.string().optional(),
    ms: z.number().optional(),
    fail: z.boolean().optional(),
    failUndo: z.boolean().optional(),
  });
  const targets = (i: z.infer<typeof named>, destructive: boolean) => [{ kind: 'test.thing', name: i.name, environment: i.env, destructive }];
  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
    });
  return [
    defineAction({
      id: 'test.thing.create',
      title: 'Create a thing',
      risk: 'write',
      input: named,
      preview: (i) => `create ${i.name}`,
      async run(i, ctx) {
        world.log.push(`start ${i.name}`);
        if (i.ms) await sleep(i.ms, ctx.signal);
        if (i.fail) throw new Error(`${i.name} broke`);
        world.things.add(i.name);
        world.log.push(`create ${i.name}`);
        ctx.emit('stdout', `created ${i.name}`);
        return { name: i.name };
      },
      undo: (i) => ({ action: 'test.thing.remove', input: { name: i.name, fail: i.failUndo } }),
      targets: (i) => targets(i, false),
      creates: (i) => [{ kind: 'test.thing', id: i.name, name: i.name }],
    }),
    defineAction({
      id: 'test.thing.remove',
      title: 'Remove a thing',
      risk: 'admin',
      input: named,
      preview: (i) => `remove ${i.name}`,
      targets: (i) => targets(i, true),
      async run(i) {
        if (i.fail) throw new Error(`cannot remove ${i.name}`);
        world.things.delete(i.name);
        world.log.push(`remove ${i.name}`);
        return {};
      },
    }),
    defineAction({
      id: 'test.remote.create',
      title: 'Create a thing on a service that may be down',
      risk: 'write',
      input: named.extend({ unreachable: z.boolean().optional(), refused: z.boolean().optional() }),
      preview: (i) => `remote create ${i.name}`,
      async run(i) {
        if (i.unreachable) throw new UnreachableError('cannot reach the test service');
        if (i.refused) throw new Error(`the service refused ${i.name} before creating anything`);
        world.things.add(i.name);
        if (i.fail) throw new Error(`${i.name} broke half-way`);
        return { name: i.name };
      },
      // A failure part-way may leave something behind: swept the way labelled Docker objects are.
      undoInterrupted: (i) => ({ action: 'test.thing.sweep', input: { name: i.name } }),
    }),
    defineAction({
      id: 'test.thing.sweep',
      title: 'Remove what a failed step left',
      risk: 'admin',
      input: named,
      preview: (i) => `sweep ${i.name}`,
      async run(i) {
        world.log.push(`sweep ${i.name}`);
        const found = world.things.delete(i.name);
        return { removed: found ? [{ kind: 'test.thing', id: i.name }] : [] };
      },
      removes: (_i, output) => output.removed,
    }),
    defineAction({
      id: 'test.noop',
      title: 'Do nothing',
      risk: 'read',
      input: z.object({}),
      preview: () => 'true',
      run: async () => ({}),
    }),
    defineAction({
      id: 'test.hang',
      title: 'Ignore cancellation',
      risk: 'read',
      input: z.object({}),
      preview: () => 'sleep infinity',
      // Never settles and ignores its signal: the executor's timeout must still end it.
      run: () => new Promise(() => {}),
    }),
  ];
}

export function planOf(steps: Array<Partial<Step> & Pick<Step, 'id' | 'action'>>): Plan {
  return {
    id: 'p-test',
    request: 'test',
    interpretations: [],
    steps: steps.map((s) => ({ title: s.action, input: {}, dependsOn: [], ...s })),
    previews: {},
    createdAt: new Date(0).toISOString(),
  };
}

export function allowAll(plan: Plan, riskOf: (step: Step) => RiskLevel): Review {
  return {
    planId: plan.id,
    actor: { name: 'test', role: 'admin' },
    steps: plan.steps.map((s) => ({ stepId: s.id, risk: riskOf(s), decision: 'allow', decidedBy: 'test', reasons: [] })),
    decision: 'allow',
  };
}

/** Clients for core tests that must never reach an engine. */
export function inertClients(): Clients {
  const unavailable = () => {
    throw new Error('not available in core tests');
  };
  const base: Record<string, unknown> = {
    processes: { run: unavailable },
    files: { read: unavailable, write: unavailable, remove: unavailable, exists: unavailable },
    scratch: { folderFor: unavailable },
    judge: { judge: unavailable },
    images: { resolve: (image: string) => image },
    clock: { now: () => new Date() },
    log: { debug() {}, info() {}, warn() {} },
    cwd: process.cwd(),
  };
  // A domain's client (whichever domains exist) answers every use with the same refusal.
  return new Proxy(base, { get: (target, key) => (key in target ? target[key as string] : new Proxy({}, { get: unavailable })) }) as unknown as Clients;
}
