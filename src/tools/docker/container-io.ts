import { z } from 'zod';
import { defineAction } from '../../core/action.js';
import type { Context } from '../../core/context.js';
import { containerTarget } from './containers.js';
import { engine } from './engine.js';
import { keyValues, shellCommand } from './preview.js';
import { absolutePath, argv, envRecord, labelRecord, objectName, user } from './schemas.js';
import { LineDemuxer, Tail, consume } from './streams.js';

/** Reading from containers: logs, exec, inspect, stats, list. */

const ContainerName = z.object({ name: objectName('name', 'container') });

/** The last `tail` lines of a container's output, both streams in the order written. */
export async function recentLogLines(ctx: Context, name: string, tail: number): Promise<string[]> {
  const container = ctx.docker.getContainer(name);
  const info = await engine(`inspect container ${name}`, () => container.inspect());
  const buffer = await engine(`read the logs of ${name}`, () =>
    container.logs({ stdout: true, stderr: true, tail, follow: false, abortSignal: ctx.signal }),
  );
  const lines: string[] = [];
  const demuxer = new LineDemuxer(!info.Config.Tty, (_stream, line) => lines.push(line));
  demuxer.push(buffer);
  demuxer.end();
  return lines;
}

const TAIL = 'tail: expected a number of lines from 1 to 10000';
const ContainerLogs = ContainerName.extend({
  tail: z.number({ error: TAIL }).int(TAIL).min(1, TAIL).max(10_000, TAIL).default(100),
  /** Stream new lines until the step is cancelled or the container stops. */
  follow: z.boolean({ error: 'follow: expected true or false' }).default(false),
});

export const containerLogs = defineAction({
  id: 'docker.container.logs',
  title: "Show a container's logs",
  risk: 'read',
  input: ContainerLogs,
  preview: (input) => shellCommand(['docker', 'logs', '--tail', String(input.tail), input.follow && '--follow', input.name]),
  async run(input, ctx) {
    if (!input.follow) return { lines: await recentLogLines(ctx, input.name, input.tail) };
    const container = ctx.docker.getContainer(input.name);
    const info = await engine(`inspect container ${input.name}`, () => container.inspect());
    const stream = await engine(`follow the logs of ${input.name}`, () =>
      container.logs({ stdout: true, stderr: true, tail: input.tail, follow: true, abortSignal: ctx.signal }),
    );
    const seen = new Tail<string>(input.tail);
    const demuxer = new LineDemuxer(!info.Config.Tty, (stream, line) => {
      seen.push(line);
      ctx.emit(stream, line);
    });
    // Following ends when the user stops it: that is success, not a failure.
    await consume(stream, (chunk) => demuxer.push(chunk), ctx.signal, 'resolve');
    demuxer.end();
    return { lines: seen.values };
  },
});

/** Output kept per stream; a command that prints more is cut, and says so. */
const EXEC_OUTPUT_LIMIT = 1024 * 1024;

const ContainerExec = ContainerName.extend({
  /** The program and its arguments; no shell is involved unless the command names one. */
  command: argv('command').min(1, 'command: expected at least the program to run'),
  env: envRecord('env').optional(),
  user: user('user').optional(),
  workdir: absolutePath('workdir').optional(),
});

export const containerExec = defineAction({
  id: 'docker.container.exec',
  // It runs whatever program it is given inside the container.
  title: 'Run a command in a container',
  risk: 'admin',
  input: ContainerExec,
  targets: (input) => containerTarget(input),
  preview: (input) =>
    shellCommand([
      'docker', 'exec',
      ...(input.user ? ['--user', input.user] : []),
      ...(input.workdir ? ['--workdir', input.workdir] : []),
      ...keyValues('--env', input.env),
      input.name,
      ...input.command,
    ]),
  async run(input, ctx) {
    const doing = `exec in ${input.name}`;
    const exec = await engine(doing, () =>
      ctx.docker.getContainer(input.name).exec({
        Cmd: input.command,
        AttachStdout: true,
        AttachStderr: true,
        ...(input.env ? { Env: Object.entries(input.env).map(([k, v]) => `${k}=${v}`) } : {}),
        ...(input.user ? { User: input.user } : {}),
        ...(input.workdir ? { WorkingDir: input.workdir } : {}),
      }),
    );
    const stream = await engine(doing, () => exec.start({ hijack: true, stdin: false }));
    const output = { stdout: '', stderr: '' };
    let truncated = false;
    const demuxer = new LineDemuxer(true, (which, line) => {
      ctx.emit(which, line);
      if (output[which].length + line.length + 1 > EXEC_OUTPUT_LIMIT) truncated = true;
      else output[which] += `${line}\n`;
    });
    await consume(stream, (chunk) => demuxer.push(chunk), ctx.signal, { reject: doing });
    demuxer.end();
    const { ExitCode } = await engine(doing, () => exec.inspect());
    return { exitCode: ExitCode ?? -1, stdout: output.stdout, stderr: output.stderr, truncated };
  },
});

const containerInspect = defineAction({
  id: 'docker.container.inspect',
  title: 'Inspect a container',
  risk: 'read',
  input: ContainerName,
  preview: (input) => shellCommand(['docker', 'container', 'inspect', input.name]),
  run: (input, ctx) => engine(`inspect container ${input.name}`, () => ctx.docker.getContainer(input.name).inspect({ abortSignal: ctx.signal })),
});

export const containerStats = defineAction({
  id: 'docker.container.stats',
  title: "Measure a container's CPU and memory use once",
  risk: 'read',
  input: ContainerName,
  preview: (input) => shellCommand(['docker', 'stats', '--no-stream', input.name]),
  async run(input, ctx) {
    // Without one-shot the engine samples twice, so the CPU delta below has a previous reading.
    const stats = await engine(`read the stats of ${input.name}`, () => ctx.docker.getContainer(input.name).stats({ stream: false }));
    const cpuDelta = stats.cpu_stats.cpu_usage.total_usage - (stats.precpu_stats.cpu_usage?.total_usage ?? 0);
    const systemDelta = stats.cpu_stats.system_cpu_usage - (stats.precpu_stats.system_cpu_usage ?? 0);
    const cpus = stats.cpu_stats.online_cpus || stats.cpu_stats.cpu_usage.percpu_usage?.length || 1;
    const memoryStats = (stats.memory_stats.stats ?? {}) as Record<string, number | undefined>;
    // What `docker stats` shows: usage without the page cache the kernel can drop (v2, then v1).
    const cache = memoryStats.inactive_file ?? memoryStats.total_inactive_file ?? 0;
    const memoryBytes = Math.max(0, (stats.memory_stats.usage ?? 0) - cache);
    const memoryLimitBytes = stats.memory_stats.limit ?? 0;
    return {
      cpuPercent: systemDelta > 0 && cpuDelta > 0 ? round((cpuDelta / systemDelta) * cpus * 100) : 0,
      memoryBytes,
      memoryLimitBytes,
      memoryPercent: memoryLimitBytes > 0 ? round((memoryBytes / memoryLimitBytes) * 100) : 0,
    };
  },
});

const round = (n: number) => Math.round(n * 100) / 100;

const ContainerList = z.object({
  /** Stopped containers too, like `docker ps --all`. */
  all: z.boolean({ error: 'all: expected true or false' }).default(false),
  labels: labelRecord('labels').optional(),
});

export const containerList = defineAction({
  id: 'docker.container.list',
  title: 'List containers',
  risk: 'read',
  input: ContainerList,
  preview: (input) => shellCommand(['docker', 'ps', input.all && '--all', ...keyValues('--filter', input.labels, 'label=')]),
  async run(input, ctx) {
    const label = Object.entries(input.labels ?? {}).map(([k, v]) => `${k}=${v}`);
    const containers = await engine('list containers', () =>
      ctx.docker.listContainers({ all: input.all, filters: label.length ? { label } : {}, abortSignal: ctx.signal }),
    );
    return containers.map((c) => ({
      id: c.Id,
      name: c.Names[0]?.replace(/^\//, '') ?? c.Id,
      image: c.Image,
      state: c.State,
      status: c.Status,
      labels: c.Labels,
    }));
  },
});

export const containerIoActions = [containerLogs, containerExec, containerInspect, containerStats, containerList];
