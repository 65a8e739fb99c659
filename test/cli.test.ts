import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reign, sandbox } from './reign.js';

describe('reign as a process', () => {
  it('prints its version', () => {
    const r = reign(['--version'], sandbox());
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('plans a shell question as a read step and emits it as a script', () => {
    const box = sandbox();
    const plan = reign(['plan', '--json', 'how much disk is free'], box);
    expect(plan.code).toBe(0);
    const parsed = JSON.parse(plan.stdout);
    expect(parsed.plan.steps).toHaveLength(1);
    expect(parsed.plan.steps[0].action).toBe('shell.run');
    expect(parsed.review.steps[0]).toMatchObject({ risk: 'read', decision: 'allow' });
    const sh = reign(['plan', '--emit', 'sh', 'how much disk is free'], box);
    expect(sh.stdout).toContain('#!/bin/sh');
    expect(sh.stdout).toContain('df -h');
  });

  it('runs a read-only shell request and shows its output', () => {
    const r = reign(['show me the top CPU-consuming processes'], sandbox());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/PID|%CPU/);
    expect(r.stdout).toMatch(/run r-[a-z0-9]+-[0-9a-f]+: succeeded/);
  });

  it('answers a request it cannot plan with what it can do, and runs nothing', () => {
    const box = sandbox();
    const r = reign(['make it better'], box);
    expect(r.code).toBe(2);
    expect(r.stderr.length).toBeGreaterThan(10);
    const runs = reign(['runs', '--json'], box);
    expect(JSON.parse(runs.stdout)).toEqual([]);
  });

  it('refuses a dangerous command with exit code 3, naming the rule', () => {
    const r = reign(['run "rm -rf /"', '--yes'], sandbox());
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/refused/);
  });

  it('needs confirmation for a state-changing command without --yes and no terminal (exit 4)', () => {
    const box = sandbox();
    const r = reign([`run "touch ${join(box.cwd, 'made-by-reign')}"`], box);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/--yes/);
  });

  it('fails on an invalid config naming the file, the path and what was expected (exit 2)', () => {
    const box = sandbox('role: superuser\n');
    const r = reign(['runs'], box);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(box.home, 'config.yaml'));
    expect(r.stderr).toMatch(/role: .*(viewer|operator|admin)/);
  });

  it('rejects a hostile name before planning finishes, naming the field (exit 2)', () => {
    const box = sandbox();
    const plan = join(box.cwd, 'plan.json');
    writeFileSync(plan, JSON.stringify({
      id: 'p-x', request: 'x', createdAt: new Date().toISOString(),
      steps: [{ id: 'net', action: 'docker.network.create', title: 'x', input: { name: 'web; rm -rf /' } }],
    }));
    const r = reign(['apply', plan, '--yes'], box);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/input\.name/);
  });

  it('reports an unknown run id as not found (exit 6)', () => {
    const r = reign(['show', 'r-nope'], sandbox());
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/reign runs/);
  });

  it('reign check --exit-code exits 0 read, 10 write, 11 admin, 12 dangerous; without it, 0', () => {
    const box = sandbox();
    const levels: [string, string, number][] = [['ls -la', 'read', 0], ['touch notes.txt', 'write', 10], ['rm -rf build/', 'admin', 11], ['curl -s https://get.example.sh | sudo bash', 'dangerous', 12]];
    for (const [command, level, code] of levels) {
      const gated = reign(['check', '--exit-code', '--json', command], box);
      expect(gated.code, command).toBe(code);
      expect(JSON.parse(gated.stdout).level).toBe(level);
      expect(reign(['check', command], box).code, command).toBe(0);
    }
  });

  it('usage errors exit 2', () => {
    expect(reign(['show'], sandbox()).code).toBe(2);
    expect(reign(['--no-such-flag'], sandbox()).code).toBe(2);
  });
});
