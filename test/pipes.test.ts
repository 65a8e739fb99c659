import type { Readable } from 'node:stream';
import { afterAll, expect, it } from 'vitest';
import { describeDocker } from '../src/tools/docker/testing.js';
import { docker, labelled, reign, reignProcess, sandbox } from './reign.js';

const created: string[] = [];
afterAll(() => {
  for (const runId of created) {
    for (const c of labelled('container', runId)) docker(['rm', '-f', c]);
    for (const n of labelled('network', runId)) docker(['network', 'rm', n]);
  }
});

/** Closes the reading end of a pipe after its first chunk, as `| head -1` does; `now` closes it before any. */
function readerThatLeaves(stream: Readable, when: 'first chunk' | 'now'): void {
  if (when === 'now') stream.destroy();
  else stream.once('data', () => stream.destroy());
}

describeDocker('a reader that goes away', () => {
  it.each([
    ['after their first chunk', 'first chunk'],
    ['before anything is written', 'now'],
  ] as const)('a run whose stdout and stderr readers close %s finishes, succeeds and is recorded so', async (_, when) => {
    const box = sandbox();
    const id = `${process.pid}-${Date.now().toString(36)}`;
    const child = reignProcess([`create a network called pnet-${id}, then run redis named pcache-${id} on it`, '--yes'], box);
    readerThatLeaves(child.stdout, when);
    readerThatLeaves(child.stderr, when);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

    const runs = JSON.parse(reign(['runs', '--json'], box).stdout);
    created.push(runs[0].id);
    expect(code).toBe(0);
    expect(runs[0].status).toBe('succeeded');
    expect(labelled('container', runs[0].id)).toEqual([`pcache-${id}`]);
    expect(labelled('network', runs[0].id)).toEqual([`pnet-${id}`]);
    expect(docker(['inspect', '--format', '{{.State.Running}}', `pcache-${id}`]).stdout.trim()).toBe('true');
  });
});
