import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REIGN = fileURLToPath(new URL('../bin/reign', import.meta.url));

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh REIGN_HOME and working directory, with image settings pointing at the local test images. */
export function sandbox(config = ''): { home: string; cwd: string; env: NodeJS.ProcessEnv } {
  const home = mkdtempSync(join(tmpdir(), 'reign-e2e-home-'));
  const cwd = mkdtempSync(join(tmpdir(), 'reign-e2e-cwd-'));
  writeFileSync(
    join(home, 'config.yaml'),
    `images:\n  redis: reign-test/redis:7\n  postgres: reign-test/postgres:15\n  nginx: reign-test/nginx:1\n  debian: reign-test/debian:bookworm\n${config}`,
  );
  return { home, cwd, env: { ...process.env, REIGN_HOME: home, NO_COLOR: '1', CI: '1' } };
}

/** Runs `bin/reign` as a user would, with no terminal attached. */
export function reign(args: string[], box: { cwd: string; env: NodeJS.ProcessEnv }, input?: string): Result {
  const result = spawnSync(process.execPath, [REIGN, ...args], { cwd: box.cwd, env: box.env, encoding: 'utf8', input, timeout: 180_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `bin/reign` in the background, for tests that kill or interrupt it. */
export function reignProcess(args: string[], box: { cwd: string; env: NodeJS.ProcessEnv }) {
  return spawn(process.execPath, [REIGN, ...args], { cwd: box.cwd, env: box.env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Names of engine objects of a kind carrying a Reign run label. */
export function labelled(kind: 'container' | 'network' | 'volume', runId: string): string[] {
  const args = kind === 'container' ? ['ps', '-a', '--filter', `label=dev.reign.run=${runId}`, '--format', '{{.Names}}'] : [kind, 'ls', '--filter', `label=dev.reign.run=${runId}`, '--format', '{{.Name}}'];
  const result = spawnSync('docker', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`docker ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.split('\n').filter(Boolean);
}

export function docker(args: string[]): Result {
  const result = spawnSync('docker', args, { encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
