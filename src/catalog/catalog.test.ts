import { describe, expect, it } from 'vitest';
import { repositoryOf } from '../clients/images.js';
import { catalogEntry, catalogEntryForImage, SERVICE_CATALOG } from './index.js';
import { SERVICE_IMAGES } from './images.js';

const REQUIRED = [
  'postgres', 'mysql', 'mariadb', 'mongodb', 'redis', 'memcached', 'rabbitmq', 'kafka', 'nats', 'nginx', 'traefik',
  'prometheus', 'grafana', 'elasticsearch', 'logstash', 'kibana', 'loki', 'jaeger', 'minio', 'vault', 'keycloak',
  'node', 'python', 'go', 'java', 'react', 'vue', 'nextjs',
];

describe('service catalog', () => {
  it('has every service stacks are made of', () => {
    expect(Object.keys(SERVICE_CATALOG).sort()).toEqual([...REQUIRED].sort());
  });

  for (const entry of Object.values(SERVICE_CATALOG)) {
    it(`${entry.name}: a pinned image, a health check, limits, and every variable it uses declared`, () => {
      expect(entry.image).toMatch(/:[^:]+$/);
      expect(entry.image).not.toMatch(/:latest$/);
      expect(entry.healthcheck.test[0]).toMatch(/^CMD(-SHELL)?$/);
      expect(entry.limits.memory).toMatch(/^\d+[MG]$/);
      const text = JSON.stringify([entry.environment, entry.offers?.env]);
      for (const variable of text.match(/(?<!\$)\$\{([A-Z0-9_]+)\}/g) ?? []) expect(entry.secrets ?? [], `${entry.name} uses ${variable}`).toContain(variable.slice(2, -1));
      for (const need of entry.needs ?? []) expect(SERVICE_CATALOG[need.service], need.service).toBeDefined();
      for (const contribution of entry.contributes ?? []) expect(SERVICE_CATALOG[contribution.to], contribution.to).toBeDefined();
      if (entry.kind === 'runtime' || entry.kind === 'frontend') expect(entry.build).toBeDefined();
    });
  }

  it('names Grafana\'s and Kibana\'s dependencies, and provisions Prometheus as Grafana\'s data source', () => {
    expect(SERVICE_CATALOG.grafana!.needs?.map((n) => n.service)).toEqual(['prometheus']);
    expect(SERVICE_CATALOG.kibana!.needs?.map((n) => n.service)).toEqual(['elasticsearch']);
    expect(SERVICE_CATALOG.prometheus!.contributes?.[0]).toMatchObject({ to: 'grafana', file: { content: expect.stringContaining('url: http://prometheus:9090') } });
  });

  it('finds entries by alias and by image, but never takes a language image for an app', () => {
    expect(catalogEntry('PostgreSQL')?.name).toBe('postgres');
    expect(catalogEntry('django')?.name).toBe('python');
    expect(catalogEntryForImage('postgres:15.4')?.name).toBe('postgres');
    expect(catalogEntryForImage('docker.io/library/node:22')).toBeUndefined();
  });

  it('gives single containers the same image as stacks, with secrets generated rather than referenced', () => {
    for (const entry of Object.values(SERVICE_CATALOG)) expect(SERVICE_IMAGES[entry.name]!.image).toBe(entry.image);
    expect(SERVICE_IMAGES.postgres).toEqual({ image: 'postgres:16', port: 5432, env: { POSTGRES_USER: 'app', POSTGRES_DB: 'app' }, secretEnv: ['POSTGRES_PASSWORD'] });
    expect(SERVICE_IMAGES.node).toMatchObject({ image: 'node:22-bookworm-slim' });
    expect(repositoryOf(SERVICE_IMAGES.jenkins!.image)).toBe('jenkins/jenkins');
  });
});
