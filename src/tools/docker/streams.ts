import { StringDecoder } from 'node:string_decoder';
import { CancelledError, ReignError } from '../../core/errors.js';

type OutputStream = 'stdout' | 'stderr';
type LineSink = (stream: OutputStream, line: string) => void;

/**
 * Splits a container's output into lines per stream. Without a TTY the engine multiplexes
 * stdout and stderr into frames (an 8-byte header: stream type, then the payload size); with a
 * TTY the output is one raw stream.
 */
export class LineDemuxer {
  private pending: Buffer = Buffer.alloc(0);
  private readonly decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };
  private readonly partial: Record<OutputStream, string> = { stdout: '', stderr: '' };

  constructor(
    private readonly multiplexed: boolean,
    private readonly onLine: LineSink,
  ) {}

  push(chunk: Buffer): void {
    if (!this.multiplexed) {
      this.text('stdout', chunk);
      return;
    }
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    while (this.pending.length >= 8) {
      const size = this.pending.readUInt32BE(4);
      if (this.pending.length < 8 + size) break;
      this.text(this.pending[0] === 2 ? 'stderr' : 'stdout', this.pending.subarray(8, 8 + size));
      this.pending = this.pending.subarray(8 + size);
    }
  }

  /** Emits what is left of an unfinished last line on each stream. */
  end(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const rest = this.partial[stream] + this.decoders[stream].end();
      this.partial[stream] = '';
      if (rest) this.onLine(stream, rest.replace(/\r$/, ''));
    }
  }

  private text(stream: OutputStream, bytes: Buffer): void {
    const lines = (this.partial[stream] + this.decoders[stream].write(bytes)).split('\n');
    this.partial[stream] = lines.pop() ?? '';
    for (const line of lines) this.onLine(stream, line.replace(/\r$/, ''));
  }
}

/** Keeps only the last `limit` items pushed. */
export class Tail<T> {
  private readonly items: T[] = [];
  constructor(private readonly limit: number) {}
  push(item: T): void {
    this.items.push(item);
    if (this.items.length > this.limit) this.items.shift();
  }
  get values(): T[] {
    return [...this.items];
  }
}

/**
 * Reads a stream to its end, feeding each chunk to `onChunk`. When the signal aborts the stream
 * is destroyed and the promise resolves (`'resolve'`) or rejects with a cancellation.
 */
export function consume(
  stream: NodeJS.ReadableStream,
  onChunk: (chunk: Buffer) => void,
  signal: AbortSignal,
  onAbort: 'resolve' | { reject: string },
): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', abort);
      if (error) reject(error);
      else resolve();
    };
    const abort = () => {
      (stream as NodeJS.ReadableStream & { destroy?(): void }).destroy?.();
      finish(onAbort === 'resolve' ? undefined : new CancelledError(`${onAbort.reject}: cancelled`));
    };
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    stream.on('data', (chunk: Buffer | string) => onChunk(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    stream.on('end', () => finish());
    stream.on('close', () => finish());
    stream.on('error', (error: Error) => finish(signal.aborted ? undefined : error));
  });
}

/** One message of the engine's JSON progress streams (pull, push, build). */
export interface ProgressMessage {
  id?: string;
  status?: string;
  progress?: string;
  stream?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: { ID?: string; Tag?: string; Digest?: string };
}

/**
 * Reads a newline-delimited JSON progress stream. A message carrying `error` is how the engine
 * reports a failed pull, push or build after the HTTP status was already 200.
 */
export async function readProgress(
  stream: NodeJS.ReadableStream,
  onMessage: (message: ProgressMessage) => void,
  signal: AbortSignal,
  doing: string,
): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  let failure: string | undefined;
  const handle = (line: string) => {
    if (!line.trim()) return;
    let message: ProgressMessage;
    try {
      message = JSON.parse(line) as ProgressMessage;
    } catch {
      return; // the engine only writes JSON here; a torn line is not worth failing the step for
    }
    if (message.error !== undefined) failure ??= message.errorDetail?.message ?? message.error;
    else onMessage(message);
  };
  await consume(
    stream,
    (chunk) => {
      const lines = (partial + decoder.write(chunk)).split('\n');
      partial = lines.pop() ?? '';
      lines.forEach(handle);
    },
    signal,
    { reject: doing },
  );
  handle(partial + decoder.end());
  if (failure !== undefined) throw new ReignError('failure', `${doing}: ${failure.trim()}`);
}
