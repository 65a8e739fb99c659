import { spawn } from 'node:child_process';
import type { ProcessOptions, ProcessResult, ProcessRunner } from '../core/context.js';

const DEFAULT_MAX_OUTPUT = 1024 * 1024;

/**
 * Spawns a program with an argument array (never through a shell built from user text), with a
 * timeout, cancellation and output capped per stream.
 */
export function createProcessRunner(): ProcessRunner {
  return { run: runProcess };
}

export function runProcess(file: string, args: string[], options: ProcessOptions = {}): Promise<ProcessResult> {
  const max = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(options.signal.reason);
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env ? stripUndefined(options.env) : process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      // Its own process group, so a timeout or Ctrl-C ends the whole tree it started.
      detached: true,
    });
    const captured = { stdout: new Capture(max), stderr: new Capture(max) };
    let timedOut = false;
    const killTree = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = options.timeoutMs ? setTimeout(() => ((timedOut = true), killTree()), options.timeoutMs) : undefined;
    const onAbort = () => killTree();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    for (const stream of ['stdout', 'stderr'] as const) {
      child[stream]!.setEncoding('utf8');
      child[stream]!.on('data', (chunk: string) => {
        captured[stream].add(chunk);
        options.onOutput?.(stream, chunk);
      });
    }
    if (options.input !== undefined) child.stdin!.end(options.input);
    child.on('error', (error) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (options.signal?.aborted && !timedOut) return reject(options.signal.reason);
      resolve({
        exitCode,
        signal,
        stdout: captured.stdout.text,
        stderr: captured.stderr.text,
        truncated: captured.stdout.truncated || captured.stderr.truncated,
        timedOut,
      });
    });
  });
}

/** Keeps the first `max` bytes of a stream and notes that the rest was dropped. */
class Capture {
  text = '';
  truncated = false;
  private bytes = 0;
  constructor(private readonly max: number) {}
  add(chunk: string) {
    if (this.truncated) return;
    const size = Buffer.byteLength(chunk);
    if (this.bytes + size <= this.max) {
      this.text += chunk;
      this.bytes += size;
      return;
    }
    this.text += Buffer.from(chunk).subarray(0, this.max - this.bytes).toString('utf8');
    this.bytes = this.max;
    this.truncated = true;
  }
}

function stripUndefined(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}
