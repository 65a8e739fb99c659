import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeDocker } from '../src/tools/docker/testing.js';
import { docker, labelled, reign, sandbox } from './reign.js';

/**
 * Stacks from a sentence, end to end: `bin/reign` as a process, the real engine, the local test
 * images mapped through image settings, and docker-compose as this machine has it.
 */
const runIdOf = (text: string) => text.match(/\br-[a-z0-9]+-[0-9a-f]{6}\b/)?.[0];
const projects: { project: string; directory: string }[] = [];
function composeRun(p: { project: string; directory: string }, args: string[]) {
  const r = spawnSync('docker-compose', ['-p', p.project, '-f', join(p.directory, 'compose.yaml'), ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
afterAll(() => {
  for (const p of projects) if (existsSync(join(p.directory, 'compose.yaml'))) composeRun(p, ['down', '-v']);
});

describeDocker('compose stacks from a request', () => {
  it('"set up postgres and redis for local dev" brings both up healthy, answering pg_isready, psql and redis-cli ping', () => {
    const box = sandbox();
    const run = reign(['set up postgres and redis for local dev', '--yes'], box);
    const project = basename(box.cwd).toLowerCase();
    projects.push({ project, directory: box.cwd });
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);

    const stack = { project, directory: box.cwd };
    expect(composeRun(stack, ['exec', '-T', 'postgres', 'pg_isready', '-h', '127.0.0.1', '-U', 'app', '-d', 'app']).code).toBe(0);
    expect(composeRun(stack, ['exec', '-T', 'postgres', 'psql', '-U', 'app', '-d', 'app', '-tAc', 'SELECT 40 + 2']).stdout.trim()).toBe('42');
    expect(composeRun(stack, ['exec', '-T', 'redis', 'redis-cli', 'ping']).stdout.trim()).toBe('PONG');
    const health = docker(['ps', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Image}} {{.Status}}']).stdout.trim().split('\n').sort();
    expect(health).toEqual([expect.stringMatching(/^reign-test\/postgres:15 Up .*\(healthy\)$/), expect.stringMatching(/^reign-test\/redis:7 Up .*\(healthy\)$/)]);

    // The project a person keeps: its files, with the secrets in .env alone and never printed.
    expect(readdirSync(box.cwd).sort()).toEqual(['.compose.reign.yaml', '.env', 'Makefile', 'README.md', 'compose.yaml']);
    expect(statSync(join(box.cwd, '.env')).mode & 0o777).toBe(0o600);
    const password = spawnSync('sh', ['-c', `. ${join(box.cwd, '.env')} && printf %s "$POSTGRES_PASSWORD"`], { encoding: 'utf8' }).stdout;
    expect(password).toMatch(/^[a-f0-9]{32}$/);
    expect(run.stdout + run.stderr).not.toContain(password);
    const runId = runIdOf(run.stdout)!;
    expect(labelled('volume', runId).sort()).toEqual([`${project}_postgres-data`, `${project}_redis-data`]);

    const back = reign(['rollback', runId, '--yes'], box);
    expect(back.code, back.stderr).toBe(0);
    expect(labelled('container', runId)).toEqual([]);
    expect(labelled('volume', runId)).toEqual([]);
    expect(readdirSync(box.cwd)).toEqual([]);
  });

  it('a stack whose service never becomes healthy fails naming it, and nothing of the run remains', () => {
    const box = sandbox();
    const project = `sick-${basename(box.cwd).slice(-6).toLowerCase()}`;
    projects.push({ project, directory: box.cwd });
    const file = (name: string) => join(box.cwd, name);
    const plan = {
      id: 'p-sick', request: 'a stack with a service that never becomes healthy', createdAt: new Date().toISOString(),
      steps: [
        {
          id: 'write-compose', action: 'files.write', title: 'compose.yaml',
          input: {
            path: file('compose.yaml'),
            content: [
              'services:',
              '  cache:',
              '    image: redis:7',
              '    healthcheck: { test: ["CMD", "redis-cli", "ping"], interval: 1s }',
              '  db:',
              '    image: postgres:16',
              '    environment: { POSTGRES_PASSWORD: "${POSTGRES_PASSWORD}" }',
              '    volumes: ["db-data:/var/lib/postgresql/data"]',
              '    healthcheck: { test: ["CMD", "false"], interval: 1s, retries: 2 }',
              '  api:',
              '    image: redis:7',
              '    depends_on: { db: { condition: service_healthy } }',
              'volumes:',
              '  db-data: {}',
              '',
            ].join('\n'),
          },
        },
        { id: 'write-env', action: 'files.write', title: '.env', input: { path: file('.env'), content: 'POSTGRES_PASSWORD=not-shown\n', mode: 0o600 } },
        { id: 'up', action: 'compose.up', title: 'up', dependsOn: ['write-compose', 'write-env'], input: { project, directory: box.cwd, timeoutSeconds: 120 } },
      ],
    };
    writeFileSync(file('plan.json'), JSON.stringify(plan));
    const r = reign(['apply', 'plan.json', '--yes'], box);
    const runId = runIdOf(r.stdout + r.stderr)!;
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(5);
    expect(r.stdout + r.stderr).toMatch(/service db is unhealthy/);

    expect(docker(['ps', '-a', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Names}}']).stdout.trim()).toBe('');
    expect(docker(['volume', 'ls', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Name}}']).stdout.trim()).toBe('');
    expect(docker(['network', 'ls', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Name}}']).stdout.trim()).toBe('');
    expect(labelled('volume', runId)).toEqual([]);
    expect(readdirSync(box.cwd)).toEqual(['plan.json']);
    expect(JSON.parse(reign(['resources', '--json'], box).stdout)).toEqual([]);
  });
});
