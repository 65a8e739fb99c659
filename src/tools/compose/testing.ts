import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { projectFiles, resolveServices, secretNames, stackFromCatalog, STACK_NETWORK, type Stack } from '../../generate/compose/index.js';
import { runProcess } from '../../clients/processes.js';
import type { Context } from '../../core/context.js';
import type { StepRef } from '../../core/plan.js';
import { composeActions } from './index.js';
import type { ProjectLayout } from './schemas.js';

/**
 * What Compose tests share: a generated project on disk for catalog services, with no published
 * ports (tests run side by side and must not fight over 5432), and a way to tear it down.
 */
export function testProject(project: string, services: string[]): { directory: string; stack: Stack; layout: ProjectLayout } {
  const { entries } = resolveServices(services);
  const secrets = Object.fromEntries(secretNames(entries).map((s) => [s, `test-${s.toLowerCase()}`]));
  const generated = stackFromCatalog(project, entries, secrets);
  const stack = { ...generated, services: generated.services.map((s) => ({ ...s, ports: [] })) };
  const directory = mkdtempSync(join(tmpdir(), 'reign-compose-'));
  writeStack(directory, stack);
  return { directory, stack, layout: layoutOf(stack) };
}

export function writeStack(directory: string, stack: Stack): void {
  for (const file of projectFiles(stack)) {
    mkdirSync(dirname(join(directory, file.path)), { recursive: true });
    writeFileSync(join(directory, file.path), file.content, { mode: file.mode ?? 0o644 });
  }
}

export function layoutOf(stack: Stack): ProjectLayout {
  return {
    services: stack.services.map((s) => ({ name: s.name, ...(s.image ? { image: s.image } : {}) })),
    volumes: stack.services.flatMap((s) => s.volumes.map((v) => v.name)),
    networks: [STACK_NETWORK],
    concerns: [],
  };
}

/** `docker-compose -p <project> down -v`, whatever state the test left it in. */
export async function composeDownForTest(project: string, directory: string): Promise<void> {
  await runProcess('docker-compose', ['-p', project, '-f', join(directory, 'compose.yaml'), 'down', '-v', '--remove-orphans'], { timeoutMs: 120_000 });
}

/** Runs a command in a service's container, as a test checks what the stack holds. */
export async function execIn(project: string, directory: string, service: string, command: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const result = await runProcess('docker-compose', ['-p', project, '-f', join(directory, 'compose.yaml'), 'exec', '-T', service, ...command], { timeoutMs: 60_000 });
  return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a compensation step the way the executor does: find the action, validate, run. */
export async function performComposeStep(ref: StepRef | undefined, ctx: Context): Promise<unknown> {
  if (!ref) throw new Error('expected a compensation step, got none');
  const action = composeActions.find((a) => a.id === ref.action);
  if (!action) throw new Error(`no compose action ${ref.action}`);
  return action.run(action.input.parse(ref.input), ctx);
}

/**
 * The first of `count` consecutive host ports free on 127.0.0.1 right now, for tests that publish
 * a range (tests run side by side, so fixed numbers would collide).
 */
export async function freePortRange(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 40_000);
    const ports = Array.from({ length: count }, (_, i) => base + i);
    if ((await Promise.all(ports.map(isFree))).every(Boolean)) return base;
  }
  throw new Error(`no ${count} consecutive free ports found on 127.0.0.1`);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
