import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { reign, sandbox } from './reign.js';

/** A sandbox whose DOCKER_HOST names a socket that does not exist: the engine is not running. */
function withoutEngine() {
  const box = sandbox();
  const address = `unix:///tmp/nonexistent-${randomBytes(6).toString('hex')}.sock`;
  return { ...box, address, env: { ...box.env, DOCKER_HOST: address } };
}

describe('a run when the Docker engine is not running', () => {
  it('says so in one line, rolls back nothing that never started, exits 1 and records the run failed', () => {
    const box = withoutEngine();
    const r = reign(['create a network called dead-net, then run redis named dead-cache on it', '--yes'], box);
    const line = `cannot reach the Docker engine at ${box.address} — is dockerd running?`;
    expect(r.code, r.stderr).toBe(1);
    const said = r.stderr.split('\n').filter((l) => l.includes('cannot reach'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^✗ 1-create-dead-net \S+: /);
    expect(said[0]!.endsWith(`: ${line}`)).toBe(true);
    expect(r.stdout).toContain(`failed (step 1-create-dead-net failed: ${line})`);
    for (const noise of ['ENOENT', 'connect ', 'rolling back', 'undo of', 'rollback failed', '    at ']) {
      expect(r.stdout + r.stderr, noise).not.toContain(noise);
    }

    const runs = JSON.parse(reign(['runs', '--json'], box).stdout);
    expect(runs).toHaveLength(1);
    expect(runs[0].status).toBe('failed');
    const shown = JSON.parse(reign(['show', runs[0].id, '--json'], box).stdout);
    expect(shown.steps.map((s: { stepId: string; status: string; compensation?: unknown }) => [s.stepId, s.status, s.compensation ?? null])).toEqual([
      ['1-create-dead-net', 'failed', null], ['2-run-dead-cache', 'skipped', null], ['2-wait-dead-cache', 'skipped', null],
    ]);
  });

  it('reports the same line for a read-only request, with --json naming it as the run error', () => {
    const box = withoutEngine();
    const r = reign(['list running containers', '--json'], box);
    expect(r.code, r.stderr).toBe(1);
    const { run } = JSON.parse(r.stdout);
    expect(run.status).toBe('failed');
    expect(run.error).toBe(`step containers failed: cannot reach the Docker engine at ${box.address} — is dockerd running?`);
    expect(r.stderr).not.toContain('ENOENT');
  });
});
