import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_CATALOG } from '../../catalog/index.js';
import { describeSharedData, sharedFile } from '../../testing/shared-data.js';
import { writeStack } from '../../tools/compose/testing.js';
import { SHOP_MANIFESTS } from './fixtures.js';
import { composeDocument, composeFile, envFile, makefile, projectFiles, readme, resolveServices, secretNames, stackFromCatalog, stackFromManifests, type Stack } from './index.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const catalogStack = (project: string, services: string[]): Stack => {
  const { entries, unknown } = resolveServices(services);
  expect(unknown).toEqual([]);
  return stackFromCatalog(project, entries, Object.fromEntries(secretNames(entries).map((s) => [s, `secret-${s.toLowerCase()}`])));
};

const SCENARIOS: [string, () => Stack][] = [
  ['full-stack React + Node API + Postgres + Redis', () => catalogStack('shop', ['react', 'node', 'postgres', 'redis'])],
  ['monitoring stack', () => catalogStack('monitoring', ['prometheus', 'grafana'])],
  ['ELK', () => catalogStack('logs', ['elasticsearch', 'logstash', 'kibana'])],
  ['message queue for workers', () => catalogStack('queue', ['rabbitmq', 'python'])],
  ['Kubernetes manifests mirrored locally', () => stackFromManifests('shop-local', SHOP_MANIFESTS, (name) => `generated-${name.toLowerCase()}`)],
  ['every catalog service at once', () => catalogStack('everything', Object.keys(SERVICE_CATALOG))],
];

describeSharedData('generated Compose projects against the Compose specification', ['schemas'], () => {
  let validate: ReturnType<Ajv['compile']>;
  beforeAll(() => {
    // The file names draft-07 by its https address, which Ajv does not know; it is draft-07 all the same.
    const { $schema: _draft, ...schema } = JSON.parse(readFileSync(sharedFile('schemas', 'compose-spec.json'), 'utf8'));
    validate = addFormats(new Ajv({ strict: false, allErrors: true })).compile(schema);
  });

  for (const [name, make] of SCENARIOS) {
    it(`${name}: valid against ../shared/schemas/compose-spec.json`, () => {
      const document = parse(composeFile(make()));
      expect(validate(document), JSON.stringify(validate.errors, null, 2)).toBe(true);
    });
  }
});

describe('generated Compose projects', () => {
  for (const [name, make] of SCENARIOS) {
    it(`${name}: accepted by docker-compose config, with .env readable by its owner only`, () => {
      const stack = make();
      const directory = mkdtempSync(join(tmpdir(), 'reign-generate-'));
      writeStack(directory, stack);
      const config = spawnSync('docker-compose', ['-f', join(directory, 'compose.yaml'), 'config', '--quiet'], { cwd: directory, encoding: 'utf8' });
      expect(config.stderr).toBe('');
      expect(config.status).toBe(0);
      expect(statSync(join(directory, '.env')).mode & 0o777).toBe(0o600);
    });

    it(`${name}: local only, unprivileged, limited, healthy before dependants start, secrets only in .env`, () => {
      const stack = make();
      const text = composeFile(stack);
      const document = composeDocument(stack) as { services: Record<string, Record<string, any>>; networks: Record<string, unknown> };
      expect(Object.keys(document.networks)).toEqual(['stack']);
      for (const [service, s] of Object.entries(document.services)) {
        for (const port of s.ports ?? []) expect(port, service).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
        expect(s.privileged, service).toBeUndefined();
        expect(s.network_mode, service).toBeUndefined();
        expect(s.security_opt, service).toEqual(['no-new-privileges:true']);
        expect(s.networks, service).toEqual(['stack']);
        for (const dependency of Object.values(s.depends_on ?? {}) as { condition: string }[]) expect(['service_healthy', 'service_started']).toContain(dependency.condition);
      }
      for (const value of Object.values(stack.secrets).filter(Boolean)) expect(text).not.toContain(value);
      for (const [key, value] of Object.entries(stack.secrets)) expect(envFile(stack)).toContain(`${key}=${value}\n`);
    });
  }

  it('publishes each host port once, moving a clash to the next free port and saying so in the README', () => {
    const stack = catalogStack('clash', ['mysql', 'mariadb', 'nginx', 'keycloak', 'node', 'nextjs', 'grafana']);
    const hosts = stack.services.flatMap((s) => s.ports.map((p) => p.host));
    expect(new Set(hosts).size).toBe(hosts.length);
    expect(readme(stack)).toContain('mysql://app:${MARIADB_PASSWORD}@127.0.0.1:3307/app');
  });

  it('wires needs and connections: Grafana gets Prometheus as a provisioned data source, the API gets the databases, the front end the API', () => {
    const stack = catalogStack('wired', ['grafana', 'react', 'node', 'postgres', 'redis', 'loki']);
    const by = Object.fromEntries(stack.services.map((s) => [s.name, s]));
    expect(stack.services.map((s) => s.name)).toContain('prometheus');
    expect(by.grafana!.dependsOn).toEqual([{ service: 'prometheus', condition: 'service_healthy' }]);
    expect(by.grafana!.files.map((f) => f.target)).toEqual(['/etc/grafana/provisioning/datasources/prometheus.yaml', '/etc/grafana/provisioning/datasources/loki.yaml']);
    expect(by.node!.environment).toMatchObject({ DATABASE_URL: 'postgres://app:${POSTGRES_PASSWORD}@postgres:5432/app', REDIS_URL: 'redis://redis:6379/0' });
    expect(by.node!.dependsOn.map((d) => d.service)).toEqual(['postgres', 'redis']);
    expect(by.react!.dependsOn.map((d) => d.service)).toEqual(['node']);
    const files = projectFiles(stack).map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['compose.yaml', '.env', 'Makefile', 'README.md', 'node/Dockerfile', 'node/.dockerignore', 'react/Dockerfile', 'grafana/provisioning/datasources/prometheus.yaml']));
  });

  it('builds applications with multi-stage Dockerfiles that run as a non-root user and keep .env out of the image', () => {
    for (const entry of Object.values(SERVICE_CATALOG).filter((e) => e.build)) {
      const dockerfile = entry.build!.dockerfile;
      expect(dockerfile.match(/^FROM /gm)!.length, entry.name).toBeGreaterThanOrEqual(2);
      const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
      expect(/^USER (?!root)\S+/m.test(finalStage) || finalStage.includes('nginx-unprivileged'), entry.name).toBe(true);
      expect(entry.build!.dockerignore.split('\n'), entry.name).toContain('.env');
    }
  });

  it('writes a Makefile with up, down, logs, ps, backup and restore, using the catalog\'s backup for each service with data', () => {
    const text = makefile(catalogStack('mk', ['postgres', 'redis', 'grafana']));
    for (const target of ['up', 'down', 'logs', 'ps', 'backup', 'restore', 'backup-postgres', 'restore-redis', 'backup-grafana']) expect(text).toMatch(new RegExp(`^${target}:`, 'm'));
    expect(text).toContain('pg_dump -U "$$POSTGRES_USER"');
    expect(text).toContain('sha256sum --check');
    expect(text).toContain('docker run --rm -v mk_grafana-data:/volumes/grafana-data:ro');
    const make = spawnSync('make', ['-n', '-f', '-', 'backup-postgres'], { input: text, encoding: 'utf8' });
    expect(make.status, make.stderr).toBe(0);
    expect(make.stdout).toContain('pg_dump -U "$POSTGRES_USER"');
  });
});

describe('mirroring Kubernetes manifests', () => {
  const stack = stackFromManifests('shop-local', SHOP_MANIFESTS, (name) => `generated-${name.toLowerCase()}`);
  const by = Object.fromEntries(stack.services.map((s) => [s.name, s]));

  it('names services after the Services that select them, publishing their ports on 127.0.0.1', () => {
    expect(stack.services.map((s) => s.name)).toEqual(['api', 'db', 'worker']);
    expect(by.api!.ports).toEqual([{ host: 8080, container: 8080, purpose: 'Service api port 8080' }]);
    expect(by.db!.ports).toMatchObject([{ host: 5432, container: 5432 }]);
    expect(by.worker!.ports).toEqual([]);
  });

  it('keeps env values, turns Secret references into generated secrets and ConfigMap references into .env entries to fill', () => {
    expect(by.api!.environment).toEqual({ DATABASE_URL: 'postgres://shop@db:5432/shop', DB_PASSWORD: '${DB_PASSWORD}', LOG_LEVEL: '${LOG_LEVEL}' });
    expect(stack.secrets).toEqual({ DB_PASSWORD: 'generated-db_password', LOG_LEVEL: '', POSTGRES_PASSWORD: 'generated-postgres_password' });
    expect(stack.notes.join('\n')).toMatch(/LOG_LEVEL came from a ConfigMap/);
  });

  it('carries limits, probes, volumes, replicas and the order services start in', () => {
    expect(by.api!.limits).toEqual({ memory: '256M', cpus: 0.5 });
    expect(by.api!.healthcheck).toEqual({ test: ['CMD', '/app/healthcheck'], interval: '5s' });
    expect(by.api!.dependsOn).toEqual([{ service: 'db', condition: 'service_healthy' }]);
    // The database image is a catalog service: its health check comes from the catalog.
    expect(by.db!.healthcheck?.test[1]).toBe('pg_isready');
    expect(by.db!.volumes).toEqual([{ name: 'db-data', target: '/var/lib/postgresql/data' }]);
    expect(by.worker!.command).toEqual(['--queue', 'orders']);
    expect(by.worker!.replicas).toBe(3);
    expect(by.worker!.dependsOn).toEqual([{ service: 'api', condition: 'service_healthy' }]);
    expect(stack.notes.join('\n')).toMatch(/api: runs 1 replica instead of 2/);
    expect(stack.notes.join('\n')).toMatch(/not mirrored .*ConfigMap shop-config/);
  });

  it('refuses a malformed manifest, naming the file and the field', () => {
    const broken = { source: 'k8s/bad.yaml', text: 'kind: Deployment\nmetadata: { name: bad }\nspec:\n  template:\n    spec:\n      containers: []\n' };
    expect(() => stackFromManifests('bad', [broken], () => 'x')).toThrow(/k8s\/bad\.yaml: Deployment bad: spec\.template\.spec\.containers: /);
    expect(() => stackFromManifests('none', [{ source: 'k8s/cm.yaml', text: 'kind: ConfigMap\nmetadata: { name: c }\n' }], () => 'x')).toThrow(/no Deployment in k8s\/cm\.yaml/);
  });
});
