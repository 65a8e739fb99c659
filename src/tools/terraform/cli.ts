import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { PrepareContext } from '../../core/action.js';
import type { Context } from '../../core/context.js';
import { CancelledError, ReignError } from '../../core/errors.js';
import { commandLine } from '../../core/shell-quote.js';
import { lockHolder, lockMessage } from './lock.js';

/**
 * Running the `terraform` binary: argument arrays only, `-chdir` so previews are commands a
 * person can paste anywhere, output streamed a line at a time, and failures turned into errors
 * that say what to do.
 */

const ABSOLUTE_PATH = /^\/[A-Za-z0-9_.@+\/-]*$/;
const PARENT = /(^|\/)\.\.(\/|$)/;
const RELATIVE_PATH = /^[A-Za-z0-9_.@+\/-]+$/;
/** Resource addresses: `aws_vpc.main`, `module.net.aws_subnet.private[0]`, `docker_container.web["a"]`. */
export const ADDRESS = /^(?:module\.[A-Za-z_][\w-]*(?:\[[^\]\s;$`]+\])?\.)*(?:data\.)?[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*(?:\[(?:\d+|"[\w.\/-]+")\])?$/;
const WORKSPACE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,89}$/;

export const directory = z
  .string({ error: 'dir: expected the absolute path of a Terraform working directory' })
  .regex(ABSOLUTE_PATH, 'dir: expected an absolute path of letters, digits and _ . @ + / -')
  .refine((path) => !PARENT.test(path), 'dir: ".." is not allowed');

export const address = (field: string) =>
  z.string({ error: `${field}: expected a resource address such as aws_vpc.main` }).regex(ADDRESS, `${field}: expected a resource address such as aws_vpc.main or module.net.aws_subnet.private[0]`);

export const workspaceName = (field: string) =>
  z.string({ error: `${field}: expected a workspace name` }).regex(WORKSPACE, `${field}: expected a workspace name of letters, digits, "_" and "-"`);

/** Where a command runs: the directory, the workspace (through TF_WORKSPACE) and variable files. */
export const WorkingDir = z.object({
  dir: directory,
  /** Selected for this command only, through TF_WORKSPACE; the directory's selection is untouched. */
  workspace: workspaceName('workspace').optional(),
  /** Variable files relative to `dir`, e.g. `environments/prod.tfvars`. */
  varFiles: z
    .array(
      z
        .string()
        .regex(RELATIVE_PATH, 'varFiles: expected paths of letters, digits and _ . @ + / -')
        .refine((path) => !PARENT.test(path) && !path.startsWith('/'), 'varFiles: expected paths inside the working directory'),
    )
    .default([]),
  /** The environment the state describes, when it is not the workspace's name. */
  environment: z.string().regex(WORKSPACE, 'environment: expected a name of letters, digits, "_" and "-"').optional(),
});
export type WorkingDir = z.infer<typeof WorkingDir>;

/** The environment policy sees: the one named, else the workspace (`default` protects nothing). */
export function environmentOf(where: WorkingDir): string | undefined {
  return where.environment ?? (where.workspace && where.workspace !== 'default' ? where.workspace : undefined);
}

export function varFileArgs(where: WorkingDir): string[] {
  return where.varFiles.map((file) => `-var-file=${file}`);
}

/** The words of a command as a person would type it, `TF_WORKSPACE=prod` first when set. */
function terraformWords(where: Pick<WorkingDir, 'dir' | 'workspace'>, args: string[]): string[] {
  return [...(where.workspace ? [`TF_WORKSPACE=${where.workspace}`] : []), 'terraform', `-chdir=${where.dir}`, ...args];
}

export function terraformPreview(where: Pick<WorkingDir, 'dir' | 'workspace'>, args: string[]): string {
  return commandLine(terraformWords(where, args));
}

interface TerraformResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

type Runner = Pick<Context, 'processes' | 'signal'>;

export interface RunOptions {
  /** Exit codes that are answers rather than failures (2 from `-detailed-exitcode`). */
  accept?: number[];
  /** Text for the process's standard input (`state push -`). */
  input?: string;
  /** Receives each line of output as it arrives. */
  onLine?(stream: 'stdout' | 'stderr', line: string): void;
  /** What was being done, for the error: "plan", "apply the saved plan". */
  doing: string;
}

/**
 * Runs `terraform` in a working directory. `env(1)` adds TF_IN_AUTOMATION, TF_INPUT and
 * TF_WORKSPACE to the inherited environment: the process runner replaces the environment when it
 * is given one, and tools do not read `process.env` themselves.
 */
export async function terraform(ctx: Runner, where: Pick<WorkingDir, 'dir' | 'workspace'>, args: string[], options: RunOptions): Promise<TerraformResult> {
  const variables = ['TF_IN_AUTOMATION=1', 'TF_INPUT=0', ...(where.workspace ? [`TF_WORKSPACE=${where.workspace}`] : [])];
  const lines = lineSplitter((stream, line) => options.onLine?.(stream, line));
  const result = await ctx.processes.run('env', [...variables, 'terraform', `-chdir=${where.dir}`, ...args], {
    signal: ctx.signal,
    input: options.input,
    maxOutputBytes: 64 * 1024 * 1024,
    onOutput: lines.push,
  });
  lines.end();
  if (ctx.signal.aborted) throw new CancelledError(`terraform ${options.doing}: cancelled`);
  const exitCode = result.exitCode ?? -1;
  if (exitCode === 0 || options.accept?.includes(exitCode)) return { exitCode, stdout: result.stdout, stderr: result.stderr };
  const holder = lockHolder(result.stderr);
  if (holder) {
    const { message, hint } = lockMessage(holder, where);
    throw new ReignError('failure', `terraform ${options.doing}: ${message}`, hint);
  }
  throw new ReignError('failure', `terraform ${options.doing} failed in ${where.dir}${where.workspace ? ` (workspace ${where.workspace})` : ''}: ${diagnostics(result.stderr || result.stdout)}`, 'fix the configuration or state as the message says, then plan again');
}

/** Streams a step's terraform output as its own output lines. */
export function toStep(ctx: Pick<Context, 'emit'>): RunOptions['onLine'] {
  return (stream, line) => ctx.emit(stream, line);
}

/** Terraform's error lines without the box drawing, at most a few of them. */
function diagnostics(text: string): string {
  const lines = text
    .split('\n')
    // Some subcommands (state list, state pull) colour their errors whatever the flags say.
    .map((line) => line.replace(/\x1b\[[0-9;]*m/g, '').replace(/^[│╷╵]\s?/, '').trim())
    .filter(Boolean);
  const errors = lines.filter((line) => line.startsWith('Error:'));
  return (errors.length ? errors : lines).slice(0, 4).join(' | ') || 'no output';
}

/** Splits streamed chunks into whole lines per stream; the last partial line comes out at the end. */
function lineSplitter(onLine: (stream: 'stdout' | 'stderr', line: string) => void) {
  const pending = { stdout: '', stderr: '' };
  return {
    push(stream: 'stdout' | 'stderr', chunk: string) {
      const parts = (pending[stream] + chunk).split('\n');
      pending[stream] = parts.pop()!;
      for (const line of parts) if (line.trim()) onLine(stream, line);
    },
    end() {
      for (const stream of ['stdout', 'stderr'] as const) if (pending[stream].trim()) onLine(stream, pending[stream]);
    },
  };
}

/** The sha256 of a file's bytes, by `sha256sum` (plan files are binary; the Files client reads text). */
export async function fileChecksum(ctx: Pick<PrepareContext, 'processes' | 'signal'>, path: string): Promise<string> {
  const result = await ctx.processes.run('sha256sum', ['--', path], { signal: ctx.signal });
  const sum = result.stdout.split(' ')[0] ?? '';
  if (result.exitCode !== 0 || !/^[0-9a-f]{64}$/.test(sum)) throw new ReignError('failure', `could not read ${path}: ${result.stderr.trim() || 'no checksum'}`);
  return sum;
}

export function textChecksum(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** `2026-03-01T10-22-33-123Z`: sortable, and safe in a file name. */
export function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

