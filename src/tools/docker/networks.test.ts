import { expect, it } from 'vitest';
import { LABELS } from '../../core/run.js';
import { containerExec } from './container-io.js';
import { containerRun } from './containers.js';
import { isNotFound } from './engine.js';
import { containerWaitHealthy } from './health.js';
import { networkConnect, networkCreate, networkDisconnect, networkList, networkRemove } from './networks.js';
import { describeDocker, perform, performStep, useDockerTest } from './testing.js';

const SLEEP = ['sh', '-c', 'trap "exit 0" TERM; sleep infinity & wait'];

describeDocker('docker networks', () => {
  const t = useDockerTest();
  const nameFor = (what: string) => `${what}-${t.ctx.runId}`;
  const networkGone = (name: string) => t.docker.getNetwork(name).inspect().then(() => false, (error: unknown) => isNotFound(error));

  it('lets a second container on a Reign network reach Redis by name: redis-cli ping answers PONG', async () => {
    const network = nameFor('backend');
    const cache = nameFor('cache');
    await perform(networkCreate, { name: network }, t.ctx);
    await perform(containerRun, { name: cache, image: 'redis', network }, t.step('s2'));
    await perform(containerWaitHealthy, { name: cache, timeoutSeconds: 60 }, t.step('s3'));
    const client = nameFor('client');
    await perform(containerRun, { name: client, image: 'redis', command: SLEEP, network }, t.step('s4'));

    const ping = await perform(containerExec, { name: client, command: ['redis-cli', '-h', cache, 'ping'] }, t.step('s5'));

    expect(ping).toMatchObject({ exitCode: 0, stdout: 'PONG\n' });
    const info = await t.docker.getNetwork(network).inspect();
    expect(info.Labels).toMatchObject({ [LABELS.managed]: 'true', [LABELS.run]: t.ctx.runId, [LABELS.step]: 's1' });
  });

  it('undoes a network create by removing it', async () => {
    const name = nameFor('created');
    const input = networkCreate.input.parse({ name, labels: { app: 'shop' } });
    const output = await networkCreate.run(input, t.ctx);
    expect(networkCreate.creates?.(input, output)).toEqual([{ kind: 'docker.network', id: output.id, name }]);
    expect(await perform(networkList, { labels: { app: 'shop', [LABELS.run]: t.ctx.runId } }, t.ctx)).toHaveLength(1);

    await performStep(networkCreate.undo?.(input, output), t.step('undo'));

    expect(await networkGone(name)).toBe(true);
  });

  it('refuses to create a second network with a name already taken', async () => {
    const name = nameFor('twice');
    await perform(networkCreate, { name }, t.ctx);
    await expect(perform(networkCreate, { name }, t.step('s2'))).rejects.toThrow(`create network ${name}: network with name ${name} already exists`);
  });

  it('undoes a connect by disconnecting, and a disconnect by connecting again with the same aliases', async () => {
    const network = nameFor('attach');
    const box = nameFor('box');
    await perform(networkCreate, { name: network }, t.ctx);
    await perform(containerRun, { name: box, image: 'debian', command: SLEEP }, t.ctx);
    const attached = async () => (await t.docker.getContainer(box).inspect()).NetworkSettings.Networks[network];

    const connectInput = networkConnect.input.parse({ network, container: box, aliases: ['db'] });
    const connected = await networkConnect.run(connectInput, t.ctx);
    expect((await attached())?.Aliases).toContain('db');
    await performStep(networkConnect.undo?.(connectInput, connected), t.step('undo'));
    expect(await attached()).toBeUndefined();

    await perform(networkConnect, { network, container: box, aliases: ['db'] }, t.ctx);
    const disconnectInput = networkDisconnect.input.parse({ network, container: box });
    const disconnected = await networkDisconnect.run(disconnectInput, t.ctx);
    expect(await attached()).toBeUndefined();
    await performStep(networkDisconnect.undo?.(disconnectInput, disconnected), t.step('undo'));
    expect((await attached())?.Aliases).toContain('db');
  });

  it('undoes a network remove by re-creating it with its driver, subnet and labels', async () => {
    const name = nameFor('removed');
    // The engine picks the subnet from its own pool, so no other network can already hold it.
    await perform(networkCreate, { name, internal: true, labels: { app: 'shop' } }, t.ctx);
    const assigned = (await t.docker.getNetwork(name).inspect()).IPAM?.Config?.[0]?.Subnet;
    expect(assigned).toMatch(/^\d+\.\d+\.\d+\.\d+\/\d+$/);

    const input = networkRemove.input.parse({ name });
    const removed = await networkRemove.run(input, t.ctx);
    expect(await networkGone(name)).toBe(true);
    await performStep(networkRemove.undo?.(input, removed), t.step('undo'));

    const info = await t.docker.getNetwork(name).inspect();
    expect(info.Internal).toBe(true);
    expect(info.IPAM?.Config?.[0]?.Subnet).toBe(assigned);
    expect(info.Labels).toMatchObject({ app: 'shop', [LABELS.run]: t.ctx.runId, [LABELS.step]: 'undo' });
  });
});
