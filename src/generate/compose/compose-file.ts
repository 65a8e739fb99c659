import { stringify } from 'yaml';
import type { Stack, StackService } from './stack.js';

/** Health-check timing when an entry does not say: quick to notice, patient with slow starts. */
const HEALTH_DEFAULTS = { interval: '2s', timeout: '5s', retries: 30 };

/** The stack's one network; every service joins it and reaches the others by service name. */
export const STACK_NETWORK = 'stack';

/**
 * `compose.yaml` for a stack, accepted by `docker compose` (v2) and `docker-compose` (v1.29):
 *
 * - no top-level `name:` or `version:`; the project name comes from `COMPOSE_PROJECT_NAME` in
 *   `.env` (both read it) or `-p`;
 * - limits under `deploy.resources.limits` only: v2 applies them, and so does v1.29 outside swarm
 *   (checked: HostConfig.Memory and NanoCpus are set), whereas `mem_limit`/`cpus` beside them
 *   make v2 refuse the file when the two disagree;
 * - serialised as YAML 1.1, so strings v1's PyYAML would read as booleans or base-60 numbers
 *   (`no`, `on`, `22:22`) are quoted;
 * - every port published on 127.0.0.1 only, no privileged containers, no host networking, and
 *   `no-new-privileges` so a setuid binary cannot regain what the entrypoint dropped.
 */
export function composeFile(stack: Stack): string {
  return stringify(composeDocument(stack), { version: '1.1', lineWidth: 0 });
}

export function composeDocument(stack: Stack): Record<string, unknown> {
  const services = Object.fromEntries(stack.services.map((s) => [s.name, serviceDocument(s)]));
  const volumes = Object.fromEntries(stack.services.flatMap((s) => s.volumes.map((v) => [v.name, {}])));
  return {
    services,
    networks: { [STACK_NETWORK]: {} },
    ...(Object.keys(volumes).length ? { volumes } : {}),
  };
}

function serviceDocument(s: StackService): Record<string, unknown> {
  const h = s.healthcheck;
  return {
    ...(s.image ? { image: s.image } : {}),
    ...(s.build ? { build: { context: s.build.context } } : {}),
    ...(s.command ? { command: s.command } : {}),
    ...(s.hostname ? { hostname: s.hostname } : {}),
    ...(s.user ? { user: s.user } : {}),
    restart: 'unless-stopped',
    ...(Object.keys(s.environment).length ? { environment: s.environment } : {}),
    ...(s.ports.length ? { ports: s.ports.map((p) => `127.0.0.1:${p.host}:${p.container}`) } : {}),
    ...(s.volumes.length || s.files.length
      ? { volumes: [...s.volumes.map((v) => `${v.name}:${v.target}`), ...s.files.map((f) => `./${f.path}:${f.target}:ro`)] }
      : {}),
    networks: [STACK_NETWORK],
    ...(s.dependsOn.length ? { depends_on: Object.fromEntries(s.dependsOn.map((d) => [d.service, { condition: d.condition }])) } : {}),
    ...(h
      ? {
          healthcheck: {
            test: h.test,
            interval: h.interval ?? HEALTH_DEFAULTS.interval,
            timeout: h.timeout ?? HEALTH_DEFAULTS.timeout,
            retries: h.retries ?? HEALTH_DEFAULTS.retries,
            ...(h.startPeriod ? { start_period: h.startPeriod } : {}),
          },
        }
      : {}),
    ...(s.limits || s.replicas
      ? {
          deploy: {
            ...(s.replicas ? { replicas: s.replicas } : {}),
            ...(s.limits ? { resources: { limits: { memory: s.limits.memory, cpus: String(s.limits.cpus) } } } : {}),
          },
        }
      : {}),
    security_opt: ['no-new-privileges:true'],
  };
}
