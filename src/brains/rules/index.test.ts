import { describe, expect, it } from 'vitest';
import { Interpretation } from '../../core/interpretation.js';
import { ActionRegistry } from '../../core/registry.js';
import { createReadFiles } from '../../clients/files.js';
import { allActions, allRecipes } from '../../tools/index.js';
import { wordDetails } from '../../understand/index.js';
import { createRulesBrain } from './index.js';

const registry = new ActionRegistry(allActions());
const brain = createRulesBrain(registry, allRecipes());
const read = (text: string, fields: Partial<Interpretation>): Interpretation =>
  Interpretation.parse({ text, confidence: 0.9, question: null, entities: {}, domains: [], ...fields, details: { ...wordDetails(text), ...fields.details } });
/** Plans, and proves every step's input is valid for its action. */
const plan = async (...interpretations: Interpretation[]) => {
  const planned = (await brain.plan(interpretations.map((i) => i.text).join(', then '), { interpretations, cwd: '/tmp', outputDir: '/tmp', files: createReadFiles('/tmp') })).plan;
  for (const step of planned.steps) registry.get(step.action).input.parse(step.input);
  return planned;
};

describe('rules brain', () => {
  it('runs a service as a container with its published port and waits for it to be healthy', async () => {
    const p = await plan(read('run nginx on port 8080 named web', { intent: 'create', domains: ['docker'], entities: { services: ['nginx'], port: 8080, name: 'web' } }));
    expect(p.steps.map((s) => s.action)).toEqual(['docker.container.run', 'docker.container.wait-healthy']);
    expect(p.steps[0]!.input).toMatchObject({ name: 'web', image: 'nginx:1.27', ports: [{ host: 8080, container: 80 }] });
    expect(p.steps[1]!.dependsOn).toEqual(['run-web']);
  });

  it('carries the memory limit a request states', async () => {
    const p = await plan(read('start a redis container called cache with 256 MB of memory', { intent: 'create', domains: ['docker'], entities: { services: ['redis'], name: 'cache' }, details: { memoryBytes: 256 * 1024 * 1024 } }));
    expect(p.steps[0]!.input).toMatchObject({ name: 'cache', image: 'redis:7', memory: 268435456 });
  });

  it('acts on the object the understanding names: networks, images and logs apart from containers', async () => {
    const cases: [Partial<Interpretation> & { text: string }, string][] = [
      [{ text: 'create a network called backend', intent: 'create', domains: ['docker'], entities: { name: 'backend' }, details: { object: 'network' } }, 'docker.network.create'],
      [{ text: 'remove the backend network', intent: 'destroy', domains: ['docker'], entities: { name: 'backend' }, details: { object: 'network' } }, 'docker.network.remove'],
      [{ text: 'build an image from ./app tagged api:dev', intent: 'create', domains: ['docker'], entities: { image: 'api:dev' }, details: { path: './app', object: 'image' } }, 'docker.image.build'],
      [{ text: 'show the logs of web', intent: 'monitor', domains: ['docker'], entities: { name: 'web' }, details: { object: 'logs' } }, 'docker.container.logs'],
      [{ text: 'list running containers', intent: 'monitor', domains: ['docker'] }, 'docker.container.list'],
      [{ text: 'stop web', intent: 'update', domains: ['docker'], entities: { name: 'web' } }, 'docker.container.stop'],
      [{ text: 'restart web', intent: 'update', domains: ['docker'], entities: { name: 'web' } }, 'docker.container.restart'],
      [{ text: 'delete the web container', intent: 'destroy', domains: ['docker'], entities: { name: 'web' } }, 'docker.container.remove'],
    ];
    for (const [fields, action] of cases) {
      const p = await plan(read(fields.text, fields));
      expect(p.steps.map((s) => s.action), fields.text).toEqual([action]);
    }
  });

  it('acts on every name a request lists', async () => {
    const p = await plan(read('stop web and api', { intent: 'update', domains: ['docker'], entities: { name: ['web', 'api'] } }));
    expect(p.steps.map((s) => s.id)).toEqual(['stop-web', 'stop-api']);
  });

  it('answers machine questions with fixed commands, never pasting request text into them', async () => {
    const p = await plan(read('show me the top CPU-consuming processes; rm -rf /', { intent: 'monitor', domains: ['shell'] }));
    expect(p.steps[0]!.input).toEqual({ command: 'ps -eo pid,user,%cpu,%mem,comm --sort=-%cpu | head -n 11' });
    const disk = await plan(read('how much disk is free', { intent: 'monitor', domains: ['shell'] }));
    expect(disk.steps[0]!.input).toEqual({ command: 'df -h' });
  });

  it('runs a quoted command as given whatever the intent, and asks for one when none is quoted', async () => {
    const quoted = await plan(read('run "rm -rf ./build"', { intent: 'destroy', domains: ['shell'], details: { command: 'rm -rf ./build' } }));
    expect(quoted.steps.map((s) => [s.action, s.input])).toEqual([['shell.run', { command: 'rm -rf ./build' }]]);
    const unquoted = await plan(read('compress the logs folder', { intent: 'execute', domains: ['shell'] }));
    expect(unquoted.steps).toEqual([]);
    expect(unquoted.message).toMatch(/Which command should I run/);
  });

  it('chains the parts of a decomposed request in the order they were said', async () => {
    const p = await plan(
      read('create a network called backend', { intent: 'create', domains: ['docker'], entities: { name: 'backend' }, details: { object: 'network' } }),
      read('run redis named cache', { intent: 'create', domains: ['docker'], entities: { services: ['redis'], name: 'cache' }, details: { network: 'backend' } }),
    );
    expect(p.steps.map((s) => [s.id, s.dependsOn])).toEqual([
      ['1-create-backend', []],
      ['2-run-cache', ['1-create-backend']],
      ['2-wait-cache', ['2-run-cache']],
    ]);
  });

  it('plans nothing and asks when a needed name is missing', async () => {
    const p = await plan(read('stop it', { intent: 'update', domains: ['docker'] }));
    expect(p.steps).toEqual([]);
    expect(p.message).toMatch(/Which container should I stop/);
  });

  it('says what it can do for a request it has no recipe for, and plans nothing', async () => {
    const p = await plan(read('roll back the payments deploy in prod', { intent: 'rollback', domains: ['kubernetes'], entities: { name: 'payments', environments: ['prod'] } }));
    expect(p.steps).toEqual([]);
    expect(p.message).toMatch(/cannot plan that yet/);
    expect(p.message).toMatch(/I can:/);
  });
});

describe('what the rules brain offers instead', () => {
  it('lists the capabilities nearest to the request: same intent first, then the same tool', async () => {
    const p = await plan(read('back up the orders database in prod', { intent: 'backup', domains: ['kubernetes'], entities: { name: 'orders', environments: ['prod'] } }));
    const offered = p.message!.split('\n').filter((l) => l.startsWith('  - '));
    expect(offered[0]).toMatch(/back up/i);
    const restart = await plan(read('restart the api pods in staging', { intent: 'update', domains: ['kubernetes'], entities: { name: 'api', environments: ['staging'] }, details: { verb: 'restart' } }));
    expect(restart.message!.split('\n').filter((l) => l.startsWith('  - ')).slice(0, 2).join('\n')).toMatch(/restart|stop|start|change/i);
  });
});
