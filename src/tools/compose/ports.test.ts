import { describe, expect, it } from 'vitest';
import { publishedHostPorts, replicaPortClash } from './ports.js';
import type { ProjectLayout } from './schemas.js';

describe('publishedHostPorts', () => {
  it('reads the host ports docker-compose 1.29 config prints, short and long syntax', () => {
    // As `docker-compose config` prints `ports: ["127.0.0.1:6379:6379", "8080:80", "9000-9002:9000",
    // "127.0.0.1::5000", "7000", "127.0.0.1:7100-7101:7100-7101/udp"]`.
    const v1 = [
      '127.0.0.1:6379:6379/tcp',
      { published: 8080, target: 80 },
      { published: '9000-9002', target: 9000 },
      '127.0.0.1::5000/tcp',
      { target: 7000 },
      '127.0.0.1:7100:7100/udp',
      '127.0.0.1:7101:7101/udp',
    ];
    expect(publishedHostPorts(v1)).toEqual(['6379', '8080', '9000-9002', '7100', '7101']);
  });

  it('reads the long syntax of the Compose v2 plugin, where published is a string', () => {
    expect(publishedHostPorts([{ mode: 'ingress', host_ip: '127.0.0.1', target: 6379, published: '6379', protocol: 'tcp' }, { target: 80 }])).toEqual(['6379']);
  });

  it('reads IPv6 host addresses and ignores what is not a port list', () => {
    expect(publishedHostPorts(['[::1]:6380:6379/tcp'])).toEqual(['6380']);
    expect(publishedHostPorts(undefined)).toEqual([]);
    expect(publishedHostPorts([{ published: '${PORT}' }, 42, null])).toEqual([]);
  });
});

describe('replicaPortClash', () => {
  const layout = (publishes?: string[]): ProjectLayout => ({ services: [{ name: 'redis', ...(publishes ? { publishes } : {}) }], volumes: [], networks: ['default'], concerns: [] });

  it('refuses more than one replica of a service with a fixed host port, naming the service and the port', () => {
    expect(replicaPortClash(layout(['6379']), 'redis', 3)).toBe(
      'cannot run 3 of redis: it publishes host port 6379, and each replica would need host port 6379; publish a range or drop the host port',
    );
  });

  it('refuses more replicas than a host port range has ports', () => {
    expect(replicaPortClash(layout(['9000-9001']), 'redis', 3)).toMatch(/publishes host ports 9000-9001, 2 ports for 3 replicas/);
  });

  it('allows one replica, a range wide enough, and ports Docker picks', () => {
    expect(replicaPortClash(layout(['6379']), 'redis', 1)).toBeUndefined();
    expect(replicaPortClash(layout(['6379']), 'redis', 0)).toBeUndefined();
    expect(replicaPortClash(layout(['9000-9002']), 'redis', 3)).toBeUndefined();
    expect(replicaPortClash(layout(), 'redis', 5)).toBeUndefined();
    expect(replicaPortClash(layout(['6379']), 'other', 5)).toBeUndefined();
  });
});
