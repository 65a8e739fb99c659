import type Docker from 'dockerode';
import { connect } from 'node:net';
import { z } from 'zod';
import { defineAction } from '../../core/action.js';
import type { Context } from '../../core/context.js';
import { ReignError } from '../../core/errors.js';
import { recentLogLines } from './container-io.js';
import { engine, sleep, throwIfCancelled } from './engine.js';
import { shellCommand } from './preview.js';
import { objectName, port, seconds } from './schemas.js';

/** How often the container is looked at, and how often an unchanged status is repeated. */
const POLL_MS = 500;
const REPEAT_STATUS_MS = 5000;
const CONNECT_TIMEOUT_MS = 2000;
/**
 * Docker's userland proxy accepts a connection on a published port even when nothing listens
 * in the container, then closes it at once. A connection still open after this long (or one
 * that sent data) reached a real server.
 */
const PROXY_SETTLE_MS = 300;

const WaitHealthy = z.object({
  name: objectName('name', 'container'),
  timeoutSeconds: seconds('timeoutSeconds', 3600).min(1, 'timeoutSeconds: expected at least 1 second').default(60),
  /** Probe this container port over TCP instead of the image's HEALTHCHECK. */
  port: port('port').optional(),
});
type WaitHealthy = z.infer<typeof WaitHealthy>;

function previewFor(input: WaitHealthy): string {
  // The container name is a validated plain word, so it can sit inside the script as is.
  const probe = (port: string) => `nc -z 127.0.0.1 "$(docker port ${input.name} ${port}| head -n 1 | cut -d: -f2)"`;
  // Without a port: the image's HEALTHCHECK, else the first published port, as `run` does.
  const check = input.port
    ? probe(`${input.port}/tcp `)
    : `s=$(docker inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' ${input.name}); ` +
      `[ "$s" = healthy ] || { [ "$s" = none ] && ${probe('')}; }`;
  return shellCommand(['timeout', String(input.timeoutSeconds), 'sh', '-c', `until ${check}; do sleep 1; done`]);
}

function hasHealthcheck(info: Docker.ContainerInspectInfo): boolean {
  const test = info.Config.Healthcheck?.Test;
  return Boolean(info.State.Health) && !(test && test[0] === 'NONE');
}

interface ProbeTarget {
  host: string;
  hostPort: number;
  containerPort: string;
}

/** The published host address of a container port (the first TCP one when none is named). */
function probeTarget(info: Docker.ContainerInspectInfo, containerPort: number | undefined): ProbeTarget | undefined {
  const ports = (info.NetworkSettings.Ports ?? {}) as Record<string, { HostIp: string; HostPort: string }[] | null>;
  const key = containerPort
    ? `${containerPort}/tcp`
    : Object.keys(ports).find((k) => k.endsWith('/tcp') && ports[k]?.length);
  const binding = key ? ports[key]?.[0] : undefined;
  if (!key || !binding) return undefined;
  const anyAddress = ['', '0.0.0.0', '::'].includes(binding.HostIp);
  return { host: anyAddress ? '127.0.0.1' : binding.HostIp, hostPort: Number(binding.HostPort), containerPort: key };
}

/** True when a server answers on the address (see PROXY_SETTLE_MS). */
function acceptsConnections(host: string, portNumber: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port: portNumber });
    let timer = setTimeout(() => finish(false), CONNECT_TIMEOUT_MS);
    let settled = false;
    function finish(ok: boolean) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    }
    socket.once('connect', () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(true), PROXY_SETTLE_MS);
    });
    socket.once('data', () => finish(true));
    socket.once('end', () => finish(false));
    socket.once('close', () => finish(false));
    socket.once('error', () => finish(false));
  });
}

async function logTail(ctx: Context, name: string): Promise<string> {
  // The logs only add detail to an error being reported; failing to read them must not replace it.
  const lines = await recentLogLines(ctx, name, 10).catch((): string[] => []);
  return lines.length ? `its last log lines:\n${lines.join('\n')}` : 'it has written no logs';
}

export const containerWaitHealthy = defineAction({
  id: 'docker.container.wait-healthy',
  title: 'Wait until a container is healthy',
  risk: 'read',
  input: WaitHealthy,
  preview: previewFor,
  async run(input, ctx) {
    const started = ctx.clock.now().getTime();
    const container = ctx.docker.getContainer(input.name);
    let lastStatus = '';
    let lastReport = 0;
    for (;;) {
      throwIfCancelled(ctx.signal, `wait for ${input.name}`);
      const elapsedMs = ctx.clock.now().getTime() - started;
      const elapsed = Math.floor(elapsedMs / 1000);
      const info = await engine(`inspect container ${input.name}`, () => container.inspect());
      if (!info.State.Running && !info.State.Restarting) {
        throw new ReignError(
          'failure',
          `${input.name} is not running (${info.State.Status}, exit code ${info.State.ExitCode}); ${await logTail(ctx, input.name)}`,
          `see docker logs ${input.name}`,
        );
      }

      let status: string;
      let failure: () => Promise<string>;
      if (input.port === undefined && hasHealthcheck(info)) {
        const health = info.State.Health!;
        if (health.Status === 'healthy') return { name: input.name, by: 'healthcheck' as const, seconds: elapsed };
        status = health.Status;
        failure = async () => {
          const last = health.Log?.at(-1)?.Output?.trim();
          const said = last ? `its last health check said: ${last}` : await logTail(ctx, input.name);
          return `${input.name} did not become healthy within ${input.timeoutSeconds}s (health: ${health.Status}); ${said}`;
        };
      } else {
        const target = probeTarget(info, input.port);
        if (!target) {
          throw new ReignError(
            'usage',
            input.port
              ? `${input.name} does not publish container port ${input.port}/tcp, so it cannot be probed`
              : `${input.name} has no HEALTHCHECK and publishes no TCP port to probe`,
            'publish the port the service listens on, or give the image a HEALTHCHECK',
          );
        }
        if (await acceptsConnections(target.host, target.hostPort)) {
          return { name: input.name, by: 'tcp' as const, seconds: elapsed };
        }
        status = `no answer on ${target.host}:${target.hostPort} (${target.containerPort})`;
        failure = async () =>
          `${input.name} did not accept connections on ${target.host}:${target.hostPort} (${target.containerPort}) ` +
          `within ${input.timeoutSeconds}s; ${await logTail(ctx, input.name)}`;
      }

      if (elapsedMs >= input.timeoutSeconds * 1000) {
        throw new ReignError('failure', await failure(), `see docker logs ${input.name}`);
      }
      if (status !== lastStatus || elapsedMs - lastReport >= REPEAT_STATUS_MS) {
        ctx.emit('progress', `waiting for ${input.name}: ${status} (${elapsed}s)`);
        lastStatus = status;
        lastReport = elapsedMs;
      }
      await sleep(POLL_MS, ctx.signal, `wait for ${input.name}`);
    }
  },
});
