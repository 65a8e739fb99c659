import { expect, it, vi } from 'vitest';
import { createImageResolver } from '../../clients/images.js';
import { LABELS } from '../../core/run.js';
import { containerExec, containerList, containerLogs, containerStats } from './container-io.js';
import { containerRemove, containerRun, containerStart, containerStop } from './containers.js';
import { isNotFound } from './engine.js';
import { networkCreate } from './networks.js';
import { describeDocker, perform, performStep, useDockerTest } from './testing.js';

// PID 1 ignores SIGTERM unless it handles it; the trap keeps stops quick.
const SLEEP = ['sh', '-c', 'trap "exit 0" TERM; sleep infinity & wait'];
const MiB = 1024 * 1024;

describeDocker('docker containers', () => {
  const t = useDockerTest();
  const nameFor = (what: string) => `${what}-${t.ctx.runId}`;
  const inspect = (name: string) => t.docker.getContainer(name).inspect();
  const gone = (name: string) => inspect(name).then(() => false, (error: unknown) => isNotFound(error));

  it('applies memory, CPU, user, read-only and restart settings and labels the container', async () => {
    const name = nameFor('limits');
    await perform(containerRun, {
      name, image: 'debian', command: SLEEP, memory: 64 * MiB, cpus: 0.5, user: '1000:1000', readOnly: true,
      restart: 'unless-stopped', env: { GREETING: 'hello world' }, labels: { app: 'shop' },
    }, t.ctx);

    const info = await inspect(name);
    expect(info.Config.Image).toBe('reign-test/debian:bookworm');
    expect(info.HostConfig.Memory).toBe(64 * MiB);
    expect(info.HostConfig.NanoCpus).toBe(500_000_000);
    expect(info.HostConfig.ReadonlyRootfs).toBe(true);
    expect(info.HostConfig.RestartPolicy?.Name).toBe('unless-stopped');
    expect(info.Config.User).toBe('1000:1000');
    expect(info.Config.Env).toContain('GREETING=hello world');
    expect(info.Config.Labels).toMatchObject({
      app: 'shop', 'dev.reign.test': 'docker', [LABELS.managed]: 'true', [LABELS.run]: t.ctx.runId, [LABELS.step]: 's1',
    });

    const id = await perform(containerExec, { name, command: ['id', '-u'] }, t.ctx);
    expect(id.stdout.trim()).toBe('1000');
    const write = await perform(containerExec, { name, command: ['touch', '/written'] }, t.ctx);
    expect(write.exitCode).not.toBe(0);
    expect(write.stderr).toContain('Read-only file system');
  });

  it('publishes ports on 127.0.0.1 unless asked for every interface', async () => {
    const name = nameFor('ports');
    await perform(containerRun, { name, image: 'nginx', ports: [{ host: 18481, container: 80 }] }, t.ctx);
    const info = await inspect(name);
    expect(info.HostConfig.PortBindings).toEqual({ '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '18481' }] });
  });

  it('undoes a run by removing the container, and the volume its mount created', async () => {
    const name = nameFor('undo-run');
    const volume = nameFor('vol');
    const input = { name, image: 'debian', command: SLEEP, volumes: [{ source: volume, target: '/data' }] };
    const output = await perform(containerRun, input, t.ctx);
    expect(containerRun.creates?.(containerRun.input.parse(input), output)).toEqual([{ kind: 'docker.container', id: output.id, name }]);
    expect((await t.docker.getVolume(volume).inspect()).Labels).toMatchObject({ [LABELS.run]: t.ctx.runId });

    await performStep(containerRun.undo?.(containerRun.input.parse(input), output), t.step('undo'));

    expect(await gone(name)).toBe(true);
    await expect(t.docker.getVolume(volume).inspect()).rejects.toSatisfy(isNotFound);
  });

  it('undoes a stop by starting the container again, and a stop of a stopped one by nothing', async () => {
    const name = nameFor('stop');
    await perform(containerRun, { name, image: 'debian', command: SLEEP }, t.ctx);

    const stopped = await perform(containerStop, { name, timeoutSeconds: 0 }, t.ctx);
    expect((await inspect(name)).State.Running).toBe(false);
    const again = await perform(containerStop, { name, timeoutSeconds: 0 }, t.ctx);
    expect(containerStop.undo?.({ name }, again)).toBeUndefined();

    await performStep(containerStop.undo?.({ name }, stopped), t.step('undo'));
    expect((await inspect(name)).State.Running).toBe(true);
  });

  it('undoes a start by stopping the container again', async () => {
    const name = nameFor('start');
    await perform(containerRun, { name, image: 'debian', command: SLEEP }, t.ctx);
    await perform(containerStop, { name, timeoutSeconds: 0 }, t.ctx);

    const started = await perform(containerStart, { name }, t.ctx);
    expect((await inspect(name)).State.Running).toBe(true);

    await performStep(containerStart.undo?.({ name }, started), t.step('undo'));
    expect((await inspect(name)).State.Running).toBe(false);
  });

  it('undoes a remove by re-creating the container with its configuration, network alias and state, but not its files', async () => {
    const name = nameFor('remove');
    const network = nameFor('net');
    await perform(networkCreate, { name: network }, t.ctx);
    await perform(containerRun, {
      name, image: 'debian', command: SLEEP, env: { MODE: 'test' }, network, networkAliases: ['cache'],
      ports: [{ host: 18482, container: 6379 }], memory: 32 * MiB, labels: { app: 'shop' },
    }, t.ctx);
    await perform(containerExec, { name, command: ['touch', '/tmp/written-inside'] }, t.ctx);

    const input = containerRemove.input.parse({ name, force: true });
    const removed = await containerRemove.run(input, t.ctx);
    expect(await gone(name)).toBe(true);
    expect(containerRemove.removes?.(input, removed)).toEqual([{ kind: 'docker.container', id: removed.id, name }]);

    await performStep(containerRemove.undo?.(input, removed), t.step('undo'));

    const info = await inspect(name);
    expect(info.State.Running).toBe(true);
    expect(info.Config.Env).toContain('MODE=test');
    expect(info.Config.Labels).toMatchObject({ app: 'shop', [LABELS.step]: 'undo' });
    expect(info.HostConfig.Memory).toBe(32 * MiB);
    expect(info.HostConfig.PortBindings).toEqual({ '6379/tcp': [{ HostIp: '127.0.0.1', HostPort: '18482' }] });
    expect(info.NetworkSettings.Networks[network]?.Aliases).toContain('cache');
    const file = await perform(containerExec, { name, command: ['test', '-e', '/tmp/written-inside'] }, t.ctx);
    expect(file.exitCode).toBe(1);
  });

  it('exec runs an argument array and returns the exit code and both streams', async () => {
    const name = nameFor('exec');
    await perform(containerRun, { name, image: 'debian', command: SLEEP }, t.ctx);
    const result = await perform(containerExec, { name, command: ['sh', '-c', 'echo "out $0"; echo err >&2; exit 3', 'it\'s; $(not run)'] }, t.ctx);
    expect(result).toEqual({ exitCode: 3, stdout: "out it's; $(not run)\n", stderr: 'err\n', truncated: false });
    expect(t.output).toContainEqual({ stream: 'stderr', text: 'err' });
  });

  it('returns the last lines of the logs from both streams', async () => {
    const name = nameFor('logs');
    await perform(containerRun, {
      // The engine copies the two streams separately: the pause keeps their order certain.
      name, image: 'debian', command: ['sh', '-c', 'for i in 1 2 3 4 5; do echo line$i; done; sleep 1; echo oops >&2; sleep infinity'],
    }, t.ctx);
    await vi.waitFor(async () => {
      expect((await perform(containerLogs, { name, tail: 3 }, t.ctx)).lines).toEqual(['line4', 'line5', 'oops']);
    }, { timeout: 10_000 });
  });

  it('follows the logs, streaming lines, until the signal aborts', async () => {
    const name = nameFor('follow');
    await perform(containerRun, {
      name, image: 'debian', command: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo tick$i; sleep 0.2; done'],
    }, t.ctx);
    const following = perform(containerLogs, { name, follow: true, tail: 1000 }, t.ctx);
    await vi.waitFor(() => expect(t.output.filter((o) => o.text.startsWith('tick')).length).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
    t.abort();
    const result = await following;
    expect(result.lines.slice(0, 3)).toEqual(['tick1', 'tick2', 'tick3']);
    expect(t.output.slice(0, 3)).toEqual(['tick1', 'tick2', 'tick3'].map((text) => ({ stream: 'stdout', text })));
  });

  it('measures memory use against the limit and CPU use once', async () => {
    const name = nameFor('stats');
    await perform(containerRun, { name, image: 'debian', command: SLEEP, memory: 48 * MiB }, t.ctx);
    const stats = await perform(containerStats, { name }, t.ctx);
    expect(stats.memoryLimitBytes).toBe(48 * MiB);
    expect(stats.memoryBytes).toBeGreaterThan(0);
    expect(stats.memoryBytes).toBeLessThan(48 * MiB);
    expect(stats.cpuPercent).toBeGreaterThanOrEqual(0);
  });

  it('lists containers by label, the stopped ones only when asked for all', async () => {
    const name = nameFor('listed');
    await perform(containerRun, { name, image: 'debian', command: SLEEP }, t.ctx);
    await perform(containerStop, { name, timeoutSeconds: 0 }, t.ctx);
    const labels = { [LABELS.run]: t.ctx.runId };
    expect(await perform(containerList, { labels }, t.ctx)).toEqual([]);
    const all = await perform(containerList, { all: true, labels }, t.ctx);
    expect(all.map((c) => [c.name, c.state])).toEqual([[name, 'exited']]);
  });

  it('fails clearly, leaving nothing behind, when the image is missing and cannot be pulled', async () => {
    const name = nameFor('missing');
    await expect(perform(containerRun, { name, image: 'reign-test/absent:1' }, t.ctx)).rejects.toThrow(
      /run container missing-.*: image reign-test\/absent:1 is not present and could not be pulled: pull reign-test\/absent:1: /,
    );
    expect(t.output).toContainEqual({ stream: 'progress', text: 'reign-test/absent:1 is not present here; pulling it' });
    expect(await gone(name)).toBe(true);
  });

  it('fails a run whose mapped image cannot be pulled with a hint naming the mapping', async () => {
    const name = nameFor('unpulled');
    const ctx = { ...t.ctx, images: createImageResolver({ nginx: '127.0.0.1:1/mirror/nginx:1.27' }) };
    const failure = perform(containerRun, { name, image: 'nginx:1.27' }, ctx);
    await expect(failure).rejects.toThrow(/: image 127\.0\.0\.1:1\/mirror\/nginx:1\.27 is not present and could not be pulled: .*connection refused/);
    await expect(failure).rejects.toMatchObject({ hint: expect.stringMatching(/^`images:` in reign\.yaml or \$REIGN_HOME\/config\.yaml maps nginx:1\.27 to 127\.0\.0\.1:1\/mirror\/nginx:1\.27/) });
    expect(await gone(name)).toBe(true);
  });

  it('removes a container that was created but could not start, and says why', async () => {
    const name = nameFor('nostart');
    await expect(perform(containerRun, { name, image: 'debian', command: ['/no/such/program'] }, t.ctx)).rejects.toThrow(
      new RegExp(`start container ${name}: .*no such file or directory`),
    );
    expect(await gone(name)).toBe(true);
  });
});
