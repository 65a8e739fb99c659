import { repositoryOf } from '../clients/images.js';
import type { ServiceEntry } from './service.js';
import { APP_SERVICES } from './services/apps.js';
import { DATA_SERVICES } from './services/data.js';
import { EDGE_SERVICES } from './services/edge.js';
import { MESSAGING_SERVICES } from './services/messaging.js';
import { OBSERVABILITY_SERVICES } from './services/observability.js';
import { PLATFORM_SERVICES } from './services/platform.js';

/** Every service Reign can put in a stack, by name. */
export const SERVICE_CATALOG: Readonly<Record<string, ServiceEntry>> = Object.fromEntries(
  [...DATA_SERVICES, ...MESSAGING_SERVICES, ...EDGE_SERVICES, ...OBSERVABILITY_SERVICES, ...PLATFORM_SERVICES, ...APP_SERVICES].map((e) => [e.name, e]),
);

/** Other names for catalog services: frameworks run on their language's runtime. */
const SERVICE_ALIASES: Readonly<Record<string, string>> = {
  postgresql: 'postgres',
  mongo: 'mongodb',
  elastic: 'elasticsearch',
  express: 'node',
  nodejs: 'node',
  django: 'python',
  flask: 'python',
  fastapi: 'python',
  golang: 'go',
  spring: 'java',
  next: 'nextjs',
};

/** The entry for a service name or alias. */
export function catalogEntry(name: string): ServiceEntry | undefined {
  const key = name.toLowerCase();
  return SERVICE_CATALOG[SERVICE_ALIASES[key] ?? key];
}

/**
 * The entry whose image is the same repository as `image` (`postgres:15.4` → postgres), for
 * stacks Reign did not generate. Runtimes are left out: a `node` image says nothing about the app.
 */
export function catalogEntryForImage(image: string): ServiceEntry | undefined {
  const repository = repositoryOf(image);
  return Object.values(SERVICE_CATALOG).find((e) => !e.build && repositoryOf(e.image) === repository);
}
