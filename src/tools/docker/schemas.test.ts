import { describe, expect, it } from 'vitest';
import { containerExec } from './container-io.js';
import { containerRun } from './containers.js';
import { imageBuild, imagePull, imageTag } from './images.js';
import { networkCreate } from './networks.js';
import { volumeCreate } from './volumes.js';
import type { Action } from '../../core/action.js';

/** The messages of a rejected input, joined. */
function rejection(action: Action, input: unknown): string {
  const result = action.input.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return result.error.issues.map((issue) => issue.message).join('\n');
}

const run = (extra: Record<string, unknown>) => ({ name: 'cache', image: 'redis:7', ...extra });

describe('inputs from a request are checked against strict patterns', () => {
  it.each([
    'redis:7',
    'reign-test/redis:7',
    'localhost:5000/team/app:1.2',
    'registry.example.com/a/b_c__d-e:v1.0-rc',
    `app@sha256:${'0'.repeat(64)}`,
    `ghcr.io/org/app:1@sha256:${'f'.repeat(64)}`,
  ])('accepts the image reference %s', (image) => {
    expect(imagePull.input.safeParse({ image }).success).toBe(true);
  });

  it.each([
    'redis:7; rm -rf /',
    'redis$(id)',
    'redis`id`',
    'red is',
    'redis\n:7',
    'a/../b',
    'redis:1..2',
    'Redis:7',
    '-redis',
    'redis@sha256:short',
    '',
  ])('rejects the image reference %j, naming the field', (image) => {
    expect(rejection(imagePull, { image })).toMatch(/^image: /);
  });

  it.each(['my app', 'a;b', '$(x)', '-x', '.hidden', 'x'.repeat(129), 'a\nb'])(
    'rejects the container name %j, naming the field and the expected form',
    (name) => {
      expect(rejection(containerRun, run({ name }))).toContain('name: expected a container name (a letter or digit');
    },
  );

  it('rejects network and volume names that are not plain words', () => {
    expect(rejection(networkCreate, { name: 'net;rm' })).toContain('name: expected a network name');
    expect(rejection(volumeCreate, { name: '../data' })).toContain('name: expected a volume name');
    expect(rejection(containerRun, run({ network: 'x y' }))).toContain('network: expected a network name');
  });

  it('rejects ports outside 1-65535', () => {
    expect(rejection(containerRun, run({ ports: [{ host: 0, container: 80 }] }))).toContain('ports[].host: expected a port number from 1 to 65535');
    expect(rejection(containerRun, run({ ports: [{ host: 8080, container: 70000 }] }))).toContain('ports[].container: expected a port number');
    expect(rejection(containerRun, run({ ports: [{ host: 8080, container: 80, hostIp: 'all' }] }))).toContain('ports[].hostIp: expected an IPv4 address');
  });

  it('publishes on 127.0.0.1 unless the request says otherwise', () => {
    const input = containerRun.input.parse(run({ ports: [{ host: 8080, container: 80 }] }));
    expect(input.ports[0]?.hostIp).toBe('127.0.0.1');
  });

  it('rejects environment names and values that could break out of a variable', () => {
    expect(rejection(containerRun, run({ env: { 'A B': '1' } }))).toContain('env: variable names are letters, digits and "_"');
    expect(rejection(containerRun, run({ env: { '1A': '1' } }))).toContain('env: variable names');
    expect(rejection(containerRun, run({ env: { A: 'x\nB=2' } }))).toContain('env: values must be one line without NUL characters');
    expect(rejection(containerRun, run({ env: { A: 'x\0' } }))).toContain('env: values must be one line');
  });

  it('takes memory as bytes and CPUs as a number', () => {
    expect(rejection(containerRun, run({ memory: '512m' }))).toContain('memory: expected a whole number of bytes');
    expect(rejection(containerRun, run({ memory: 1024 }))).toContain('memory: expected a whole number of bytes, at least 6291456');
    expect(rejection(containerRun, run({ cpus: 0 }))).toContain('cpus: expected a number of CPUs');
  });

  it('rejects mounts that climb out of a path or are neither a volume nor an absolute path', () => {
    expect(rejection(containerRun, run({ volumes: [{ source: '/srv/../etc', target: '/data' }] }))).toContain('volumes[].source: expected a volume name or an absolute host path');
    expect(rejection(containerRun, run({ volumes: [{ source: './data', target: '/data' }] }))).toContain('volumes[].source');
    expect(rejection(containerRun, run({ volumes: [{ source: 'data', target: 'data' }] }))).toContain('volumes[].target: expected an absolute path');
  });

  it('rejects users, labels and build paths with shell characters', () => {
    expect(rejection(containerRun, run({ user: 'root;id' }))).toContain('user: expected a user or uid');
    expect(rejection(containerRun, run({ labels: { 'bad key': 'x' } }))).toContain('labels: keys are letters, digits');
    expect(rejection(containerRun, run({ labels: { app: 'a\nb' } }))).toContain('labels: values must be one line');
    expect(rejection(imageBuild, { context: '../outside', tag: 'x:1' })).toContain('context: expected a path');
    expect(rejection(imageBuild, { context: 'app', tag: 'x:1', dockerfile: 'a b' })).toContain('dockerfile: expected a path');
  });

  it('takes exec commands as an argument array, never one shell string', () => {
    expect(rejection(containerExec, { name: 'cache', command: 'redis-cli ping' })).toContain('command: expected an array of arguments');
    expect(rejection(containerExec, { name: 'cache', command: [] })).toContain('command: expected at least the program to run');
  });

  it('accepts an image id as the source of a tag, but not as the new tag', () => {
    const id = `sha256:${'a'.repeat(64)}`;
    expect(imageTag.input.safeParse({ source: id, tag: 'app:1' }).success).toBe(true);
    expect(rejection(imageTag, { source: 'app:1', tag: id })).toMatch(/^tag: /);
  });
});
