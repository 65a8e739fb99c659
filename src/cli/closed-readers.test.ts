import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { drained, outliveClosedReaders } from './closed-readers.js';

/** A stream whose reader has gone: every write fails as a closed pipe does. */
function closedPipe(): Writable {
  return new Writable({
    write: (_chunk, _encoding, callback) => callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })),
  });
}

describe('outliveClosedReaders', () => {
  it('drops writes to a closed pipe instead of failing the process', async () => {
    const stream = closedPipe();
    outliveClosedReaders([stream]);
    stream.write('first\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(stream.destroyed).toBe(true);
    expect(() => stream.write('later\n')).not.toThrow();
  });

  it('still fails on any other write error', () => {
    const stream = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    outliveClosedReaders([stream]);
    expect(() => stream.emit('error', Object.assign(new Error('disk full'), { code: 'ENOSPC' }))).toThrow('disk full');
  });
});

describe('drained', () => {
  it('returns when a stream waiting for its reader is closed instead of drained', async () => {
    // A reader that never reads: output waits for 'drain', which never comes once the pipe closes.
    const stream = new Writable({ highWaterMark: 1, write: () => {} });
    stream.write('more than the stream holds\n');
    expect(stream.writableNeedDrain).toBe(true);
    const done = drained(stream);
    stream.destroy();
    await expect(done).resolves.toBeUndefined();
  });
});
