import { spawn } from 'node:child_process';
import { REIGN } from '../reign.js';

export type Mode = 'yes' | 'no-terminal' | 'terminal';

export interface ProcessResult {
  code: number | null;
  output: string;
}

/**
 * Runs `bin/reign <request>` the way a user would in one of three ways: with `--yes` and no
 * terminal, with neither, or on a real pseudo-terminal (util-linux `script`) answering "y" to
 * every confirmation and "yes" to every question, the most trusting user there is.
 */
export function runAs(mode: Mode, request: string, box: { cwd: string; env: NodeJS.ProcessEnv }): Promise<ProcessResult> {
  if (mode !== 'terminal') {
    const args = mode === 'yes' ? [request, '--yes'] : [request];
    return collect(spawn(process.execPath, [REIGN, ...args], { cwd: box.cwd, env: box.env, stdio: ['ignore', 'pipe', 'pipe'] }));
  }
  const { CI: _ci, ...env } = box.env;
  // `script` takes one command line: every argument is single-quoted, so none is read by its shell.
  const command = [process.execPath, REIGN, request].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: box.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let seen = 0;
  let screen = '';
  const answer = (chunk: Buffer) => {
    screen += chunk.toString();
    const fresh = screen.slice(seen);
    if (/\[y\/N\]\s*$/.test(fresh)) {
      seen = screen.length;
      child.stdin.write('y\n');
    } else if (/\?\s*$/.test(fresh)) {
      seen = screen.length;
      child.stdin.write('yes\n');
    }
  };
  child.stdout.on('data', answer);
  child.stderr.on('data', answer);
  return new Promise((resolve) => {
    // A question asked again and again ends at Reign's own limit; this only guards the test.
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, output: screen });
    });
  });
}

function collect(child: ReturnType<typeof spawn>): Promise<ProcessResult> {
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

/** Runs tasks a few at a time: each is a Node process, and the machine has two cores. */
export async function inBatches<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let at = 0; at < items.length; at += size) results.push(...(await Promise.all(items.slice(at, at + size).map(run))));
  return results;
}
