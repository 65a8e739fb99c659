/** Requests with one entity position each, as users phrase them: where a hostile value lands. */
export interface RequestShape {
  /** The position the value takes. */
  position: string;
  request(value: string): string;
}

export const REQUEST_SHAPES: readonly RequestShape[] = [
  { position: 'container name', request: (v) => `run nginx named ${v}` },
  { position: 'image', request: (v) => `run ${v} on port 8080` },
  { position: 'network', request: (v) => `run redis named cache on the network ${v}` },
  { position: 'network to create', request: (v) => `create a network called ${v}` },
  { position: 'volume', request: (v) => `create a volume called ${v}` },
  { position: 'port', request: (v) => `run nginx named web on port ${v}` },
  { position: 'container to read', request: (v) => `show the logs of the container ${v}` },
  { position: 'container to stop', request: (v) => `stop the container ${v}` },
  { position: 'build context', request: (v) => `build an image from ${v} tagged api:dev` },
  { position: 'image tag', request: (v) => `build an image from . tagged ${v}` },
  { position: 'password', request: (v) => `run postgres named db with password ${v}` },
  { position: 'memory', request: (v) => `run redis named cache with ${v} of memory` },
  { position: 'environment variable', request: (v) => `run nginx named web with env FOO=${v}` },
  { position: 'bind source', request: (v) => `run nginx named web and mount ${v} at /usr/share/nginx/html` },
  { position: 'terraform directory', request: (v) => `terraform plan in ${v}` },
  { position: 'second task', request: (v) => `run redis named cache and then stop ${v}` },
];

/** Unrelated requests a session may have made before: none may change how a later one is read. */
export const EARLIER_REQUESTS: readonly string[] = [
  'write a cron job that rotates nginx logs weekly and compresses them',
  'run redis named cache',
  'spin up postgres and redis for local dev',
  'show disk usage of /var/lib/docker',
  'scale the api to 6 in prod',
];
