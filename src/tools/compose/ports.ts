import type { ProjectLayout } from './schemas.js';

/**
 * Host ports a service fixes, from its `config` ports: `6379`, or a range `9000-9002` Docker
 * picks one port from. v1 prints `127.0.0.1:6379:6379/tcp` or `{published, target}`, v2
 * `{published: "6379", host_ip, target}`. A port Docker chooses (`127.0.0.1::6379`, a bare
 * `6379`) fixes nothing, so it is left out.
 */
export function publishedHostPorts(ports: unknown): string[] {
  if (!Array.isArray(ports)) return [];
  return ports.flatMap((entry): string[] => {
    const published = typeof entry === 'string' ? hostPartOf(entry) : typeof entry === 'object' && entry ? (entry as { published?: unknown }).published : undefined;
    const text = typeof published === 'number' ? String(published) : typeof published === 'string' ? published.trim() : '';
    return /^\d{1,5}(-\d{1,5})?$/.test(text) ? [text] : [];
  });
}

/** `[ip:]host:container[/protocol]` → host; the container port is last, so split from the end. */
function hostPartOf(short: string): string | undefined {
  const parts = short.replace(/\/\w+$/, '').split(':');
  return parts.length >= 2 ? parts[parts.length - 2] : undefined;
}

/**
 * Why `replicas` containers of a service cannot all start: each needs host ports of its own, so
 * a fixed host port can serve one replica and a range as many as it has ports. Undefined when
 * they can, or when the layout does not say what the service publishes.
 */
export function replicaPortClash(layout: ProjectLayout, service: string, replicas: number): string | undefined {
  if (replicas <= 1) return undefined;
  const publishes = layout.services.find((s) => s.name === service)?.publishes ?? [];
  for (const port of publishes) {
    const [low, high = low] = port.split('-').map(Number) as [number, number?];
    const size = high - low + 1;
    if (size <= 1) return `cannot run ${replicas} of ${service}: it publishes host port ${port}, and each replica would need host port ${port}; publish a range or drop the host port`;
    if (size < replicas) return `cannot run ${replicas} of ${service}: it publishes host ports ${port}, ${size} ports for ${replicas} replicas that each need one; widen the range or drop the host port`;
  }
  return undefined;
}
