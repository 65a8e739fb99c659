import type { ImageResolver } from '../core/context.js';

/**
 * Image settings: `redis: mirror.local/redis:7` maps every `redis` reference, and `postgres:16:
 * reign-test/postgres:15` maps one tag. An exact reference wins over a repository name.
 */
export function createImageResolver(mapping: Record<string, string>): ImageResolver {
  return {
    resolve(image) {
      if (mapping[image]) return mapping[image]!;
      const repository = repositoryOf(image);
      return mapping[repository] ?? image;
    },
  };
}

/** `redis:7` → `redis`; `registry:5000/team/app:1@sha256:…` → `registry:5000/team/app`. */
export function repositoryOf(image: string): string {
  const withoutDigest = image.split('@')[0]!;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return colon === -1 ? withoutDigest : withoutDigest.slice(0, colon);
}
