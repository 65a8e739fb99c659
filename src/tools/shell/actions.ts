import { z } from 'zod';
import { defineAction } from '../../core/action.js';
import { ReignError } from '../../core/errors.js';

const ShellRunInput = z.object({
  command: z
    .string()
    .min(1, 'expected a shell command')
    .max(64 * 1024, 'shell text over 64 kB is refused')
    .refine((text) => !text.includes('\0'), 'shell text must not contain NUL bytes'),
  cwd: z.string().optional(),
  timeoutMs: z.number().int().positive().max(24 * 3600_000).default(120_000),
  maxOutputBytes: z.number().int().positive().max(64 * 1024 * 1024).default(1024 * 1024),
});
type ShellRunInput = z.infer<typeof ShellRunInput>;

interface ShellRunOutput {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  truncated: boolean;
}

/**
 * The one action that runs shell text. Its risk is the judge's verdict on the whole text; the
 * executor refuses it when the verdict at run time differs from the one that was reviewed.
 */
const shellRun = defineAction({
  id: 'shell.run',
  title: 'Run a shell command',
  risk: (input: ShellRunInput, assess) => assess.judge.judge(input.command),
  input: ShellRunInput,
  preview: (input) => input.command,
  async run(input, ctx): Promise<ShellRunOutput> {
    const result = await ctx.processes.run('/bin/sh', ['-c', input.command], {
      cwd: input.cwd ?? ctx.cwd,
      timeoutMs: input.timeoutMs,
      maxOutputBytes: input.maxOutputBytes,
      signal: ctx.signal,
      onOutput: (stream, text) => {
        for (const line of text.split('\n')) if (line) ctx.emit(stream, line);
      },
    });
    if (result.timedOut) throw new ReignError('failure', `command timed out after ${input.timeoutMs} ms: ${input.command}`);
    if (result.exitCode !== 0) {
      const detail = result.stderr.trim().split('\n').slice(-3).join(' | ');
      throw new ReignError('failure', `command exited with ${result.exitCode ?? result.signal}${detail ? `: ${detail}` : ''}`);
    }
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, truncated: result.truncated };
  },
});

export const shellActions = [shellRun];
