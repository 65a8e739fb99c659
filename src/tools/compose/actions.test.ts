import { describe, expect, it } from 'vitest';
import { judgeAction, previewOf } from '../../core/action.js';
import { composeBackup, composeRestore } from './backup.js';
import { composeDown, composeUp } from './lifecycle.js';
import { composeScale } from './operate.js';

const assess = { judge: { judge: () => { throw new Error('compose actions do not judge shell text'); } } };
const ref = { project: 'shop', directory: '/srv/shop', cli: 'docker-compose' as const };

describe('compose actions as data', () => {
  it('previews the exact command, with the project, the files and Reign\'s override', () => {
    const up = composeUp.input.parse({ ...ref, services: ['postgres'] });
    expect(previewOf(composeUp, up)).toBe('docker-compose -p shop -f /srv/shop/compose.yaml -f /srv/shop/.compose.reign.yaml up -d postgres  # then wait until every service is healthy (300s at most)');
    expect(previewOf(composeScale, composeScale.input.parse({ ...ref, cli: 'docker compose', service: 'worker', replicas: 3 }))).toBe(
      'docker compose -p shop -f /srv/shop/compose.yaml -f /srv/shop/.compose.reign.yaml up -d --no-deps --no-recreate --scale worker=3 worker',
    );
  });

  it('takes risk from the effect: down is a write, down with volumes and restores are admin, a privileged project is admin', () => {
    expect(judgeAction(composeDown, composeDown.input.parse(ref), assess).level).toBe('write');
    expect(judgeAction(composeDown, composeDown.input.parse({ ...ref, removeVolumes: true }), assess).level).toBe('admin');
    expect(judgeAction(composeRestore, composeRestore.input.parse({ ...ref, service: 'postgres', using: 'postgres', from: '/srv/shop/backups/x.sql' }), assess).level).toBe('admin');
    expect(judgeAction(composeBackup, composeBackup.input.parse({ ...ref, service: 'postgres', using: 'postgres', into: '/srv/shop/backups' }), assess).level).toBe('write');
    const layout = { services: [{ name: 'agent' }], volumes: [], networks: ['default'], concerns: ['service agent mounts the Docker socket (root on the host)'] };
    expect(judgeAction(composeUp, composeUp.input.parse({ ...ref, layout }), assess)).toEqual({
      level: 'admin',
      reasons: [{ level: 'admin', rule: 'compose.up.effect', reason: 'service agent mounts the Docker socket (root on the host)' }],
    });
  });

  it('refuses names, paths and images a shell would read', () => {
    for (const bad of [{ ...ref, project: 'Shop;rm' }, { ...ref, directory: 'relative/dir' }, { ...ref, directory: '/srv/$(id)' }, { ...ref, file: '../compose.yaml' }]) {
      expect(composeUp.input.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(composeScale.input.safeParse({ ...ref, service: 'web;id', replicas: 1 }).success).toBe(false);
    expect(composeBackup.input.safeParse({ ...ref, service: 'db', using: 'sqlite', into: '/srv/b' }).success).toBe(false);
  });
});
