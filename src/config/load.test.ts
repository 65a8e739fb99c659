import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load.js';

function dirs() {
  const home = mkdtempSync(join(tmpdir(), 'reign-home-'));
  const cwd = mkdtempSync(join(tmpdir(), 'reign-cwd-'));
  return { home, cwd };
}

describe('configuration', () => {
  it('uses defaults when there is no file', () => {
    const { config, files } = loadConfig(dirs());
    expect(files).toEqual([]);
    expect(config.role).toBe('admin');
    expect(config.policy.protected.environments).toEqual(['prod']);
  });

  it('merges the project file over the user file and concatenates rules', () => {
    const d = dirs();
    writeFileSync(join(d.home, 'config.yaml'), 'role: operator\nimages:\n  redis: mirror/redis:7\npolicy:\n  allow:\n    - command: "npm test*"\n');
    writeFileSync(join(d.cwd, 'reign.yaml'), 'images:\n  postgres: mirror/pg:16\npolicy:\n  deny:\n    - action: docker.container.remove\n      environment: prod\n');
    const { config, files } = loadConfig(d);
    expect(files).toHaveLength(2);
    expect(config.role).toBe('operator');
    expect(config.images).toEqual({ redis: 'mirror/redis:7', postgres: 'mirror/pg:16' });
    expect(config.policy.allow).toHaveLength(1);
    expect(config.policy.deny[0]).toMatchObject({ action: 'docker.container.remove', environment: 'prod' });
  });

  it('names the file, the path inside it and what was expected', () => {
    const d = dirs();
    writeFileSync(join(d.cwd, 'reign.yaml'), 'role: superuser\npolicy:\n  allow:\n    - comand: "npm test"\n');
    let message = '';
    try {
      loadConfig(d);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`${join(d.cwd, 'reign.yaml')}: role:`);
    expect(message).toMatch(/viewer|operator|admin/);
    expect(message).toContain('policy.allow.0');
    expect(message).toMatch(/comand/);
  });

  it('reports invalid YAML with its line', () => {
    const d = dirs();
    writeFileSync(join(d.home, 'config.yaml'), 'role: admin\nimages: [unclosed\n');
    expect(() => loadConfig(d)).toThrow(/config\.yaml:\d+:\d+: invalid YAML/);
  });
});
