import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executePlan } from '../core/executor.js';
import { ReignError } from '../core/errors.js';
import { ActionRegistry } from '../core/registry.js';
import { allowAll, inertClients, memoryActions, planOf } from '../core/testing.js';
import type { Plan } from '../core/plan.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { EXIT } from './exit-codes.js';
import { capturedOutput } from './output.js';
import { reportError } from './run-command.js';
import { resourcesCommand, runsCommand, showCommand } from './runs.js';

const capture = capturedOutput;

let home: string;
let store: Store;

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'reign-cli-runs-'));
  store = await openStore({ home });
});

afterEach(async () => {
  await store.close();
  rmSync(home, { recursive: true, force: true });
});

/** A real run through the executor: net and db succeed, app fails, both are rolled back. */
async function failingRun(runId: string): Promise<void> {
  const registry = new ActionRegistry(memoryActions({ things: new Set(), log: [] }));
  const plan: Plan = {
    ...planOf([
      { id: 'net', action: 'test.thing.create', title: 'Create the network', input: { name: 'net' } },
      { id: 'db', action: 'test.thing.create', title: 'Create the database', input: { name: 'db' }, dependsOn: ['net'] },
      { id: 'app', action: 'test.thing.create', title: 'Create the app', input: { name: 'app', fail: true }, dependsOn: ['db'] },
    ]),
    request: 'set up a network, a database and an app',
  };
  await executePlan({ runId, plan, review: allowAll(plan, () => 'write'), registry, clients: inertClients(), confirmed: new Set(), actor: 'alice', store });
}

async function quickRun(runId: string, request: string, resources: { kind: string; id: string; name?: string }[] = []) {
  const plan: Plan = { ...planOf([{ id: 'only', action: 'test.noop' }]), request };
  await store.createRun({ id: runId, plan, review: allowAll(plan, () => 'read'), actor: 'bob', pid: process.pid, host: hostname() });
  if (resources.length) await store.addResources(runId, 'only', resources);
  await store.finishRun(runId, 'succeeded');
}

describe('reign runs', () => {
  it('lists runs newest first as a table with the request cut to fit', async () => {
    await quickRun('r-old', 'first request');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await quickRun('r-new', `deploy ${'everything '.repeat(10)}`);
    const { out, text } = capture();
    expect(await runsCommand({ store: async () => store }, {}, out)).toBe(EXIT.success);
    const lines = text().split('\n');
    expect(lines[0]).toMatch(/^RUN\s+STATUS\s+STARTED\s+STEPS\s+REQUEST$/);
    expect(lines[1]).toMatch(/^r-new\s+succeeded\s+\d+s ago\s+1\s+deploy everything/);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(lines[2]).toMatch(/^r-old\s+succeeded\s+\d+s ago\s+1\s+first request$/);
  });

  it('says so on stderr when there are no runs, and prints [] as JSON', async () => {
    const human = capture();
    await runsCommand({ store: async () => store }, {}, human.out);
    expect(human.stdout).toEqual([]);
    expect(human.stderr).toEqual(['no runs yet']);
    const json = capture(true);
    await runsCommand({ store: async () => store }, {}, json.out);
    expect(json.stdout).toEqual(['[]']);
  });

  it('prints the same fields for every run as JSON, honouring the limit', async () => {
    await failingRun('r-fail');
    await quickRun('r-ok', 'ok');
    const { out, stdout } = capture(true);
    await runsCommand({ store: async () => store }, { limit: 5 }, out);
    const runs = JSON.parse(stdout[0]!) as Record<string, unknown>[];
    expect(runs.map((r) => [r.id, r.status])).toEqual([['r-ok', 'succeeded'], ['r-fail', 'rolled_back']]);
    for (const run of runs) {
      expect(Object.keys(run).sort()).toEqual(['actor', 'error', 'finishedAt', 'id', 'request', 'rollbackOf', 'startedAt', 'status', 'steps']);
    }
    const limited = capture(true);
    await runsCommand({ store: async () => store }, { limit: 1 }, limited.out);
    expect(JSON.parse(limited.stdout[0]!)).toHaveLength(1);
  });
});

describe('reign show', () => {
  it('shows the request, each step with its command, outcome and undo, the events and resources', async () => {
    await failingRun('r-fail-123');
    const { out, text } = capture();
    expect(await showCommand({ store: async () => store }, 'r-fail-123', out)).toBe(EXIT.success);
    const shown = text();
    expect(shown).toContain('run r-fail-123   rolled_back');
    expect(shown).toContain('request     set up a network, a database and an app');
    expect(shown).toContain('error       step app failed: app broke');
    expect(shown).toMatch(/↩ net {2}compensated {2}Create the network\n {6}\$ create net\n {6}→ \{"name":"net"\}\n {6}undo: remove net {2}compensated/);
    expect(shown).toMatch(/✗ app {2}failed {2}Create the app\n {6}\$ create app\n {6}error: app broke/);
    expect(shown).toMatch(/events \d+/);
    expect(shown).toMatch(/test\.thing\s+net\s+net\s+net\s+removed /);
  });

  it('accepts a unique prefix of the run id, like git', async () => {
    await failingRun('r-abc123');
    await quickRun('r-xyz789', 'other');
    const { out, stdout } = capture(true);
    await showCommand({ store: async () => store }, 'r-ab', out);
    const run = JSON.parse(stdout[0]!) as { id: string; steps: { stepId: string; status: string }[]; events: number; resources: unknown[] };
    expect(run.id).toBe('r-abc123');
    expect(run.steps.map((s) => [s.stepId, s.status])).toEqual([['net', 'compensated'], ['db', 'compensated'], ['app', 'failed']]);
    expect(run.events).toBeGreaterThan(0);
    expect(run.resources).toHaveLength(2);
    expect(Object.keys(run).sort()).toEqual([
      'actor', 'error', 'events', 'finishedAt', 'id', 'planId', 'request', 'resources', 'rollbackOf', 'startedAt', 'status', 'steps',
    ]);
  });

  it('exits 6 with a hint when no run has that id', async () => {
    await quickRun('r-1', 'x');
    const error = await showCommand({ store: async () => store }, 'r-404', capture().out).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReignError);
    expect(error).toMatchObject({ code: 'not_found', message: 'no run "r-404"', hint: '`reign runs` lists runs' });
    const { out, stderr } = capture();
    expect(reportError(out, error, false)).toBe(EXIT.notFound);
    expect(stderr).toEqual(['error: no run "r-404"', '  hint: `reign runs` lists runs']);
  });

  it('refuses an ambiguous prefix with a usage error naming the candidates', async () => {
    await quickRun('r-aa1', 'x');
    await quickRun('r-aa2', 'y');
    const error = await showCommand({ store: async () => store }, 'r-aa', capture().out).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'usage', hint: 'give more characters of the run id' });
    expect((error as Error).message).toMatch(/ambiguous: it matches r-aa\d, r-aa\d/);
    expect(reportError(capture().out, error, false)).toBe(EXIT.usage);
  });
});

describe('reign resources', () => {
  const container = 'f'.repeat(4) + '0123456789abcdef'.repeat(3) + 'a'.repeat(12);

  beforeEach(async () => {
    await quickRun('r-1', 'x', [
      { kind: 'docker.container', id: container, name: 'web' },
      { kind: 'file', id: '/srv/app/docker-compose.yml' },
      { kind: 'docker.network', id: 'n-gone', name: 'old-net' },
    ]);
    await store.removeResources([{ kind: 'docker.network', id: 'n-gone' }]);
  });

  it('lists live resources with engine ids cut to 12 characters and paths whole', async () => {
    const { out, text } = capture();
    await resourcesCommand({ store: async () => store }, {}, out);
    const lines = text().split('\n');
    expect(lines[0]).toMatch(/^KIND\s+NAME\s+ID\s+RUN\s+CREATED$/);
    expect(lines[1]).toMatch(new RegExp(`^docker\\.container\\s+web\\s+${container.slice(0, 12)}\\s+r-1\\s+\\d+s ago$`));
    expect(lines[2]).toMatch(/^file\s+-\s+\/srv\/app\/docker-compose\.yml\s+r-1\s+\d+s ago$/);
    expect(lines).toHaveLength(3);
  });

  it('includes removed resources with --all', async () => {
    const { out, text } = capture();
    await resourcesCommand({ store: async () => store }, { all: true }, out);
    expect(text().split('\n')[0]).toMatch(/^KIND\s+NAME\s+ID\s+RUN\s+CREATED\s+REMOVED$/);
    expect(text()).toMatch(/docker\.network\s+old-net\s+n-gone\s+r-1\s+\d+s ago\s+\d+s ago/);
  });

  it('prints the same fields for every resource as JSON', async () => {
    const { out, stdout } = capture(true);
    await resourcesCommand({ store: async () => store }, { all: true }, out);
    const resources = JSON.parse(stdout[0]!) as Record<string, unknown>[];
    expect(resources).toHaveLength(3);
    for (const r of resources) expect(Object.keys(r).sort()).toEqual(['createdAt', 'id', 'kind', 'name', 'removedAt', 'runId', 'stepId']);
    expect(resources.find((r) => r.kind === 'file')).toMatchObject({ name: null, id: '/srv/app/docker-compose.yml', removedAt: null });
    expect(resources.find((r) => r.kind === 'docker.container')!.id).toBe(container);
  });
});
