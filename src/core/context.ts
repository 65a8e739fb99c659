import type Docker from 'dockerode';
import type { RiskJudgement } from './risk.js';

/** Spawns programs with argument arrays; never a shell string built from user text. */
export interface ProcessRunner {
  run(file: string, args: string[], options?: ProcessOptions): Promise<ProcessResult>;
}

export interface ProcessOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Text written to the process's standard input. */
  input?: string;
  timeoutMs?: number;
  /** Output kept per stream; the rest is dropped and `truncated` set. */
  maxOutputBytes?: number;
  signal?: AbortSignal;
  onOutput?(stream: 'stdout' | 'stderr', text: string): void;
}

export interface ProcessResult {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  truncated: boolean;
  timedOut: boolean;
}

/** The filesystem as actions see it. */
export interface Files {
  read(path: string): Promise<string | undefined>;
  write(path: string, content: string, mode?: number): Promise<void>;
  remove(path: string): Promise<void>;
  exists(path: string): Promise<boolean>;
}

/** Judges shell text; the command's level is its most harmful part. */
export interface Judge {
  judge(command: string): RiskJudgement;
}

/** Maps image names to others: an air-gapped mirror, or locally built images in tests. */
export interface ImageResolver {
  resolve(image: string): string;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

export interface Clock {
  now(): Date;
}

/** Everything a step may use. Code never imports a client directly; the CLI wires real ones. */
export interface Context {
  runId: string;
  stepId: string;
  /** Labels to put on everything the step creates in an engine. */
  labels: Record<string, string>;
  signal: AbortSignal;
  /** Streams a line of output or progress as a `step.output` event. */
  emit(stream: 'stdout' | 'stderr' | 'progress', text: string): void;
  docker: Docker;
  processes: ProcessRunner;
  files: Files;
  judge: Judge;
  images: ImageResolver;
  clock: Clock;
  log: Logger;
  /** The working directory requests are relative to. */
  cwd: string;
}

/** The clients shared by every step of a run; the executor adds the per-step parts. */
export type Clients = Omit<Context, 'runId' | 'stepId' | 'labels' | 'signal' | 'emit'>;
