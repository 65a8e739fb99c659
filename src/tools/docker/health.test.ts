import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { CancelledError } from '../../core/errors.js';
import { containerRun } from './containers.js';
import { containerWaitHealthy } from './health.js';
import { imageBuild } from './images.js';
import { describeDocker, perform, useDockerTest } from './testing.js';

const SLEEP = ['sh', '-c', 'trap "exit 0" TERM; sleep infinity & wait'];

describeDocker('docker container health', () => {
  const t = useDockerTest();
  const nameFor = (what: string) => `${what}-${t.ctx.runId}`;

  it("waits for Redis to pass its image's HEALTHCHECK", async () => {
    const name = nameFor('cache');
    await perform(containerRun, { name, image: 'redis' }, t.ctx);
    const healthy = await perform(containerWaitHealthy, { name, timeoutSeconds: 60 }, t.step('s2'));
    expect(healthy).toMatchObject({ name, by: 'healthcheck' });
    expect((await t.docker.getContainer(name).inspect()).State.Health?.Status).toBe('healthy');
  });

  it('waits for nginx, which has no HEALTHCHECK, by connecting to its published port', async () => {
    const name = nameFor('web');
    await perform(containerRun, { name, image: 'nginx', ports: [{ host: 18491, container: 80 }] }, t.ctx);
    const healthy = await perform(containerWaitHealthy, { name, timeoutSeconds: 60 }, t.step('s2'));
    expect(healthy).toMatchObject({ name, by: 'tcp' });
  });

  it('times out naming the container and showing its last log lines when nothing answers on its port', async () => {
    const name = nameFor('silent');
    await perform(containerRun, {
      name, image: 'debian', ports: [{ host: 18492, container: 80 }],
      command: ['sh', '-c', 'echo "listening on nothing"; trap "exit 0" TERM; sleep infinity & wait'],
    }, t.ctx);
    await expect(perform(containerWaitHealthy, { name, timeoutSeconds: 2 }, t.step('s2'))).rejects.toThrow(
      `${name} did not accept connections on 127.0.0.1:18492 (80/tcp) within 2s; its last log lines:\nlistening on nothing`,
    );
    expect(t.output.map((o) => o.text)).toContain(`waiting for ${name}: no answer on 127.0.0.1:18492 (80/tcp) (0s)`);
  });

  it("times out naming the container and quoting its failing health check's output", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reign-health-'));
    t.onCleanup(() => rm(dir, { recursive: true, force: true }));
    await writeFile(
      join(dir, 'Dockerfile'),
      'FROM reign-test/debian:bookworm\nHEALTHCHECK --interval=1s --retries=1 CMD echo "database not ready" && exit 1\n',
    );
    const image = `reign-docker-test/unhealthy:${t.ctx.runId}`;
    await perform(imageBuild, { context: dir, tag: image }, t.ctx);
    const name = nameFor('sick');
    await perform(containerRun, { name, image, command: SLEEP }, t.step('s2'));

    await expect(perform(containerWaitHealthy, { name, timeoutSeconds: 3 }, t.step('s3'))).rejects.toThrow(
      new RegExp(`^${name} did not become healthy within 3s \\(health: (starting|unhealthy)\\); its last health check said: database not ready$`),
    );
  });

  it('fails at once, naming the container and its logs, when the container has exited', async () => {
    const name = nameFor('crashed');
    await perform(containerRun, { name, image: 'debian', command: ['sh', '-c', 'echo "config missing" >&2; exit 2'] }, t.ctx);
    await vi.waitFor(async () => expect((await t.docker.getContainer(name).inspect()).State.Running).toBe(false));
    await expect(perform(containerWaitHealthy, { name, timeoutSeconds: 60 }, t.step('s2'))).rejects.toThrow(
      `${name} is not running (exited, exit code 2); its last log lines:\nconfig missing`,
    );
  });

  it('stops waiting when the signal aborts', async () => {
    const name = nameFor('waited');
    await perform(containerRun, { name, image: 'debian', command: SLEEP, ports: [{ host: 18493, container: 80 }] }, t.ctx);
    const waiting = perform(containerWaitHealthy, { name, timeoutSeconds: 600 }, t.step('s2'));
    await vi.waitFor(() => expect(t.output.length).toBeGreaterThan(0));
    t.abort();
    await expect(waiting).rejects.toBeInstanceOf(CancelledError);
  });
});
