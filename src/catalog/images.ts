import { SERVICE_CATALOG } from './index.js';

/**
 * The image, port and required settings each service runs with as a single container, derived
 * from the service catalog so a service has one version everywhere. `secretEnv` names variables
 * that get a generated password.
 */
interface ServiceImage {
  image: string;
  port?: number;
  env?: Record<string, string>;
  secretEnv?: string[];
}

/** Services Reign runs as single containers but does not offer in stacks. */
const SINGLE_CONTAINER_ONLY: Record<string, ServiceImage> = {
  haproxy: { image: 'haproxy:2.9', port: 80 },
  consul: { image: 'hashicorp/consul:1.19', port: 8500 },
  jenkins: { image: 'jenkins/jenkins:lts', port: 8080 },
  sonarqube: { image: 'sonarqube:10-community', port: 9000 },
  wordpress: { image: 'wordpress:6', port: 80 },
};

/**
 * A catalog entry as one container: literal settings are kept, a setting that is exactly one of
 * the entry's secrets becomes a generated password, and one that refers to other services (a
 * connection string) is left out, since a single container has none.
 */
function singleContainer(entry: (typeof SERVICE_CATALOG)[string]): ServiceImage {
  const env: Record<string, string> = {};
  const secretEnv: string[] = [];
  for (const [key, value] of Object.entries(entry.environment ?? {})) {
    const secret = /^\$\{([A-Z0-9_]+)\}$/.exec(value)?.[1];
    if (secret && entry.secrets?.includes(secret)) secretEnv.push(key);
    else if (!value.includes('${')) env[key] = value;
  }
  return {
    image: entry.image,
    ...(entry.ports[0] ? { port: entry.ports[0].container } : {}),
    ...(Object.keys(env).length ? { env } : {}),
    ...(secretEnv.length ? { secretEnv } : {}),
  };
}

export const SERVICE_IMAGES: Record<string, ServiceImage> = {
  ...Object.fromEntries(Object.values(SERVICE_CATALOG).map((e) => [e.name, singleContainer(e)])),
  ...SINGLE_CONTAINER_ONLY,
};
