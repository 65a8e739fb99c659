import type { Context, ProcessResult } from '../../core/context.js';
import { CancelledError, ReignError } from '../../core/errors.js';
import { shellCommand } from '../docker/preview.js';
import { composeCli, composeWords, missingCli } from './cli.js';
import type { ComposeCli, ProjectRef } from './schemas.js';

/** What running a command needs: a process runner and a signal, in a step or while planning. */
export type Runner = Pick<Context, 'processes' | 'signal'> & { emit?: Context['emit'] };

/** The ref with its CLI settled: the one planned, else the one this machine has. */
export async function settled(ref: ProjectRef, ctx: Pick<Context, 'processes'>): Promise<ProjectRef & { cli: ComposeCli }> {
  return { ...ref, cli: ref.cli ?? (await composeCli(ctx.processes)) };
}

/**
 * Runs a Compose command for a project. Its output becomes progress lines as it comes (or the
 * step's stdout, for commands whose output is the answer); a non-zero exit is an error that
 * names the command and ends with what it said.
 */
export async function runCompose(
  ctx: Runner,
  ref: ProjectRef & { cli: ComposeCli },
  args: readonly string[],
  options: { override?: boolean; stream?: 'progress' | 'stdout'; input?: string } = {},
): Promise<ProcessResult> {
  const [file, ...rest] = composeWords(ref, args, options);
  return runProgram(ctx, file!, rest, { cwd: ref.directory, stream: options.stream, input: options.input, cli: ref.cli });
}

/** Runs the Docker CLI (`docker cp`, `docker run --rm`) the same way. */
export function runDocker(ctx: Runner, args: readonly string[], options: { stream?: 'progress' | 'stdout' } = {}): Promise<ProcessResult> {
  return runProgram(ctx, 'docker', args, options);
}

/** Runs a program from the toolbox every Linux host has (`sha256sum`, `mkdir`). */
export function runTool(ctx: Runner, file: string, args: readonly string[]): Promise<ProcessResult> {
  // Their output is the result (a checksum), not progress to show.
  return runProgram({ processes: ctx.processes, signal: ctx.signal }, file, args, {});
}

async function runProgram(
  ctx: Runner,
  file: string,
  args: readonly string[],
  options: { cwd?: string; stream?: 'progress' | 'stdout' | undefined; input?: string | undefined; cli?: ComposeCli },
): Promise<ProcessResult> {
  const command = shellCommand([file, ...args]);
  let result: ProcessResult;
  try {
    result = await ctx.processes.run(file, [...args], {
      ...(options.cwd ? { cwd: options.cwd } : {}),
      ...(options.input !== undefined ? { input: options.input } : {}),
      signal: ctx.signal,
      onOutput: (stream, text) => {
        if (!ctx.emit) return;
        const kind = options.stream === 'stdout' && stream === 'stdout' ? 'stdout' : 'progress';
        for (const line of text.split('\n')) if (line.trim()) ctx.emit(kind, line.trimEnd());
      },
    });
  } catch (error) {
    if (ctx.signal.aborted) throw new CancelledError(`${command}: cancelled`);
    if (options.cli && (error as NodeJS.ErrnoException).code === 'ENOENT') throw missingCli(options.cli, error);
    throw new ReignError('failure', `${command}: ${(error as Error).message}`, undefined, { cause: error });
  }
  if (result.exitCode !== 0) {
    const said = lastLines(`${result.stderr}\n${result.stdout}`, 12);
    throw new ReignError('failure', `${command} exited with ${result.exitCode ?? result.signal}${said ? `:\n${said}` : ''}`);
  }
  return result;
}

export function lastLines(text: string, count: number): string {
  return text.split('\n').map((l) => l.trimEnd()).filter(Boolean).slice(-count).join('\n');
}
