import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp, type App } from '../src/app/app.js';
import { defineAction } from '../src/core/action.js';
import { defineDomain } from '../src/core/domain.js';
import { first } from '../src/core/recipe.js';
import { planRequest, runReviewed } from '../src/flow/request.js';
import { DOMAINS } from '../src/tools/index.js';

/** A domain that exists only in this test: one action, one recipe, a client of its own. */
function chartsDomain(installed: string[]) {
  return defineDomain({
    name: 'charts',
    actions: [
      defineAction({
        id: 'charts.release.install',
        title: 'Install a chart',
        risk: 'write',
        input: z.object({ chart: z.string().regex(/^[a-z0-9-]+$/) }),
        preview: (input) => `charts install ${input.chart}`,
        async run(input, ctx) {
          installed.push(input.chart);
          ctx.emit('progress', `installed ${input.chart}`);
          return { chart: input.chart };
        },
        undo: (input) => ({ action: 'charts.release.uninstall', input }),
      }),
      defineAction({
        id: 'charts.release.uninstall',
        title: 'Uninstall a chart',
        risk: 'admin',
        input: z.object({ chart: z.string() }),
        preview: (input) => `charts uninstall ${input.chart}`,
        async run(input) {
          installed.splice(installed.indexOf(input.chart), 1);
          return {};
        },
      }),
    ],
    recipes: [
      {
        id: 'charts.install',
        intent: 'deploy',
        domain: 'helm',
        does: 'install a chart',
        example: 'install the helm chart for redis',
        build: (i) => {
          const chart = first(i.entities.services);
          return chart ? [{ id: `install-${chart}`, action: 'charts.release.install', title: `Install ${chart}`, input: { chart } }] : { question: 'Which chart?' };
        },
      },
    ],
  });
}

describe('a tool domain added through the domain list alone', () => {
  const installed: string[] = [];
  const home = mkdtempSync(join(tmpdir(), 'reign-domain-home-'));
  let app: App;
  let previousHome: string | undefined;

  beforeAll(() => {
    previousHome = process.env.REIGN_HOME;
    process.env.REIGN_HOME = home;
    app = createApp({ cwd: mkdtempSync(join(tmpdir(), 'reign-domain-cwd-')), domains: [...DOMAINS, chartsDomain(installed)] });
  });
  afterAll(async () => {
    await app.close();
    if (previousHome === undefined) delete process.env.REIGN_HOME;
    else process.env.REIGN_HOME = previousHome;
  });

  it('plans a request with its recipe, reviews it and runs it through the request flow', async () => {
    const outcome = await planRequest(app, 'install the helm chart for redis');
    expect(outcome.kind).toBe('planned');
    if (outcome.kind !== 'planned') return;
    expect(outcome.plan.steps.map((s) => s.action)).toEqual(['charts.release.install']);
    expect(outcome.plan.previews['install-redis']).toEqual({ command: 'charts install redis', risk: 'write' });
    expect(outcome.review.decision).toBe('allow');

    const events: string[] = [];
    const run = await runReviewed(app, outcome.plan, outcome.review, {
      approver: { approve: async () => { throw new Error('nothing here needs confirming'); } },
      onEvent: (e) => events.push(e.type),
    });
    expect(run.status).toBe('succeeded');
    expect(installed).toEqual(['redis']);
    expect(events).toEqual(['run.started', 'step.started', 'step.output', 'step.succeeded', 'run.finished']);
    // Recorded like any other run, so `reign show` and `reign rollback` work on it.
    expect((await (await app.store()).getRun(run.runId))?.steps_.map((s) => [s.stepId, s.status])).toEqual([['install-redis', 'succeeded']]);
  });

  it('asks through the surface\'s approver when policy wants confirmation, and records the answer', async () => {
    const outcome = await planRequest(app, 'install the helm chart for nginx in prod');
    if (outcome.kind !== 'planned') throw new Error(`expected a plan, got ${outcome.kind}`);
    const asked: string[] = [];
    const run = await runReviewed(app, outcome.plan, { ...outcome.review, decision: 'confirm', steps: outcome.review.steps.map((s) => ({ ...s, decision: 'confirm' })) }, {
      approver: { approve: async ({ asking }) => (asked.push(...asking.map((s) => s.stepId)), { approved: asking.map((s) => s.stepId), how: 'test approver' }) },
    });
    expect(run.status).toBe('succeeded');
    expect(asked).toEqual(['install-nginx']);
    const audit = await (await app.store()).audit.list();
    expect(audit.find((e) => e.kind === 'plan.confirmed' && e.subject === outcome.plan.id)?.data).toEqual({ steps: ['install-nginx'], how: 'test approver' });
  });

  it('is unknown to an app built from the domain list without it', async () => {
    const plain = createApp({ cwd: tmpdir() });
    try {
      const outcome = await planRequest(plain, 'install the helm chart for redis');
      expect(outcome.kind).toBe('empty');
      expect(plain.registry.has('charts.release.install')).toBe(false);
    } finally {
      await plain.close();
    }
  });
});
