import type Docker from 'dockerode';
import { afterEach, beforeEach, describe, it } from 'vitest';
import type { Action } from '../../core/action.js';
import { createFiles, createScratchArea } from '../../clients/files.js';
import { createImageResolver } from '../../clients/images.js';
import { createProcessRunner } from '../../clients/processes.js';
import type { Context } from '../../core/context.js';
import type { StepRef } from '../../core/plan.js';
import { newId } from '../../core/ids.js';
import { dockerActions } from './index.js';
import { dockerClient } from './client.js';
import { labelledRemove } from './labelled.js';

/**
 * What Docker tests share: a real engine, a Context around it, and cleanup of everything a test
 * created (found by the test run's labels).
 */

/** Request names → the images `.ci/test-images.sh` builds here. */
export const TEST_IMAGES: Record<string, string> = {
  redis: 'reign-test/redis:7',
  nginx: 'reign-test/nginx:1',
  postgres: 'reign-test/postgres:15',
  debian: 'reign-test/debian:bookworm',
};

const docker = dockerClient({ host: process.env.DOCKER_HOST });

async function engineAnswers(): Promise<string | undefined> {
  try {
    await Promise.race([
      docker.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 5s')), 5000).unref()),
    ]);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const unavailable = await engineAnswers();

/**
 * A describe block that needs the Docker engine: skipped, saying why, when the engine does not
 * answer; failed instead when REIGN_REQUIRE_DOCKER=1 (CI), so a missing engine is never silent.
 */
export function describeDocker(name: string, body: () => void): void {
  if (!unavailable) {
    describe(name, body);
  } else if (process.env.REIGN_REQUIRE_DOCKER === '1') {
    describe(name, () => {
      it('needs the Docker engine (REIGN_REQUIRE_DOCKER=1)', () => {
        throw new Error(`the Docker engine did not answer: ${unavailable}; start dockerd or unset REIGN_REQUIRE_DOCKER`);
      });
    });
  } else {
    describe.skip(`${name} — skipped: the Docker engine did not answer (${unavailable}); set REIGN_REQUIRE_DOCKER=1 to fail instead`, body);
  }
}

export interface DockerTest {
  /** A fresh context per test: its own run id, signal and output. */
  readonly ctx: Context;
  readonly docker: Docker;
  /** Every line the steps emitted, in order. */
  readonly output: { stream: string; text: string }[];
  /** Another step of the same run (same signal and output). */
  step(stepId: string): Context;
  /** Cancels the test's signal, as the executor does when a user stops a run. */
  abort(): void;
  /** Runs after the test, before the labelled objects are removed. */
  onCleanup(fn: () => Promise<unknown>): void;
}

/** Registers per-test setup and cleanup in the enclosing describe; returns the live handle. */
export function useDockerTest(): DockerTest {
  let controller = new AbortController();
  let runId = '';
  let output: { stream: string; text: string }[] = [];
  let cleanups: (() => Promise<unknown>)[] = [];

  const contextFor = (stepId: string): Context => ({
    runId,
    stepId,
    labels: { 'dev.reign.test': 'docker' },
    signal: controller.signal,
    emit: (stream, text) => output.push({ stream, text }),
    docker,
    processes: createProcessRunner(),
    files: createFiles(process.cwd()),
    scratch: createScratchArea(createFiles(process.cwd())),
    judge: {
      judge: (command) => {
        throw new Error(`docker actions must not need the shell judge (asked about: ${command})`);
      },
    },
    images: createImageResolver(TEST_IMAGES),
    clock: { now: () => new Date() },
    log: { debug: () => {}, info: () => {}, warn: () => {} },
    cwd: process.cwd(),
  });

  beforeEach(() => {
    controller = new AbortController();
    runId = newId('test');
    output = [];
    cleanups = [];
  });

  afterEach(async () => {
    const failures: unknown[] = [];
    for (const fn of cleanups.reverse()) await fn().catch((error: unknown) => failures.push(error));
    const cleanup = { ...contextFor('cleanup'), signal: new AbortController().signal };
    await labelledRemove.run({ runId }, cleanup);
    if (failures.length) throw new AggregateError(failures, 'test cleanup failed');
  });

  return {
    get ctx() {
      return contextFor('s1');
    },
    docker,
    get output() {
      return output;
    },
    step: contextFor,
    abort: () => controller.abort(),
    onCleanup: (fn) => cleanups.push(fn),
  };
}

/** Validates the raw input with the action's schema, as planning does, then runs it. */
export function perform<I, O>(action: Action<I, O>, input: unknown, ctx: Context): Promise<O> {
  return action.run(action.input.parse(input), ctx);
}

/** Runs a compensation step as the executor would: look the action up, validate, run. */
export function performStep(ref: StepRef | undefined, ctx: Context): Promise<unknown> {
  if (!ref) throw new Error('expected a compensation step, got none');
  const action = dockerActions.find((a) => a.id === ref.action);
  if (!action) throw new Error(`no docker action ${ref.action}`);
  return perform(action, ref.input, ctx);
}
