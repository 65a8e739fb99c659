import type Docker from 'dockerode';
import { z } from 'zod';
import type { Action } from '../../core/action.js';
import { defineDomain } from '../../core/domain.js';
import { dockerClient } from './client.js';
import { containerIoActions } from './container-io.js';
import { containerRecreate } from './container-recreate.js';
import { containerLifecycleActions } from './containers.js';
import { containerWaitHealthy } from './health.js';
import { imageActions } from './images.js';
import { labelledRemove } from './labelled.js';
import { networkActions } from './networks.js';
import { dockerReader, type DockerReader } from './reader.js';
import { DOCKER_RECIPES } from './recipes.js';
import { volumeActions } from './volumes.js';

export const dockerActions: Action[] = [
  ...imageActions,
  ...containerLifecycleActions,
  containerRecreate,
  ...containerIoActions,
  containerWaitHealthy,
  ...networkActions,
  ...volumeActions,
  labelledRemove,
];

declare module '../../core/context.js' {
  interface DomainClients {
    docker: Docker;
  }
  interface PlanningClients {
    docker: DockerReader;
  }
}

/** Containers, images, networks and volumes on the engine at `docker.host` (else `DOCKER_HOST`, else the local socket). */
export const dockerDomain = defineDomain({
  name: 'docker',
  actions: dockerActions,
  recipes: DOCKER_RECIPES,
  config: z.object({ host: z.string().optional() }).strict(),
  clients: (section, env) => ({ docker: dockerClient({ host: section.host ?? env.DOCKER_HOST }) }),
  planning: (clients) => ({ docker: dockerReader(clients.docker) }),
  resources: ['docker.container', 'docker.network', 'docker.volume', 'docker.image'].map((kind) => ({ kind, vouched: true })),
});
