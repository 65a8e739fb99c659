import { parse } from 'yaml';
import { catalogEntryForImage, catalogEntry } from '../../catalog/index.js';
import type { ServiceEntry } from '../../catalog/service.js';

/** A service of a compose file Reign reads (its own or a person's), with the catalog entry it is. */
export interface ExistingService {
  name: string;
  image?: string;
  /** Named volumes it mounts (not bind mounts). */
  volumes: string[];
  entry?: ServiceEntry;
}

/** The services of a compose file's text; pure, so planning can read a project without running anything. */
export function servicesOfComposeFile(text: string): ExistingService[] {
  const document = (parse(text) ?? {}) as { services?: Record<string, { image?: unknown; volumes?: unknown[] } | null>; volumes?: Record<string, unknown> };
  const named = new Set(Object.keys(document.volumes ?? {}));
  return Object.entries(document.services ?? {}).map(([name, service]) => {
    const image = typeof service?.image === 'string' ? service.image : undefined;
    const volumes = (service?.volumes ?? [])
      .map((v) => (typeof v === 'string' ? v.split(':')[0]! : typeof v === 'object' && v && 'source' in v ? String(v.source) : ''))
      .filter((source) => named.has(source));
    const entry = image ? catalogEntryForImage(image) : catalogEntry(name);
    return { name, ...(image ? { image } : {}), volumes, ...(entry && !entry.build ? { entry } : {}) };
  });
}
