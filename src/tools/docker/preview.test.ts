import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { containerRecreate } from './container-recreate.js';
import { containerExec, containerLogs } from './container-io.js';
import { containerRemove, containerRun, containerStop } from './containers.js';
import { containerWaitHealthy } from './health.js';
import { imageBuild, imageList, imagePull, imagePush, imageTag } from './images.js';
import { labelledRemove } from './labelled.js';
import { networkConnect, networkCreate } from './networks.js';
import { volumeRemove } from './volumes.js';
import type { Action } from '../../core/action.js';
import { createImageResolver } from '../../clients/images.js';

/** The preview of a raw input, under image settings (none unless given). */
const previewOf = <I>(action: Action<I>, input: unknown, images: Record<string, string> = {}) =>
  action.preview(action.input.parse(input), { images: createImageResolver(images) });

describe('previews are the docker commands a person would type', () => {
  it('docker run with every option, publishing on 127.0.0.1 by default', () => {
    expect(
      previewOf(containerRun, {
        name: 'cache',
        image: 'redis:7',
        command: ['redis-server', '--save', ''],
        env: { B: 'two words', A: '1' },
        ports: [{ host: 6380, container: 6379 }, { host: 5353, container: 53, protocol: 'udp', hostIp: '0.0.0.0' }],
        volumes: [{ source: 'data', target: '/data' }, { source: '/srv/conf', target: '/etc/redis', readOnly: true }],
        network: 'backend',
        networkAliases: ['redis'],
        restart: 'unless-stopped',
        cpus: 0.5,
        memory: 268435456,
        user: '999:999',
        readOnly: true,
        labels: { app: 'shop' },
      }),
    ).toBe(
      'docker run --detach --name cache --publish 127.0.0.1:6380:6379 --publish 0.0.0.0:5353:53/udp ' +
        "--env A=1 --env 'B=two words' --mount type=volume,source=data,target=/data " +
        '--mount type=bind,source=/srv/conf,target=/etc/redis,readonly --network backend --network-alias redis ' +
        '--restart unless-stopped --cpus 0.5 --memory 268435456 --user 999:999 --read-only --label app=shop ' +
        "redis:7 redis-server --save ''",
    );
  });

  it('docker run with only a name and an image', () => {
    expect(previewOf(containerRun, { name: 'web', image: 'nginx' })).toBe('docker run --detach --name web nginx');
  });

  it('docker exec passes each argument as one quoted word', () => {
    expect(previewOf(containerExec, { name: 'cache', command: ['sh', '-c', 'echo "$HOME"; exit 3'], user: 'redis' })).toBe(
      `docker exec --user redis cache sh -c 'echo "$HOME"; exit 3'`,
    );
  });

  it('docker logs, stop, rm and volume rm', () => {
    expect(previewOf(containerLogs, { name: 'cache', follow: true })).toBe('docker logs --tail 100 --follow cache');
    expect(previewOf(containerStop, { name: 'cache', timeoutSeconds: 5 })).toBe('docker stop --time 5 cache');
    expect(previewOf(containerRemove, { name: 'cache', force: true })).toBe('docker rm --force cache');
    expect(previewOf(volumeRemove, { name: 'data' })).toBe('docker volume rm data');
  });

  it('docker build, pull and pull-if-missing', () => {
    expect(previewOf(imageBuild, { context: 'app', tag: 'shop/api:1', dockerfile: 'Dockerfile.prod', buildArgs: { NODE_ENV: 'production' } })).toBe(
      'docker build --tag shop/api:1 --file Dockerfile.prod --build-arg NODE_ENV=production app',
    );
    expect(previewOf(imagePull, { image: 'redis:7' })).toBe('docker pull redis:7');
    expect(previewOf(imagePull, { image: 'redis:7', ifMissing: true })).toBe(
      'docker image inspect redis:7 >/dev/null 2>&1 || docker pull redis:7',
    );
  });

  it('names the image the image settings map a reference to, in run, pull, push, tag and image ls', () => {
    const images = { nginx: 'mirror.internal/nginx:1.27', 'redis:7': 'mirror.internal/redis:7.2' };
    expect(previewOf(containerRun, { name: 'web', image: 'nginx:1.27' }, images)).toBe('docker run --detach --name web mirror.internal/nginx:1.27');
    expect(previewOf(imagePull, { image: 'redis:7', ifMissing: true }, images)).toBe(
      'docker image inspect mirror.internal/redis:7.2 >/dev/null 2>&1 || docker pull mirror.internal/redis:7.2',
    );
    expect(previewOf(imagePush, { image: 'nginx' }, images)).toBe('docker push mirror.internal/nginx:1.27');
    expect(previewOf(imageTag, { source: 'nginx', tag: 'shop/web:1' }, images)).toBe('docker tag mirror.internal/nginx:1.27 shop/web:1');
    expect(previewOf(imageList, { reference: 'redis:7' }, images)).toBe('docker image ls --filter reference=mirror.internal/redis:7.2');
    // Only the exact reference `redis:7` is mapped, and what a step writes (a tag's target) never is.
    expect(previewOf(containerRun, { name: 'cache', image: 'redis:6' }, images)).toBe('docker run --detach --name cache redis:6');
    expect(previewOf(imageTag, { source: 'redis:6', tag: 'nginx:1.27' }, images)).toBe('docker tag redis:6 nginx:1.27');
  });

  it('docker network create and connect', () => {
    expect(previewOf(networkCreate, { name: 'backend', internal: true, subnet: '172.30.0.0/24', labels: { app: 'shop' } })).toBe(
      'docker network create --internal --subnet 172.30.0.0/24 --label app=shop backend',
    );
    expect(previewOf(networkConnect, { network: 'backend', container: 'api', aliases: ['db'] })).toBe(
      'docker network connect --alias db backend api',
    );
  });

  it('wait-healthy as a shell loop over the health status, else the published port', () => {
    const noPort = previewOf(containerWaitHealthy, { name: 'cache', timeoutSeconds: 30 });
    expect(noPort).toMatch(/^timeout 30 sh -c 'until s=\$\(docker inspect --format /);
    expect(noPort).toContain('{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}');
    expect(noPort).toContain('nc -z 127.0.0.1 "$(docker port cache | head -n 1 | cut -d: -f2)"');
    // A command a person can paste: the shell reads it without a syntax error.
    expect(spawnSync('sh', ['-n', '-c', noPort]).status).toBe(0);
    expect(previewOf(containerWaitHealthy, { name: 'web', port: 80 })).toBe(
      `timeout 60 sh -c 'until nc -z 127.0.0.1 "$(docker port web 80/tcp | head -n 1 | cut -d: -f2)"; do sleep 1; done'`,
    );
  });

  it('removing by labels lists and removes exactly what carries the run and step labels', () => {
    expect(previewOf(labelledRemove, { runId: 'r-1', stepId: 's1' })).toBe(
      [
        'docker container ls --all --quiet --filter label=dev.reign.managed=true --filter label=dev.reign.run=r-1 --filter label=dev.reign.step=s1 | xargs -r docker container rm --force --volumes',
        'docker network ls --quiet --filter label=dev.reign.managed=true --filter label=dev.reign.run=r-1 --filter label=dev.reign.step=s1 | xargs -r docker network rm',
        'docker volume ls --quiet --filter label=dev.reign.managed=true --filter label=dev.reign.run=r-1 --filter label=dev.reign.step=s1 | xargs -r docker volume rm',
        'docker image ls --quiet --filter label=dev.reign.managed=true --filter label=dev.reign.run=r-1 --filter label=dev.reign.step=s1 | xargs -r docker image rm --force',
      ].join('; '),
    );
  });

  it('re-creating a container posts its captured configuration to the engine, then starts it', () => {
    expect(
      previewOf(containerRecreate, {
        name: 'cache',
        image: 'redis:7',
        imageId: `sha256:${'a'.repeat(64)}`,
        config: { Cmd: ["it's"] },
        networks: [{ name: 'backend', aliases: [] }, { name: 'front', aliases: ['c'] }],
        start: true,
      }),
    ).toBe(
      "curl --silent --fail --unix-socket /var/run/docker.sock --header 'Content-Type: application/json' " +
        `--data '{"Cmd":["it'\\''s"],"Image":"redis:7","NetworkingConfig":{"EndpointsConfig":{"backend":{"Aliases":[]}}}}' ` +
        "'http://localhost/containers/create?name=cache' && docker network connect --alias c front cache && docker start cache",
    );
  });
});
