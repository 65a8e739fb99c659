import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SERVICE_CATALOG } from '../src/catalog/index.js';
import { SERVICE_IMAGES } from '../src/catalog/images.js';
import { createSecretScanner } from '../src/safety/secrets/index.js';
import { describeDocker } from '../src/tools/docker/testing.js';
import { docker, REIGN, reign, sandbox, type Result } from './reign.js';

/** `reign …` without blocking the test process, so many plans can be made at once. */
function reignAsync(args: string[], box: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [REIGN, ...args], { cwd: box.cwd, env: box.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function inBatches<T, R>(items: T[], size: number, each: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(each))));
  return results;
}

const scanner = createSecretScanner();

/** Every string in a parsed JSON document: the file's text as the person reading it sees it. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

describe('saved plans hold no secret value', () => {
  const requests = [
    ...Object.keys(SERVICE_IMAGES).map((service) => ({ service, text: `run ${service} as a container`, secrets: SERVICE_IMAGES[service]!.secretEnv ?? [] })),
    ...Object.keys(SERVICE_CATALOG).map((service) => ({ service, text: `create a compose stack with ${service} for local dev`, secrets: SERVICE_CATALOG[service]!.secrets ?? [] })),
  ];

  it(`plans every catalog service with --out (${requests.length} plans), and the files hold placeholders where secrets go`, async () => {
    const box = sandbox();
    const problems = await inBatches(requests, 4, async ({ service, text, secrets }) => {
      const file = join(mkdtempSync(join(tmpdir(), 'reign-saved-')), 'plan.json');
      const run = await reignAsync(['plan', text, '--out', file, '--dir', mkdtempSync(join(tmpdir(), `reign-saved-${service}-`))], box);
      // A runtime with no image of its own (`go`) is asked about; a service with a secret must plan.
      if (run.code === 2 && secrets.length === 0 && /^Which (image|services)/m.test(run.stderr)) return undefined;
      if (run.code !== 0) return `${text}: exit ${run.code}: ${run.stderr.trim().split('\n').pop()}`;
      const saved = readFileSync(file, 'utf8');
      const found = stringsIn(JSON.parse(saved)).flatMap((text) => scanner.findSecrets(text).map((m) => `${m.rule} in ${JSON.stringify(text.slice(Math.max(0, m.start - 30), m.end))}`));
      if (found.length) return `${text}: the secret scanner found ${found.join(', ')}`;
      if (saved.includes('[REDACTED:')) return `${text}: a secret reached the plan and was only redacted on the way out`;
      const missing = secrets.filter((key) => !stringsIn(JSON.parse(saved)).some((text) => text.includes(`${key}=<generated>`)) && !saved.includes(`"${key}": "<generated>"`));
      if (missing.length) return `${text}: no placeholder for ${missing.join(', ')}`;
      return undefined;
    });
    expect(problems.filter(Boolean)).toEqual([]);
  }, 240_000);
});

const containers: string[] = [];
afterAll(() => {
  if (containers.length) docker(['rm', '-f', '-v', ...containers]);
});

describeDocker('a saved plan applied later', () => {
  it('starts a working PostgreSQL with a password made when the container starts, not one kept in the file', () => {
    const box = sandbox();
    const name = `db-${Date.now().toString(36)}`;
    const file = join(box.cwd, 'p.json');
    const planned = reign(['plan', `run postgres named ${name}`, '--out', file], box);
    expect(planned.code, planned.stderr).toBe(0);
    const saved = readFileSync(file, 'utf8');
    expect(saved).toContain('"POSTGRES_PASSWORD": "<generated>"');
    expect(planned.stderr).toContain('POSTGRES_PASSWORD=<generated>');

    const applied = reign(['apply', file, '--yes'], box);
    containers.push(name);
    expect(applied.code, `${applied.stdout}\n${applied.stderr}`).toBe(0);
    const env = docker(['inspect', '--format', '{{range .Config.Env}}{{println .}}{{end}}', name]).stdout;
    const password = /^POSTGRES_PASSWORD=(.*)$/m.exec(env)?.[1];
    expect(password).toMatch(/^[a-f0-9]{32}$/);
    expect(applied.stdout + applied.stderr).not.toContain(password!);
    let ready = docker(['exec', name, 'pg_isready', '-U', 'app']);
    for (let i = 0; i < 60 && ready.code !== 0; i++) {
      docker(['exec', name, 'sleep', '1']);
      ready = docker(['exec', name, 'pg_isready', '-U', 'app']);
    }
    expect(ready.code, ready.stdout + ready.stderr).toBe(0);
    const query = docker(['exec', '-e', `PGPASSWORD=${password}`, name, 'psql', '-h', '127.0.0.1', '-U', 'app', '-d', 'app', '-tAc', 'SELECT 40 + 2']);
    expect(query.stdout.trim(), query.stderr).toBe('42');
  }, 180_000);
});
