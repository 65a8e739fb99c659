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

/**
 * The clients tool domains add: empty here, since core names no domain. Each domain declares its
 * own client on this interface (`declare module`), and the composition root builds it from config.
 */
export interface DomainClients {}

/** Reading files, for planning: nothing here can change the disk. */
export interface ReadFiles {
  read(path: string): string | undefined;
  exists(path: string): boolean;
  isDirectory(path: string): boolean;
  /** Names in a directory, or none when it does not exist. */
  list(directory: string): string[];
}

/**
 * Where planning may write: a folder per working directory (`<dir>/.reign`) for a tool's own
 * preview files (a saved `terraform plan`), ignored by git because such files hold secrets.
 */
export interface ScratchArea {
  folderFor(dir: string): Promise<string>;
}

/** Read-only views of the domains' clients, for planning; each domain declares its own. */
export interface PlanningClients {}

/** Everything a step may use. Code never imports a client directly; the composition root wires real ones. */
export interface Context extends DomainClients {
  runId: string;
  stepId: string;
  /** Labels to put on everything the step creates in an engine. */
  labels: Record<string, string>;
  signal: AbortSignal;
  /** Streams a line of output or progress as a `step.output` event. */
  emit(stream: 'stdout' | 'stderr' | 'progress', text: string): void;
  processes: ProcessRunner;
  files: Files;
  scratch: ScratchArea;
  judge: Judge;
  images: ImageResolver;
  clock: Clock;
  log: Logger;
  /** The working directory requests are relative to. */
  cwd: string;
}

/** The clients shared by every step of a run; the executor adds the per-step parts. */
export type Clients = Omit<Context, 'runId' | 'stepId' | 'labels' | 'signal' | 'emit'>;

/**
 * What planning may use: reading files, the judge and image settings, a process runner for a
 * tool's own preview (`terraform plan -out`, `compose config`), and a scratch directory, the only
 * place a preview may write. Domains add read-only views of their clients; no file writer and no
 * mutating client is reachable from here.
 */
export interface PlanningContext extends PlanningClients {
  files: ReadFiles;
  processes: ProcessRunner;
  judge: Judge;
  images: ImageResolver;
  clock: Clock;
  log: Logger;
  cwd: string;
  scratch: ScratchArea;
}
