import type { Writable } from 'node:stream';

/**
 * A reader that goes away (`reign … | head -1`) ends the output, not the run. Node reports a write
 * to a closed pipe as an `EPIPE` error event on the stream, and an unhandled one kills the process
 * mid-step, leaving a run half done and recorded as interrupted. Once a stream has failed so, the
 * stream is destroyed and further writes to it are dropped quietly; the run goes on, finishes or
 * rolls back, and is recorded exactly as it would be without the pipe.
 */
export function outliveClosedReaders(streams: Writable[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') return;
      throw error;
    });
  }
}

/** Waits until what was written to the stream has been handed on, or the stream can take no more. */
export function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    if (!stream.writableNeedDrain || stream.destroyed) return resolve();
    // A reader that closes while output waits would never send 'drain'.
    stream.once('drain', resolve);
    stream.once('close', resolve);
  });
}
