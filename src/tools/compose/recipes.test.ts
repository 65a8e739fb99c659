import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Interpretation } from '../../core/interpretation.js';
import { ActionRegistry } from '../../core/registry.js';
import { SHOP_MANIFESTS } from '../../generate/compose/fixtures.js';
import { allActions } from '../index.js';
import { writeStack, testProject } from './testing.js';
import { COMPOSE_RECIPES } from './recipes.js';
import { createFiles, createReadFiles } from '../../clients/files.js';
import type { Context } from '../../core/context.js';
import { fileWrite } from '../files/actions.js';
import { wordDetails } from '../../understand/index.js';
import { isMissing, type StepDraft } from '../../core/recipe.js';

const registry = new ActionRegistry(allActions());
const read = (text: string, fields: Partial<Interpretation>): Interpretation =>
  Interpretation.parse({ text, confidence: 0.9, question: null, entities: {}, domains: ['compose'], ...fields, details: { ...wordDetails(text), ...fields.details } });

/** Picks a recipe the way the rules brain does, builds it, and proves every step's input valid. */
function plan(i: Interpretation, dirs: { cwd?: string; outputDir: string }): StepDraft[] | string {
  const object = i.details.object ?? i.details.view;
  const verb = i.intent === 'update' ? i.details.verb : undefined;
  const recipe = COMPOSE_RECIPES.find((r) => r.intent === i.intent && (!r.object || r.object === object) && (!r.verb || r.verb === verb));
  if (!recipe) throw new Error(`no compose recipe for ${i.intent}`);
  const built = recipe.build(i, { cwd: dirs.cwd ?? dirs.outputDir, outputDir: dirs.outputDir, files: createReadFiles(dirs.cwd ?? dirs.outputDir) });
  if (isMissing(built)) return built.question;
  for (const step of built) registry.get(step.action).input.parse(step.input);
  return built;
}
const steps = (result: StepDraft[] | string): StepDraft[] => {
  if (typeof result === 'string') throw new Error(`expected steps, got the question: ${result}`);
  return result;
};
const emptyDir = () => mkdtempSync(join(tmpdir(), 'reign-recipe-'));

describe('compose recipes: creating a stack', () => {
  it('writes every file under the output directory, then starts the stack once they are all written', () => {
    const out = emptyDir();
    const p = steps(plan(read('set up postgres and redis for local dev', { intent: 'create', entities: { services: ['postgres', 'redis'] } }), { outputDir: out }));
    const writes = p.filter((s) => s.action === 'files.write');
    expect(writes.map((s) => (s.input as { path: string }).path)).toEqual([`${out}/compose.yaml`, `${out}/.env`, `${out}/Makefile`, `${out}/README.md`]);
    expect(writes.find((s) => s.id === 'write-env')!.input).toMatchObject({ mode: 0o600, content: expect.stringMatching(/^POSTGRES_PASSWORD=<generated>$/m) });
    const up = p.at(-1)!;
    expect(up).toMatchObject({ action: 'compose.up', dependsOn: writes.map((s) => s.id), input: { directory: out, file: 'compose.yaml', layout: { services: [{ name: 'postgres', image: 'postgres:16' }, { name: 'redis', image: 'redis:7' }], volumes: ['postgres-data', 'redis-data'], networks: ['stack'] } } });
    expect((up.input as { project: string }).project).toMatch(/^reign-recipe-/);
  });

  it('keeps the secrets of an existing .env, so a regenerated project still opens its volumes', async () => {
    const out = emptyDir();
    writeFileSync(join(out, '.env'), 'COMPOSE_PROJECT_NAME=kept\nPOSTGRES_PASSWORD=the-old-one\n');
    const p = steps(plan(read('set up postgres', { intent: 'create', entities: { services: ['postgres'] } }), { outputDir: out }));
    const write = p.find((s) => s.id === 'write-env')!;
    // The plan holds only the placeholder; the value is kept when the file is written.
    expect(JSON.stringify(p)).not.toContain('the-old-one');
    await fileWrite.run(fileWrite.input.parse(write.input), { files: createFiles(out), emit: () => {} } as unknown as Context);
    expect(readFileSync(join(out, '.env'), 'utf8')).toContain('POSTGRES_PASSWORD=the-old-one\n');
  });

  it('scaffolds a full-stack React + Node API + Postgres + Redis project and starts what can run before the code is there', () => {
    const out = emptyDir();
    const request = read('set up a React frontend, a Node.js API, PostgreSQL and Redis for local development', { intent: 'create', entities: { services: ['react', 'node', 'postgres', 'redis'] } });
    const p = steps(plan(request, { outputDir: out }));
    expect(p.map((s) => s.id)).toEqual(expect.arrayContaining(['write-node-dockerfile', 'write-node-dockerignore', 'write-react-dockerfile']));
    expect(p.at(-1)!.input).toMatchObject({ services: ['postgres', 'redis'] });
    mkdirSync(join(out, 'node'));
    writeFileSync(join(out, 'node', 'package.json'), '{}');
    expect(steps(plan(request, { outputDir: out })).at(-1)!.input).toMatchObject({ services: ['node', 'postgres', 'redis'] });
  });

  it('knows the stacks people ask for by name', () => {
    const cases: [string, Partial<Interpretation>, string[]][] = [
      ['give me a monitoring stack', {}, ['prometheus', 'grafana']],
      ['an ELK stack', { entities: { services: ['elasticsearch', 'logstash', 'kibana'] } }, ['elasticsearch', 'logstash', 'kibana']],
      ['a message queue for the workers', {}, ['rabbitmq']],
      ['grafana for the team', { entities: { services: ['grafana'] } }, ['grafana', 'prometheus']],
    ];
    for (const [text, fields, services] of cases) {
      const up = steps(plan(read(text, { intent: 'create', ...fields }), { outputDir: emptyDir() })).at(-1)!;
      expect((up.input as { layout: { services: { name: string }[] } }).layout.services.map((s) => s.name), text).toEqual(services);
    }
  });

  it('mirrors Kubernetes manifests named by path', () => {
    const cwd = emptyDir();
    mkdirSync(join(cwd, 'k8s'));
    for (const m of SHOP_MANIFESTS) writeFileSync(join(cwd, m.source), m.text);
    const out = join(cwd, 'local');
    const p = steps(plan(read('a local Compose environment that mirrors these Kubernetes manifests: k8s/api.yaml k8s/db.yaml', { intent: 'create', domains: ['compose', 'kubernetes'] }), { cwd, outputDir: out }));
    const compose = (p.find((s) => s.id === 'write-compose-yaml')!.input as { content: string }).content;
    expect(compose).toContain('image: ghcr.io/acme/shop-api:1.4.2');
    expect(compose).toContain('127.0.0.1:5432:5432');
    const byDirectory = steps(plan(read('mirror the manifests in ./k8s with compose', { intent: 'create' }), { cwd, outputDir: out }));
    expect(byDirectory.filter((s) => s.action === 'files.write').length).toBe(p.filter((s) => s.action === 'files.write').length);
    expect(plan(read('mirror my kubernetes manifests locally', { intent: 'create' }), { cwd, outputDir: out })).toMatch(/Which Kubernetes manifests/);
  });

  it('asks instead of guessing', () => {
    expect(plan(read('set up a stack', { intent: 'create' }), { outputDir: emptyDir() })).toMatch(/Which services should the stack have/);
    expect(plan(read('set up angular and redis', { intent: 'create', entities: { services: ['angular', 'redis'] } }), { outputDir: emptyDir() })).toMatch(/no stack template for angular/);
    expect(plan(read('show the stack', { intent: 'monitor' }), { outputDir: emptyDir() })).toMatch(/I found no compose file/);
  });
});

describe('compose recipes: an existing stack', () => {
  const { directory, stack } = testProject('shop', ['postgres', 'redis', 'grafana']);
  writeStack(directory, stack);
  const on = (text: string, fields: Partial<Interpretation>) => plan(read(text, fields), { outputDir: directory });
  const ref = { project: 'shop', directory, file: 'compose.yaml' };

  it('watches, restarts, scales, updates and takes it down', () => {
    expect(steps(on('show the stack', { intent: 'monitor' }))).toMatchObject([{ action: 'compose.ps', input: ref }]);
    expect(steps(on('follow the logs of redis', { intent: 'monitor', entities: { services: ['redis'] }, details: { follow: true, object: 'logs' } }))).toMatchObject([{ action: 'compose.logs', input: { ...ref, service: 'redis', follow: true } }]);
    expect(steps(on('restart redis', { intent: 'update', entities: { services: ['redis'] } }))).toMatchObject([{ action: 'compose.restart', input: { service: 'redis' } }]);
    expect(steps(on('scale redis to 3', { intent: 'scale', entities: { services: ['redis'], replicas: 3 } }))).toMatchObject([{ action: 'compose.scale', input: { service: 'redis', replicas: 3 } }]);
    expect(steps(on('update postgres to 17', { intent: 'update', entities: { services: ['postgres'], version: '17' } }))).toMatchObject([{ action: 'compose.update', input: { service: 'postgres', image: 'postgres:17' } }]);
    expect(steps(on('tear down the stack', { intent: 'destroy' }))).toMatchObject([{ action: 'compose.down', input: { removeVolumes: false } }]);
    expect(steps(on('tear down the stack and its volumes', { intent: 'destroy' }))).toMatchObject([{ action: 'compose.down', input: { removeVolumes: true } }]);
    expect(on('scale redis', { intent: 'scale', entities: { services: ['redis'] } })).toMatch(/How many containers of redis/);
  });

  it('backs up the database with its own tool, and everything with data otherwise', () => {
    expect(steps(on('back up the database', { intent: 'backup' }))).toMatchObject([{ action: 'compose.backup', input: { ...ref, service: 'postgres', using: 'postgres', into: `${directory}/backups` } }]);
    expect(steps(on('back up the stack', { intent: 'backup' })).map((s) => [s.id, (s.input as { using?: string }).using, (s.input as { volumes: string[] }).volumes])).toEqual([
      ['backup-postgres', 'postgres', ['postgres-data']],
      ['backup-redis', 'redis', ['redis-data']],
      ['backup-grafana', undefined, ['grafana-data']],
      ['backup-prometheus', undefined, ['prometheus-data']],
    ]);
  });

  it('restores yesterday\'s backup of postgres, or the newest one', () => {
    const backups = join(directory, 'backups');
    mkdirSync(backups, { recursive: true });
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    for (const name of [`shop-postgres-${day(0)}T090000Z-before-restore.sql`, `shop-postgres-${day(2)}T230000Z.sql`, `shop-postgres-${day(1)}T010000Z.sql`, `shop-postgres-${day(1)}T220000Z.sql`, `shop-postgres-${day(0)}T080000Z.sql`, `shop-redis-${day(0)}T080000Z.rdb`]) {
      writeFileSync(join(backups, name), 'x');
      writeFileSync(join(backups, `${name}.sha256`), 'x');
    }
    const restore = (text: string) => steps(on(text, { intent: 'restore', entities: { services: ['postgres'] } }))[0]!.input as { from: string };
    expect(restore('restore yesterday\'s backup of postgres').from).toBe(join(backups, `shop-postgres-${day(1)}T220000Z.sql`));
    expect(restore('restore the latest backup of postgres').from).toBe(join(backups, `shop-postgres-${day(0)}T080000Z.sql`));
    expect(on('restore the backup of grafana', { intent: 'restore', entities: { services: ['grafana'] } })).toMatch(/no backup of grafana/);
  });
});
