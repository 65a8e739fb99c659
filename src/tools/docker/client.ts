import { createRequire } from 'node:module';
import type Docker from 'dockerode';
import { UsageError } from '../../core/errors.js';
import { reportUnreachable } from './reachability.js';

/** Where Docker listens when nothing else is said. */
const DEFAULT_SOCKET = '/var/run/docker.sock';

/**
 * A client for the engine at a `DOCKER_HOST`-style address (`unix:///var/run/docker.sock`,
 * `tcp://host:2375`), or the local socket when none is given. Only the composition root calls
 * this; actions use `ctx.docker`.
 */
export function dockerClient(options: { host?: string | undefined } = {}): Docker {
  const host = options.host?.trim() || undefined;
  const settings = connectionFor(host);
  const address = host ?? `unix://${DEFAULT_SOCKET}`;
  // dockerode takes ~150 ms to load and most commands never reach the engine: load it on first use.
  let client: Docker | undefined;
  const real = () => (client ??= reportUnreachable(new (createRequire(import.meta.url)('dockerode') as typeof Docker)(settings), address));
  return new Proxy({} as Docker, {
    get(_target, property) {
      const value = Reflect.get(real(), property);
      return typeof value === 'function' ? value.bind(real()) : value;
    },
  });
}

/** dockerode's connection settings for a `DOCKER_HOST`-style address; a bad address fails here, early. */
function connectionFor(host: string | undefined): Docker.DockerOptions {
  // Explicit even for the default: dockerode would otherwise read DOCKER_HOST by itself.
  if (!host) return { socketPath: DEFAULT_SOCKET };
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    throw new UsageError(`docker host "${host}" is not an address`, 'use unix:///path/to/docker.sock or tcp://host:port');
  }
  switch (url.protocol) {
    case 'unix:':
      return { socketPath: url.pathname };
    case 'tcp:':
    case 'http:':
      return { protocol: 'http', host: url.hostname, port: url.port || 2375 };
    case 'https:':
      return { protocol: 'https', host: url.hostname, port: url.port || 2376 };
    default:
      throw new UsageError(`docker host "${host}" uses an unsupported scheme ${url.protocol}`, 'use unix:///path/to/docker.sock or tcp://host:port');
  }
}
