import type { BackupMethod } from '../../catalog/service.js';
import type { StackService } from './stack.js';

/**
 * How each service of a stack is backed up: the catalog's database-aware method when it has
 * one, else an archive of its named volumes, else nothing (a stateless service).
 */
export type ServiceBackup = { service: string; method: BackupMethod } | { service: string; volumes: string[] };

export function backupOf(service: StackService): ServiceBackup | undefined {
  if (service.entry?.backup) return { service: service.name, method: service.entry.backup };
  if (service.volumes.length) return { service: service.name, volumes: service.volumes.map((v) => v.name) };
  return undefined;
}

/** The archive image for volume backups: any image with `tar`; image settings may map it. */
export const ARCHIVE_IMAGE = 'debian:bookworm-slim';
