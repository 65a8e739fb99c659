import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { judgeAction } from '../../core/action.js';
import { UsageError } from '../../core/errors.js';
import { containerRun } from './containers.js';
import { dockerActions } from './index.js';
import { dockerClient } from './client.js';

/** Changes Docker cannot take back, each with the reason a reviewer is shown. */
const WITHOUT_UNDO: Record<string, string> = {
  'docker.image.push': 'a registry keeps what it was sent',
  'docker.image.remove': 'the image would have to be pulled or built again',
  'docker.container.restart': 'the container ends up running either way',
  'docker.container.exec': 'an arbitrary program cannot be un-run',
  'docker.volume.remove': 'the data is gone',
  'docker.labelled.remove': 'it is itself a compensation',
};

describe('the docker catalog', () => {
  it('names every action docker.<object>.<verb>, once', () => {
    const ids = dockerActions.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^docker\.[a-z]+\.[a-z-]+$/);
  });

  it('gives every change an undo, except the ones listed with their reason', () => {
    const changes = dockerActions.filter((a) => a.risk !== 'read');
    const withoutUndo = changes.filter((a) => !a.undo).map((a) => a.id).sort();
    expect(withoutUndo).toEqual(Object.keys(WITHOUT_UNDO).sort());
  });

  it('can undo an interrupted step of every action that creates something with labels', () => {
    const labelling = ['docker.image.build', 'docker.container.run', 'docker.container.recreate', 'docker.network.create', 'docker.volume.create'];
    for (const id of labelling) {
      const action = dockerActions.find((a) => a.id === id);
      expect(action?.undoInterrupted?.({}, { runId: 'r-1', stepId: 's1' })).toEqual({
        action: 'docker.labelled.remove',
        input: { runId: 'r-1', stepId: 's1' },
      });
    }
  });

  it('turns every input schema into JSON Schema for LLM tools and MCP', () => {
    for (const action of dockerActions) expect(z.toJSONSchema(action.input as z.ZodType, { io: 'input' })).toHaveProperty('type', 'object');
  });

  it('raises the risk of a run that mounts host control paths or publishes beyond localhost', () => {
    const assess = { judge: { judge: () => { throw new Error('docker actions must not need the shell judge'); } } };
    const judge = (input: unknown) => judgeAction(containerRun, containerRun.input.parse(input), assess);
    expect(judge({ name: 'web', image: 'nginx', ports: [{ host: 8080, container: 80 }] }).level).toBe('write');
    expect(judge({ name: 'web', image: 'nginx', ports: [{ host: 8080, container: 80, hostIp: '0.0.0.0' }] }).level).toBe('admin');
    expect(judge({ name: 'web', image: 'nginx', volumes: [{ source: '/srv/site', target: '/usr/share/nginx/html', readOnly: true }] }).level).toBe('write');
    expect(judge({ name: 'web', image: 'nginx', volumes: [{ source: '/srv/site', target: '/data' }] }).level).toBe('admin');
    const socket = judge({ name: 'ci', image: 'debian', volumes: [{ source: '/var/run/docker.sock', target: '/var/run/docker.sock', readOnly: true }] });
    expect(socket.level).toBe('dangerous');
    expect(socket.reasons).toContainEqual(expect.objectContaining({ part: '/var/run/docker.sock', rule: 'docker.container.mount-host-control' }));
  });
});

/** Where a client will connect; docker-modem keeps it on the instance but its types omit it. */
const modemOf = (options: { host?: string }) =>
  dockerClient(options).modem as unknown as { socketPath?: string; host?: string; port?: number | string; protocol?: string };

describe('dockerClient', () => {
  it('connects to the socket or address a DOCKER_HOST-style string names', () => {
    expect(modemOf({ host: 'unix:///run/user/1000/docker.sock' }).socketPath).toBe('/run/user/1000/docker.sock');
    const tcp = modemOf({ host: 'tcp://10.0.0.5:2375' });
    expect([tcp.host, String(tcp.port), tcp.protocol]).toEqual(['10.0.0.5', '2375', 'http']);
    expect(modemOf({}).socketPath).toBe('/var/run/docker.sock');
  });

  it('rejects an address it cannot use, saying which forms work', () => {
    for (const host of ['ssh://user@host', 'not an address']) {
      const error = (() => {
        try {
          dockerClient({ host });
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(error).toBeInstanceOf(UsageError);
      expect(error).toMatchObject({ message: expect.stringContaining(host), hint: 'use unix:///path/to/docker.sock or tcp://host:port' });
    }
  });
});
