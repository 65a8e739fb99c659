import { z } from 'zod';
import { PROJECT_NAME } from '../../generate/compose/stack.js';
import { absolutePath, imageReference, objectName } from '../docker/schemas.js';

/** The strict shapes of what a request can put into a Compose command. */

const COMPOSE_CLIS = ['docker compose', 'docker-compose'] as const;
export type ComposeCli = (typeof COMPOSE_CLIS)[number];

function projectName(field: string) {
  const expected = `${field}: expected a Compose project name (lower-case letters, digits, "-" and "_", starting with a letter or digit)`;
  return z.string({ error: expected }).regex(PROJECT_NAME, expected);
}

/** Compose service names: what Compose accepts, without anything a shell would read. */
export function serviceName(field: string) {
  const expected = `${field}: expected a service name (letters, digits, "_", "." or "-")`;
  return z.string({ error: expected }).regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/, expected);
}

/** A host port or range as Compose publishes it: `6379`, `9000-9002`. */
function hostPorts(field: string) {
  const expected = `${field}: expected a host port or range such as 6379 or 9000-9002`;
  return z.string({ error: expected }).regex(/^\d{1,5}(-\d{1,5})?$/, expected);
}

function composeFileName(field: string) {
  const expected = `${field}: expected a Compose file name in the project directory, such as compose.yaml`;
  return z.string({ error: expected }).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$/, expected);
}

/**
 * What the services of a project are, learnt from `config` while planning or known from the
 * generated file: the run-time override needs it to map images and label volumes and networks.
 */
export const ProjectLayout = z.object({
  services: z.array(
    z.object({
      name: serviceName('layout.services[].name'),
      image: imageReference('layout.services[].image').optional(),
      /** Host ports it fixes (`6379`, or a range `9000-9002`): replicas cannot share them. */
      publishes: z.array(hostPorts('layout.services[].publishes[]')).optional(),
    }),
  ),
  volumes: z.array(objectName('layout.volumes[]', 'volume')),
  networks: z.array(objectName('layout.networks[]', 'network')),
  /** Why the project is riskier than a plain stack: privileged, host networking, the Docker socket. */
  concerns: z.array(z.string().max(300)).default([]),
});
export type ProjectLayout = z.infer<typeof ProjectLayout>;

/** Which project, where its compose file is, and (once detected) which CLI runs it. */
export const ProjectRef = z.object({
  project: projectName('project'),
  directory: absolutePath('directory'),
  file: composeFileName('file').default('compose.yaml'),
  /** Filled while planning, so the preview is the exact command; detected at run time otherwise. */
  cli: z.enum(COMPOSE_CLIS).optional(),
});
export type ProjectRef = z.infer<typeof ProjectRef>;

export { absolutePath, imageReference };
