import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReignError, UnreachableError } from '../../core/errors.js';
import { dockerClient } from './client.js';

const dir = mkdtempSync(join(tmpdir(), 'reign-reach-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a Docker client whose engine cannot be reached', () => {
  it('fails in one line naming the socket address when the socket is missing', async () => {
    const address = `unix://${join(dir, 'missing.sock')}`;
    const error = await dockerClient({ host: address }).listContainers().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreachableError);
    expect((error as Error).message).toBe(`cannot reach the Docker engine at ${address} — is dockerd running?`);
  });

  it('names a TCP address that refuses the connection', async () => {
    // Port 1 on loopback: nothing listens there.
    const error = await dockerClient({ host: 'tcp://127.0.0.1:1' }).ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnreachableError);
    expect((error as Error).message).toBe('cannot reach the Docker engine at tcp://127.0.0.1:1 — is dockerd running?');
  });

  it('once the engine has answered, losing it is an ordinary failure, since a step may be half done', async () => {
    const socket = join(dir, 'engine.sock');
    // A stand-in engine that answers every call with an empty list, then goes away. Closing each
    // connection makes the next call dial again, as it would after the engine restarts.
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json', connection: 'close' }).end('[]'));
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    const client = dockerClient({ host: `unix://${socket}` });
    expect(await client.listContainers()).toEqual([]);
    await new Promise((resolve) => server.close(resolve));

    const error = await client.listContainers().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReignError);
    expect(error).not.toBeInstanceOf(UnreachableError);
    expect((error as Error).message).toBe(`cannot reach the Docker engine at unix://${socket} — is dockerd running?`);
  });

  it('leaves the engine\'s own refusals as they are', async () => {
    const socket = join(dir, 'refusing.sock');
    const server = createServer((_req, res) => res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"No such container: web"}'));
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    const error = await dockerClient({ host: `unix://${socket}` }).getContainer('web').inspect().catch((e: unknown) => e);
    server.close();
    expect(error).not.toBeInstanceOf(ReignError);
    expect((error as { statusCode?: number }).statusCode).toBe(404);
  });
});
