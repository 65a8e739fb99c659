import { describe, expect, it } from 'vitest';
import { createImageResolver, repositoryOf } from './images.js';

describe('image settings', () => {
  it('maps an exact reference before its repository, and leaves others alone', () => {
    const images = createImageResolver({ 'postgres:16': 'reign-test/postgres:15', redis: 'reign-test/redis:7' });
    expect(images.resolve('postgres:16')).toBe('reign-test/postgres:15');
    expect(images.resolve('postgres:15')).toBe('postgres:15');
    expect(images.resolve('redis:7.2')).toBe('reign-test/redis:7');
    expect(images.resolve('redis')).toBe('reign-test/redis:7');
    expect(images.resolve('nginx:1.27')).toBe('nginx:1.27');
  });

  it('finds the repository of references with registry ports and digests', () => {
    expect(repositoryOf('registry.local:5000/team/app:1.2')).toBe('registry.local:5000/team/app');
    expect(repositoryOf(`app@sha256:${'a'.repeat(64)}`)).toBe('app');
  });
});
