import { expect, it } from 'vitest';
import { parse } from '@cdktf/hcl2json';
import { checkReferences } from '../../generate/terraform/references.js';
import { describeDocker, useDockerTest } from '../docker/testing.js';
import { containerRun } from '../docker/containers.js';
import { networkCreate } from '../docker/networks.js';
import { volumeCreate } from '../docker/volumes.js';
import { dockerConvert } from './docker-convert.js';
import { prepareContext, tempDir, unformatted, writeFiles } from './testing.js';
import { dockerReader } from '../docker/reader.js';

const SLEEP = ['sh', '-c', 'trap "exit 0" TERM; sleep infinity & wait'];

describeDocker('running containers to Terraform (the docker provider cannot be downloaded here: checked by fmt, HCL parsing, references and the engine ids, never planned)', () => {
  const t = useDockerTest();

  it('writes a docker_container, docker_network and docker_volume per object in use, each imported by its real engine id', async () => {
    const id = t.ctx.runId.toLowerCase();
    const network = `tfnet-${id}`;
    const volume = `tfvol-${id}`;
    const name = `tfweb-${id}`;
    await networkCreate.run(networkCreate.input.parse({ name: network }), t.ctx);
    await volumeCreate.run(volumeCreate.input.parse({ name: volume }), t.step('s2'));
    await containerRun.run(
      containerRun.input.parse({ name, image: 'debian', command: SLEEP, network, env: { MODE: 'prod' }, volumes: [{ source: volume, target: '/data' }], ports: [{ host: 18_931, container: 80 }] }),
      t.step('s3'),
    );

    const dir = tempDir('convert');
    const input = await dockerConvert.prepare!(dockerConvert.input.parse({ dir }), { ...prepareContext(), docker: dockerReader(t.docker) });
    const generated = input.generated!;
    const container = await t.docker.getContainer(name).inspect();
    const net = await t.docker.getNetwork(network).inspect();

    expect(generated.containers).toContainEqual({ name, id: container.Id });
    expect(generated.networks).toContainEqual({ name: network, id: net.Id });
    expect(generated.volumes).toContain(volume);
    const hcl = await parse('docker.tf', generated.content);
    const imports = (hcl.import as { to: string; id: string }[]).map((i) => [i.to, i.id]);
    const resource = (type: string, engineName: string) => `\${${type}.${engineName.replace(/-/g, '_')}}`;
    expect(imports).toEqual(expect.arrayContaining([
      [resource('docker_container', name), container.Id],
      [resource('docker_network', network), net.Id],
      [resource('docker_volume', volume), volume],
    ]));
    const web = hcl.resource.docker_container[name.replace(/-/g, '_')][0];
    expect(web).toMatchObject({ name, image: container.Image, env: ['MODE=prod'], ports: [{ internal: 80, external: 18_931, ip: '127.0.0.1', protocol: 'tcp' }] });
    expect(checkReferences([hcl])).toEqual([]);

    const output = await dockerConvert.run(input, t.step('s4'));
    expect(output).toEqual({ path: `${dir}/docker.tf`, previous: undefined });
    expect(unformatted(writeFiles(dir, {}))).toEqual([]);
  });
});
