import { describe, expect, it } from 'vitest';
import { createImageResolver } from '../../clients/images.js';
import { ReignError } from '../../core/errors.js';
import { withPullHint } from './pull-failure.js';
import type { ProjectLayout } from './schemas.js';

const layout: ProjectLayout = {
  services: [
    { name: 'db', image: 'postgres:16' },
    { name: 'cache', image: 'redis:7' },
  ],
  volumes: [],
  networks: [],
  concerns: [],
};
const images = createImageResolver({ redis: 'mirror.local/redis:7' });
const failed = (text: string) => new ReignError('failure', `docker-compose -p app up -d exited with 1:\n${text}`);

describe('a Compose command whose image could not be pulled', () => {
  it('names the mapped image Compose was pulling and the setting that maps it', () => {
    const error = withPullHint(failed('Pulling cache (mirror.local/redis:7)...\nGet "https://mirror.local/v2/": dial tcp: lookup mirror.local: no such host'), layout, { images });
    expect((error as ReignError).hint).toBe('`images:` in reign.yaml or $REIGN_HOME/config.yaml maps redis:7 to mirror.local/redis:7: point it at an image this machine can pull or has built');
  });

  it('asks to map an unmapped image the engine was denied', () => {
    const error = withPullHint(failed('pull access denied for postgres, repository does not exist or may require docker login (postgres:16)'), layout, { images });
    expect((error as ReignError).hint).toMatch(/^map postgres to an image this machine can pull or has built, under `images:`/);
  });

  it('leaves other failures as they were', () => {
    const other = failed('Bind for 0.0.0.0:5432 failed: port is already allocated');
    expect(withPullHint(other, layout, { images })).toBe(other);
    const plain = new Error('boom');
    expect(withPullHint(plain, layout, { images })).toBe(plain);
  });
});
