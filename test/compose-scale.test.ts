import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeDocker } from '../src/tools/docker/testing.js';
import { freePortRange } from '../src/tools/compose/testing.js';
import { docker, labelled, reign, reignProcess, sandbox } from './reign.js';

/**
 * Scaling a Compose service end to end: `bin/reign` as a process, the real engine and
 * docker-compose. The containers a scale starts carry the scale run's labels, so a failed,
 * killed or rolled-back scale removes exactly those.
 */
const runIdOf = (text: string) => text.match(/\br-[a-z0-9]+-[0-9a-f]{6}\b/)?.[0];
const stacks: { project: string; directory: string }[] = [];
const blockers: string[] = [];
afterAll(() => {
  for (const s of stacks) {
    if (existsSync(join(s.directory, 'compose.yaml'))) spawnSync('docker-compose', ['-p', s.project, '-f', join(s.directory, 'compose.yaml'), 'down', '-v', '--remove-orphans'], { timeout: 120_000 });
  }
  for (const name of blockers) docker(['rm', '-f', name]);
});

const HEALTHY_FAST = '{ test: ["CMD", "redis-cli", "ping"], interval: 1s }';

/** A project of one redis service, brought up by `reign "deploy the stack"`; returns the deploy's run id. */
function deployedStack(ports: string[], healthcheck = HEALTHY_FAST) {
  const box = sandbox();
  const project = `scale-${basename(box.cwd).slice(-6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
  stacks.push({ project, directory: box.cwd });
  const write = (check: string) =>
    writeFileSync(join(box.cwd, 'compose.yaml'), ['services:', '  redis:', '    image: redis:7', ...(ports.length ? [`    ports: ${JSON.stringify(ports)}`] : []), `    healthcheck: ${check}`, ''].join('\n'));
  write(healthcheck);
  writeFileSync(join(box.cwd, '.env'), `COMPOSE_PROJECT_NAME=${project}\n`);
  const deploy = reign(['deploy the stack', '--yes'], box);
  expect(deploy.code, `${deploy.stdout}\n${deploy.stderr}`).toBe(0);
  return { box, project, setupRun: runIdOf(deploy.stdout)!, rewriteHealthcheck: write };
}

/** `<run label> <state>` of each container of the project's redis service, by replica number. */
function replicas(project: string): string[] {
  const r = docker(['ps', '-a', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Label "com.docker.compose.container-number"}} {{.Label "dev.reign.run"}} {{.State}}']);
  return r.stdout.trim().split('\n').filter(Boolean).sort().map((line) => line.split(' ').slice(1).join(' '));
}

describeDocker('scaling a compose service', () => {
  it('scales a service without a host port to 3, the new containers labelled with the scale run, and rollback of that run goes back to 1', () => {
    const { box, project, setupRun } = deployedStack([]);
    const scale = reign(['scale the redis service in the stack to 3', '--yes'], box);
    expect(scale.code, `${scale.stdout}\n${scale.stderr}`).toBe(0);
    const scaleRun = runIdOf(scale.stdout)!;
    expect(scaleRun).not.toBe(setupRun);
    // The first container is the deploy's; the two the scale started are the scale's.
    expect(replicas(project)).toEqual([`${setupRun} running`, `${scaleRun} running`, `${scaleRun} running`]);
    expect(labelled('container', scaleRun).sort()).toEqual([`${project}_redis_2`, `${project}_redis_3`]);

    const back = reign(['rollback', scaleRun, '--yes'], box);
    expect(back.code, `${back.stdout}\n${back.stderr}`).toBe(0);
    expect(replicas(project)).toEqual([`${setupRun} running`]);
    expect(labelled('container', scaleRun)).toEqual([]);
  });

  it('refuses to scale a service with a fixed host port: exit 2 naming the service, the port and why, and nothing starts', async () => {
    const port = await freePortRange(1);
    const { box, project, setupRun } = deployedStack([`127.0.0.1:${port}:6379`]);
    const scale = reign(['scale the redis service in the stack to 3', '--yes'], box);
    expect(scale.code, `${scale.stdout}\n${scale.stderr}`).toBe(2);
    expect(scale.stderr).toContain(`cannot run 3 of redis: it publishes host port ${port}, and each replica would need host port ${port}; publish a range or drop the host port`);
    expect(replicas(project)).toEqual([`${setupRun} running`]);
    expect(JSON.parse(reign(['runs', '--json'], box).stdout)).toHaveLength(1);

    const json = reign(['plan', 'scale the redis service in the stack to 3', '--json'], box);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout).error.message).toContain(`host port ${port}`);
  });

  it('a scale that fails mid-way removes the containers it started, and none is left in Created state', async () => {
    // Three host ports for three replicas, one of them held by a container that is not the stack's.
    const base = await freePortRange(3);
    const { box, project, setupRun } = deployedStack([`127.0.0.1:${base}-${base + 2}:6379`]);
    const blocker = `${project}-blocker`;
    blockers.push(blocker);
    expect(docker(['run', '-d', '--name', blocker, '-p', `127.0.0.1:${base + 1}:6379`, 'reign-test/redis:7']).code).toBe(0);

    const scale = reign(['scale the redis service in the stack to 3', '--yes'], box);
    expect(scale.code, `${scale.stdout}\n${scale.stderr}`).toBe(5);
    expect(scale.stdout + scale.stderr).toMatch(/port|allocated/);
    const scaleRun = runIdOf(scale.stdout + scale.stderr)!;
    expect(labelled('container', scaleRun)).toEqual([]);
    expect(docker(['ps', '-a', '--filter', `label=com.docker.compose.project=${project}`, '--filter', 'status=created', '--format', '{{.Names}}']).stdout.trim()).toBe('');
    expect(replicas(project)).toEqual([`${setupRun} running`]);
    // Only what the scale started was removed.
    expect(docker(['inspect', '--format', '{{.State.Status}}', blocker]).stdout.trim()).toBe('running');
  });

  it('reign rollback of a scale killed mid-way finds the containers it started by their labels and removes them', async () => {
    const { box, project, setupRun, rewriteHealthcheck } = deployedStack([]);
    // New replicas stay "starting" for minutes, so the scale is still waiting when it is killed.
    rewriteHealthcheck('{ test: ["CMD", "false"], interval: 1s, start_period: 300s }');
    const child = reignProcess(['scale the redis service in the stack to 3', '--yes'], box);
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the scale never started waiting:\n${stderr}`)), 120_000);
      child.stderr.on('data', (d) => {
        stderr += d;
        if (/redis: starting/.test(stderr)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const runs = JSON.parse(reign(['runs', '--json'], box).stdout);
    expect(runs[0].status).toBe('interrupted');
    const scaleRun = runs[0].id as string;
    expect(labelled('container', scaleRun).sort()).toEqual([`${project}_redis_2`, `${project}_redis_3`]);

    const back = reign(['rollback', scaleRun, '--yes'], box);
    expect(back.code, `${back.stdout}\n${back.stderr}`).toBe(0);
    expect(labelled('container', scaleRun)).toEqual([]);
    expect(replicas(project)).toEqual([`${setupRun} running`]);
  });
});
