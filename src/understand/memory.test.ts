import { describe, expect, it } from 'vitest';
import type { ConversationMemory } from './index.js';
import { continueWith, createMemory, defaultsStated, memoryFromState, memoryToState, remember, understand, understandAll } from './index.js';

/** Runs requests in one conversation, as the CLI does, and returns the last interpretation. */
function converse(...texts: string[]) {
  let memory: ConversationMemory = createMemory();
  let last = understand('');
  for (const text of texts) {
    last = understand(text, memory);
    memory = remember(memory, last);
  }
  return { last, memory };
}

describe('conversation memory', () => {
  it("resolves 'it' to the last named container", () => {
    const { last } = converse('start a postgres container called ledger', 'scale it to 2');
    expect(last).toMatchObject({ intent: 'scale', domains: ['docker'], entities: { name: 'ledger', replicas: 2 } });
    expect(last.applied).toEqual(['name ledger (previous request)']);
  });

  it("resolves 'its' and 'that container' the same way", () => {
    expect(converse('run redis named cache', 'tail its logs').last).toMatchObject({ intent: 'monitor', entities: { name: 'cache' }, details: { object: 'logs' } });
    expect(converse('run redis named cache', 'restart that container').last).toMatchObject({ intent: 'update', entities: { name: 'cache' } });
  });

  it('does not override a target the request names itself', () => {
    expect(converse('run redis named cache', 'stop the web container').last.entities).toEqual({ name: 'web' });
  });

  it('carries the subject and its tool into a request that names neither', () => {
    const plan = converse('write terraform for an eks cluster and a postgres database on aws', 'what would change if I apply');
    expect(plan.last).toMatchObject({ intent: 'monitor', domains: ['terraform'] });
    const apply = converse('write terraform for an eks cluster and a postgres database on aws', 'apply it');
    expect(apply.last).toMatchObject({ intent: 'deploy', domains: ['terraform'] });
    // A request that names its own tool keeps it.
    const own = converse('write terraform for an eks cluster on aws', 'list running containers');
    expect(own.last.domains).toEqual(['docker']);
  });

  it('reads a service of the previous stack as part of that stack', () => {
    const { last } = converse('set up postgres and redis for local dev', "restore yesterday's backup of postgres");
    expect(last).toMatchObject({ intent: 'restore', domains: ['compose'], entities: { services: ['postgres'] } });
    expect(last.applied).toEqual(['compose (previous request)']);
    // Without that stack, one service alone is a container.
    expect(converse("restore yesterday's backup of postgres").last.domains).toEqual(['docker']);
  });

  it('asks when there is nothing to refer back to', () => {
    expect(converse('scale it to 4').last.intent).toBe('clarify');
  });

  it('applies a stated cloud to a later request that leaves it out, and says so', () => {
    const { last } = converse('we use AWS', 'create a VPC with two private subnets');
    expect(last).toMatchObject({ intent: 'create', domains: ['terraform'], entities: { cloud: 'aws' } });
    expect(last.applied).toContain('cloud aws (session default)');
  });

  it('applies a default environment and namespace to kubernetes requests', () => {
    const { last } = converse('default to staging', 'our namespace is payments', 'restart the ledger deployment');
    expect(last.entities).toMatchObject({ environments: ['staging'], namespace: 'payments', name: 'ledger' });
  });

  it('lets the request override a default', () => {
    expect(converse('default to staging', 'restart the ledger deployment in prod').last.entities.environments).toEqual(['prod']);
  });

  it('does not apply defaults where they mean nothing', () => {
    expect(converse('we use AWS', 'list running containers').last.entities.cloud).toBeUndefined();
  });

  it('recognises statements of defaults', () => {
    expect(defaultsStated('we use Azure')).toEqual({ cloud: 'azure' });
    expect(defaultsStated('default to prod')).toEqual({ environment: 'prod' });
    expect(defaultsStated('our namespace is checkout')).toEqual({ namespace: 'checkout' });
    expect(defaultsStated('our CI is GitLab')).toEqual({ ci: 'gitlab-ci' });
    expect(defaultsStated('deploy the api to prod')).toBeUndefined();
  });

  it('survives a round trip through JSON', () => {
    const { memory } = converse('we use GCP', 'run redis named cache');
    const restored = memoryFromState(JSON.parse(JSON.stringify(memoryToState(memory))) as Record<string, unknown>);
    expect(restored).toEqual(memory);
    expect(understand('show its logs', restored).entities).toEqual({ name: 'cache' });
  });

  it('starts afresh from a state it cannot read', () => {
    expect(memoryFromState({ subjects: 'nope' })).toEqual(createMemory());
    expect(memoryFromState(undefined)).toEqual(createMemory());
  });
});

describe('several tasks in one request', () => {
  it('splits tasks in order and carries the subject forward', () => {
    const tasks = understandAll('create a network called edge, then run nginx named proxy on it and show its logs');
    expect(tasks.map((t) => t.intent)).toEqual(['create', 'create', 'monitor']);
    expect(tasks[0]).toMatchObject({ entities: { name: 'edge' }, details: { object: 'network' } });
    expect(tasks[1]).toMatchObject({ entities: { services: ['nginx'], name: 'proxy' }, details: { network: 'edge' } });
    expect(tasks[2]).toMatchObject({ domains: ['docker'], entities: { name: 'proxy' }, details: { object: 'logs' } });
  });

  it('keeps a single task whole', () => {
    expect(understandAll('write a bicep module for a storage account that keeps logs')).toHaveLength(1);
  });

  it('still gives the whole request one interpretation', () => {
    const whole = understand('create a repo called widgets on GitHub, push the code to main and open a PR');
    expect(whole.intent).toBe('create');
    expect([...whole.domains].sort()).toEqual(['git', 'github']);
  });
});

describe('continuing a request after a question', () => {
  it('fills the missing target from the answer', () => {
    const asked = understand('scale it');
    expect(continueWith(asked, 'cache to 3')).toMatchObject({ intent: 'scale', entities: { name: 'cache', replicas: 3 } });
  });

  it('appends an answer that completes the request', () => {
    expect(continueWith(understand('deploy'), 'the ledger api to staging')).toMatchObject({ intent: 'deploy', domains: ['kubernetes'], entities: { environments: ['staging'] } });
  });

  it('takes an answer that is a new request on its own', () => {
    expect(continueWith(understand('fix it'), 'list the pods in kube-system')).toMatchObject({ intent: 'monitor', entities: { namespace: 'kube-system' } });
  });
});
