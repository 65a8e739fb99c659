import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { executePlan } from '../core/executor.js';
import { ActionRegistry } from '../core/registry.js';
import { allowAll, inertClients, memoryActions, planOf } from '../core/testing.js';
import type { RunEvent } from '../core/events.js';
import type { Plan } from '../core/plan.js';
import { openStore } from './open-store.js';
import type { Store } from './store.js';

const homes: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close().catch(() => undefined);
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

function tempHome(): string {
  const parent = mkdtempSync(join(tmpdir(), 'reign-store-'));
  homes.push(parent);
  return join(parent, 'home');
}

async function open(home = tempHome()): Promise<{ store: Store; home: string }> {
  const store = await openStore({ home });
  stores.push(store);
  return { store, home };
}

function threeSteps(request = 'make three things'): Plan {
  return {
    ...planOf([
      { id: 'net', action: 'test.thing.create', input: { name: 'net' } },
      { id: 'db', action: 'test.thing.create', input: { name: 'db' }, dependsOn: ['net'] },
      { id: 'app', action: 'test.thing.create', input: { name: 'app' }, dependsOn: ['db'] },
    ]),
    id: 'p-three',
    request,
    previews: { net: { command: 'create net', risk: 'write' }, db: { command: 'create db', risk: 'write' }, app: { command: 'create app', risk: 'write' } },
  };
}

async function createRun(store: Store, id: string, options: { pid?: number; plan?: Plan } = {}) {
  const plan = options.plan ?? threeSteps();
  await store.createRun({ id, plan, review: allowAll(plan, () => 'write'), actor: 'alice', pid: options.pid ?? process.pid, host: hostname() });
}

const start = (store: Store, runId: string, stepId: string, input: unknown = { name: stepId }) =>
  store.stepStarted(runId, { stepId, action: 'test.thing.create', title: `Create ${stepId}`, input, command: `create ${stepId}` });

describe('SQLite store', () => {
  it('creates the schema on a fresh home (mode 0700) and reopens without migrating again', async () => {
    const { store, home } = await open();
    expect(statSync(home).mode & 0o777).toBe(0o700);
    await createRun(store, 'r-1');
    await store.close();
    stores.length = 0;

    const raw = new BetterSqlite3(join(home, 'reign.db'), { readonly: true });
    const tables = (raw.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['runs', 'steps', 'events', 'resources', 'audit', 'audit_head', 'sessions', 'settings']));
    expect(raw.prepare('select name from kysely_migration').all()).toEqual([{ name: '001_initial' }]);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();

    const again = (await open(home)).store;
    expect((await again.listRuns()).map((r) => r.id)).toEqual(['r-1']);
    await again.close();
    stores.length = 0;
    const check = new BetterSqlite3(join(home, 'reign.db'), { readonly: true });
    expect(check.prepare('select count(*) as n from kysely_migration').get()).toEqual({ n: 1 });
    expect(check.prepare('select count(*) as n from audit_head').get()).toEqual({ n: 1 });
    check.close();
  });

  it('records a step before it starts and after it ends, with every planned step pending until then', async () => {
    const { store } = await open();
    await createRun(store, 'r-1');
    let run = (await store.getRun('r-1'))!;
    expect(run).toMatchObject({ id: 'r-1', request: 'make three things', status: 'running', actor: 'alice', steps: 3, finishedAt: null, rollbackOf: null });
    expect(run.steps_.map((s) => [s.stepId, s.status, s.command])).toEqual([
      ['net', 'pending', 'create net'],
      ['db', 'pending', 'create db'],
      ['app', 'pending', 'create app'],
    ]);

    await start(store, 'r-1', 'db', { name: 'db', size: 2 });
    run = (await store.getRun('r-1'))!;
    expect(run.steps_[0]).toMatchObject({ stepId: 'db', status: 'running', input: { name: 'db', size: 2 }, finishedAt: null });
    expect(run.steps_[0]!.startedAt).not.toBeNull();

    await store.stepFinished('r-1', 'db', { status: 'succeeded', output: { id: 'abc' } });
    await start(store, 'r-1', 'net');
    await store.stepFinished('r-1', 'net', { status: 'failed', error: 'net broke' });
    await store.stepFinished('r-1', 'app', { status: 'skipped', error: 'an earlier step failed' });
    await store.finishRun('r-1', 'failed', 'step net failed: net broke');

    run = (await store.getRun('r-1'))!;
    expect(run.status).toBe('failed');
    expect(run.error).toBe('step net failed: net broke');
    expect(run.finishedAt).not.toBeNull();
    expect(run.steps_.map((s) => [s.stepId, s.status, s.output, s.error])).toEqual([
      ['db', 'succeeded', { id: 'abc' }, null],
      ['net', 'failed', null, 'net broke'],
      ['app', 'skipped', null, 'an earlier step failed'],
    ]);
  });

  it('returns steps in the order they started, even within one millisecond', async () => {
    const { store } = await open();
    await createRun(store, 'r-1');
    await Promise.all([start(store, 'r-1', 'app'), start(store, 'r-1', 'net'), start(store, 'r-1', 'db')]);
    expect((await store.getRun('r-1'))!.steps_.map((s) => s.stepId)).toEqual(['app', 'net', 'db']);
  });

  it('rejects recording a step that is not part of the run', async () => {
    const { store } = await open();
    await createRun(store, 'r-1');
    await expect(start(store, 'r-1', 'nope')).rejects.toThrow('step "nope" is not part of run r-1');
    // The failed write did not take the others in its batch down with it.
    await Promise.all([start(store, 'r-1', 'net'), start(store, 'r-1', 'ghost').catch(() => undefined), start(store, 'r-1', 'db')]);
    expect((await store.getRun('r-1'))!.steps_.filter((s) => s.status === 'running').map((s) => s.stepId)).toEqual(['net', 'db']);
  });

  it('reads a run left running by a process that died as interrupted, and its running steps too', async () => {
    const { store } = await open();
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    await once(child, 'spawn');
    await createRun(store, 'r-dead', { pid: child.pid! });
    await createRun(store, 'r-alive');
    await start(store, 'r-dead', 'net');
    await store.stepFinished('r-dead', 'net', { status: 'succeeded' });
    await start(store, 'r-dead', 'db');

    expect((await store.getRun('r-dead'))!.status).toBe('running');
    child.kill('SIGKILL');
    await once(child, 'exit');

    const run = (await store.getRun('r-dead'))!;
    expect(run.status).toBe('interrupted');
    expect(run.steps_.map((s) => [s.stepId, s.status])).toEqual([
      ['net', 'succeeded'],
      ['db', 'interrupted'],
      ['app', 'pending'],
    ]);
    const listed = Object.fromEntries((await store.listRuns()).map((r) => [r.id, r.status]));
    expect(listed).toEqual({ 'r-dead': 'interrupted', 'r-alive': 'running' });
  });

  it('adds, removes and lists resources', async () => {
    const { store } = await open();
    await createRun(store, 'r-1');
    await createRun(store, 'r-2');
    await store.addResources('r-1', 'net', [{ kind: 'docker.network', id: 'n1', name: 'app-net' }]);
    await store.addResources('r-1', 'db', [{ kind: 'docker.container', id: 'c1', name: 'db' }, { kind: 'docker.volume', id: 'v1' }]);
    await store.addResources('r-2', 'app', [{ kind: 'docker.container', id: 'c2', name: 'app' }]);

    await store.removeResources([{ kind: 'docker.container', id: 'c1' }, { kind: 'docker.network', id: 'not-ours' }]);

    // Resources recorded in the same millisecond have no order among themselves: compare as sets.
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
    const live = await store.listResources();
    expect(ids(live)).toEqual(['c2', 'n1', 'v1']);
    expect(live.find((r) => r.id === 'v1')).toEqual({ kind: 'docker.volume', id: 'v1', runId: 'r-1', stepId: 'db', createdAt: expect.any(String), removedAt: null });
    const all = await store.listResources({ includeRemoved: true });
    expect(all.find((r) => r.id === 'c1')).toMatchObject({ name: 'db', removedAt: expect.any(String) });
    expect((await store.listResources({ runId: 'r-2' })).map((r) => r.id)).toEqual(['c2']);

    // Created again by the same step (a retry): live again.
    await store.addResources('r-1', 'db', [{ kind: 'docker.container', id: 'c1', name: 'db' }]);
    expect(ids(await store.listResources({ runId: 'r-1' }))).toEqual(['c1', 'n1', 'v1']);
  });

  it('keeps events in the order they were emitted when writes are not awaited one by one', async () => {
    const { store } = await open();
    await createRun(store, 'r-1');
    const at = new Date().toISOString();
    const events: RunEvent[] = [
      { type: 'run.started', runId: 'r-1', planId: 'p-three', at, steps: 3 },
      ...Array.from({ length: 40 }, (_, i): RunEvent => ({ type: 'step.output', runId: 'r-1', stepId: 'net', at, stream: 'stdout', text: `line ${i}` })),
      { type: 'run.finished', runId: 'r-1', at, status: 'succeeded', ms: 5 },
    ];
    await Promise.all(events.map((e) => store.appendEvent(e)));
    expect(await store.events('r-1')).toEqual(events);
    expect(await store.events('r-other')).toEqual([]);
  });

  it('continues the event sequence of a run recorded by another process', async () => {
    const { store, home } = await open();
    await createRun(store, 'r-1');
    const at = new Date().toISOString();
    await store.appendEvent({ type: 'step.skipped', runId: 'r-1', stepId: 'net', at, reason: 'first' });
    await store.close();
    stores.length = 0;
    const later = (await open(home)).store;
    await later.appendEvent({ type: 'step.skipped', runId: 'r-1', stepId: 'db', at, reason: 'second' });
    expect((await later.events('r-1')).map((e) => (e.type === 'step.skipped' ? e.reason : ''))).toEqual(['first', 'second']);
  });

  it('records what rollback did: compensations, statuses and removed resources, through the executor', async () => {
    const { store } = await open();
    const registry = new ActionRegistry(memoryActions({ things: new Set(), log: [] }));
    const plan: Plan = {
      ...threeSteps(),
      steps: threeSteps().steps.map((s) => (s.id === 'app' ? { ...s, input: { name: 'app', fail: true } } : s)),
    };
    const result = await executePlan({
      runId: 'r-exec', plan, review: allowAll(plan, () => 'write'), registry, clients: inertClients(),
      confirmed: new Set(), actor: 'alice', store,
    });
    expect(result.status).toBe('rolled_back');

    const run = (await store.getRun('r-exec'))!;
    expect(run.status).toBe('rolled_back');
    expect(run.steps_.map((s) => [s.stepId, s.status])).toEqual([
      ['net', 'compensated'],
      ['db', 'compensated'],
      ['app', 'failed'],
    ]);
    expect(run.steps_[0]!.compensation).toMatchObject({ action: 'test.thing.remove', command: 'remove net', status: 'compensated' });
    expect(await store.listResources()).toEqual([]);
    expect((await store.listResources({ includeRemoved: true })).map((r) => r.id)).toEqual(['net', 'db']);
    const types = (await store.events('r-exec')).map((e) => e.type);
    expect(types[0]).toBe('run.started');
    expect(types.at(-1)).toBe('run.finished');
    expect(types.filter((t) => t === 'step.compensated')).toHaveLength(2);
    expect((await store.audit.list()).map((e) => e.kind)).toEqual(['run.started', 'run.finished']);
  });

  it('finds runs by a prefix of their id, newest first', async () => {
    const { store } = await open();
    await createRun(store, 'r-abc-1');
    await createRun(store, 'r-abd-2');
    await createRun(store, 'r-xyz-3');
    expect((await store.listRuns({ idPrefix: 'r-ab' })).map((r) => r.id).sort()).toEqual(['r-abc-1', 'r-abd-2']);
    expect((await store.listRuns({ idPrefix: 'r-abc' })).map((r) => r.id)).toEqual(['r-abc-1']);
    expect(await store.listRuns({ idPrefix: 'r-%' })).toEqual([]);
    expect(await store.listRuns({ limit: 2 })).toHaveLength(2);
  });

  it('keeps the current session in the database and its state as JSON', async () => {
    const { store, home } = await open();
    const first = await store.sessions.current();
    expect(await store.sessions.current()).toBe(first);
    await store.sessions.save(first, { lastIntent: 'deploy', defaults: { environment: 'prod' } });

    const fresh = await store.sessions.current({ fresh: true });
    expect(fresh).not.toBe(first);
    expect(await store.sessions.load(fresh)).toEqual({});
    await store.close();
    stores.length = 0;

    const reopened = (await open(home)).store;
    expect(await reopened.sessions.current()).toBe(fresh);
    expect(await reopened.sessions.load(first)).toEqual({ lastIntent: 'deploy', defaults: { environment: 'prod' } });
    expect(await reopened.sessions.current({ id: first })).toBe(first);
    // Naming a session uses it for that command only: the current one stays current.
    expect(await reopened.sessions.current()).toBe(fresh);
    expect(await reopened.sessions.current({ id: 'named' })).toBe('named');
    expect(await reopened.sessions.load('unknown')).toEqual({});
  });

  it('never lets a secret reach the database file or its write-ahead log', async () => {
    const { store, home } = await open();
    const r = (n: number) => randomBytes(n).toString('hex');
    const secrets = {
      request: `sk-ant-${r(20)}`,
      input: `ghp_${'A'.repeat(4)}${r(16)}`,
      command: r(12),
      output: r(10),
      error: `AKIA${r(8).toUpperCase()}`,
      event: `xoxb-${r(8)}-${r(12)}`,
      audit: r(14),
      session: r(16),
      compensation: r(11),
      resource: r(9),
      runError: `glpat-${r(12)}`,
    };
    const marker = `visible-${r(6)}`;
    const plan = threeSteps(`deploy with key ${secrets.request}`);
    plan.steps[0]!.input = { name: marker, token: secrets.input };
    await createRun(store, 'r-secret', { plan });
    await store.stepStarted('r-secret', {
      stepId: 'net', action: 'test.thing.create', title: 'Create net',
      input: { name: marker, token: secrets.input, env: { POSTGRES_PASSWORD: secrets.command } },
      command: `docker run -e POSTGRES_PASSWORD=${secrets.command} postgres:16`,
    });
    await store.stepFinished('r-secret', 'net', { status: 'succeeded', output: { url: `postgres://app:${secrets.output}@db/app` } });
    await start(store, 'r-secret', 'db');
    await store.stepFinished('r-secret', 'db', { status: 'failed', error: `denied for key ${secrets.error}` });
    await store.stepCompensated('r-secret', 'net', { action: 'test.thing.remove', input: { name: 'net', apiKey: secrets.compensation }, command: 'remove net', status: 'compensation_failed', error: `password=${secrets.compensation}` });
    await store.appendEvent({ type: 'step.output', runId: 'r-secret', stepId: 'net', at: new Date().toISOString(), stream: 'stdout', text: `SLACK=${secrets.event}` });
    await store.addResources('r-secret', 'net', [{ kind: 'docker.container', id: 'c1', name: `db_password=${secrets.resource}` }]);
    await store.finishRun('r-secret', 'failed', `clone failed with ${secrets.runError}`);
    await store.audit.append({ actor: 'alice', kind: 'run.finished', subject: 'r-secret', data: { credentials: { password: secrets.audit }, note: marker } });
    await store.sessions.save(await store.sessions.current(), { lastRequest: `token: ${secrets.session}` });

    const rawBytes = () =>
      Buffer.concat(['reign.db', 'reign.db-wal'].map((f) => join(home, f)).filter((f) => existsSync(f)).map((f) => readFileSync(f)));
    const assertClean = (bytes: Buffer) => {
      expect(bytes.includes(marker)).toBe(true);
      for (const [where, secret] of Object.entries(secrets)) expect(bytes.includes(secret), `${where} secret in the database`).toBe(false);
    };
    assertClean(rawBytes());
    await store.close();
    stores.length = 0;
    assertClean(rawBytes());
  });
});
