import { createServer, type Server } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { describeDocker } from '../src/tools/docker/testing.js';
import { docker, labelled, reign, reignProcess, sandbox } from './reign.js';

const runIdOf = (text: string) => text.match(/\br-[a-z0-9]+-[0-9a-f]{6}\b/)?.[0];
const created: string[] = [];
afterAll(() => {
  for (const runId of created) {
    for (const c of labelled('container', runId)) docker(['rm', '-f', c]);
    for (const n of labelled('network', runId)) docker(['network', 'rm', n]);
    for (const v of labelled('volume', runId)) docker(['volume', 'rm', v]);
  }
});

/** Applies a plan with `bin/reign` and sends a signal once its progress matches `when`. */
async function interruptAt(box: ReturnType<typeof sandbox>, plan: object, when: RegExp, signal: NodeJS.Signals) {
  writeFileSync(join(box.cwd, 'plan.json'), JSON.stringify(plan));
  const child = reignProcess(['apply', 'plan.json', '--yes'], box);
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`never reached ${when}:\n${stderr}`)), 120_000);
    child.stderr.on('data', (d) => {
      stderr += d;
      if (when.test(stderr)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  child.kill(signal);
  // 'close', not 'exit': what it printed while stopping is read to the end.
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { code, stderr };
}

describeDocker('requests against the real engine', () => {
  it('runs redis named cache, lists it as a resource, and rollback leaves nothing behind', () => {
    const box = sandbox();
    const name = `cache-${process.pid}`;
    const run = reign([`run redis named ${name}`, '--yes'], box);
    expect(run.code, run.stderr).toBe(0);
    const runId = runIdOf(run.stdout)!;
    created.push(runId);
    expect(labelled('container', runId)).toEqual([name]);
    expect(docker(['exec', name, 'redis-cli', 'ping']).stdout.trim()).toBe('PONG');

    const resources = JSON.parse(reign(['resources', '--json'], box).stdout);
    expect(resources.map((r: { name: string }) => r.name)).toContain(name);

    const back = reign(['rollback', runId, '--yes'], box);
    expect(back.code, back.stderr).toBe(0);
    expect(labelled('container', runId)).toEqual([]);
    expect(JSON.parse(reign(['resources', '--json'], box).stdout)).toEqual([]);
    const shown = JSON.parse(reign(['show', runId, '--json'], box).stdout);
    expect(shown.status).toBe('rolled_back');
  });

  it('leaves no container, network or volume of a run whose third step fails', async () => {
    const box = sandbox();
    // Hold a port so the container's start fails after the engine created it.
    const server: Server = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const port = (server.address() as { port: number }).port;
    const id = `${process.pid}-${Date.now().toString(36)}`;
    const plan = {
      id: 'p-three', request: 'three steps, the last one fails', createdAt: new Date().toISOString(),
      steps: [
        { id: 'net', action: 'docker.network.create', title: 'network', input: { name: `net-${id}` } },
        { id: 'vol', action: 'docker.volume.create', title: 'volume', input: { name: `vol-${id}` } },
        {
          id: 'app', action: 'docker.container.run', title: 'container', dependsOn: ['net', 'vol'],
          input: { name: `app-${id}`, image: 'redis', network: `net-${id}`, volumes: [{ source: `vol-${id}`, target: '/data' }], ports: [{ host: port, container: 6379 }] },
        },
      ],
    };
    writeFileSync(join(box.cwd, 'plan.json'), JSON.stringify(plan));
    const r = reign(['apply', 'plan.json', '--yes'], box);
    server.close();
    const runId = runIdOf(r.stdout + r.stderr)!;
    created.push(runId);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toMatch(/app/);
    expect(labelled('container', runId)).toEqual([]);
    expect(labelled('network', runId)).toEqual([]);
    expect(labelled('volume', runId)).toEqual([]);
    expect(docker(['ps', '-a', '--filter', `name=app-${id}`, '--format', '{{.Names}}']).stdout.trim()).toBe('');
  });

  it('rolls back a run killed with SIGKILL mid-way', async () => {
    const box = sandbox();
    const id = `${process.pid}-${Date.now().toString(36)}`;
    const plan = {
      id: 'p-killed', request: 'killed mid-way', createdAt: new Date().toISOString(),
      steps: [
        { id: 'net', action: 'docker.network.create', title: 'network', input: { name: `knet-${id}` } },
        { id: 'cache', action: 'docker.container.run', title: 'cache', dependsOn: ['net'], input: { name: `kcache-${id}`, image: 'redis', network: `knet-${id}` } },
        { id: 'wait', action: 'shell.run', title: 'long step', dependsOn: ['cache'], input: { command: 'sleep 60' } },
      ],
    };
    // Kill it once the long step has started: the container and network exist by then.
    await interruptAt(box, plan, /\[3\/3\] wait/, 'SIGKILL');

    const runs = JSON.parse(reign(['runs', '--json'], box).stdout);
    expect(runs[0].status).toBe('interrupted');
    const runId = runs[0].id as string;
    created.push(runId);
    expect(labelled('container', runId)).toEqual([`kcache-${id}`]);

    const back = reign(['rollback', runId, '--yes'], box);
    expect(back.code, back.stderr).toBe(0);
    expect(labelled('container', runId)).toEqual([]);
    expect(labelled('network', runId)).toEqual([]);
  });

  it.each([
    ['Ctrl-C', 'SIGINT'],
    ['SIGTERM', 'SIGTERM'],
  ] as const)('stops cleanly on %s: cancels the running step, rolls back what completed, exits 130', async (_, signal) => {
    const box = sandbox();
    const id = `${process.pid}-${Date.now().toString(36)}`;
    const plan = {
      id: 'p-interrupted', request: 'interrupted mid-way', createdAt: new Date().toISOString(),
      steps: [
        { id: 'net', action: 'docker.network.create', title: 'network', input: { name: `inet-${id}` } },
        { id: 'cache', action: 'docker.container.run', title: 'cache', dependsOn: ['net'], input: { name: `icache-${id}`, image: 'redis', network: `inet-${id}` } },
        { id: 'wait', action: 'shell.run', title: 'long step', dependsOn: ['cache'], input: { command: 'sleep 60' } },
        { id: 'never', action: 'docker.volume.create', title: 'never runs', dependsOn: ['wait'], input: { name: `ivol-${id}` } },
      ],
    };
    const { code, stderr } = await interruptAt(box, plan, /\[3\/4\] wait/, signal);
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/stopping: rolling back what completed/);
    const runs = JSON.parse(reign(['runs', '--json'], box).stdout);
    created.push(runs[0].id);
    expect(runs[0].status).toBe('cancelled');
    expect(labelled('container', runs[0].id)).toEqual([]);
    expect(labelled('network', runs[0].id)).toEqual([]);
    expect(labelled('volume', runs[0].id)).toEqual([]);
    const shown = JSON.parse(reign(['show', runs[0].id, '--json'], box).stdout);
    expect(shown.steps.map((s: { stepId: string; status: string }) => [s.stepId, s.status])).toEqual([
      ['net', 'compensated'], ['cache', 'compensated'], ['wait', 'failed'], ['never', 'skipped'],
    ]);
  });

  it('fails audit verify naming the entry when the audit log is tampered with', () => {
    const box = sandbox();
    const run = reign(['list running containers'], box);
    expect(run.code, run.stderr).toBe(0);
    expect(reign(['audit', 'verify'], box).code).toBe(0);
    const db = new Database(join(box.home, 'reign.db'));
    const first = db.prepare('SELECT min(seq) AS seq FROM audit').get() as { seq: number };
    db.prepare('UPDATE audit SET actor = ? WHERE seq = ?').run('mallory', first.seq);
    db.close();
    const verify = reign(['audit', 'verify'], box);
    expect(verify.code).toBe(1);
    expect(verify.stdout + verify.stderr).toContain(`entry ${first.seq}`);
  });
});
