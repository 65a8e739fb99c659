import type { ServiceEntry } from '../service.js';

/** Web servers and reverse proxies. */
export const EDGE_SERVICES: ServiceEntry[] = [
  {
    name: 'nginx',
    title: 'nginx',
    kind: 'proxy',
    image: 'nginx:1.27',
    ports: [{ container: 80, host: 8080, purpose: 'HTTP', http: true }],
    // A TCP connect through bash: the official image and Debian's nginx both have bash, not
    // always curl.
    healthcheck: { test: ['CMD', 'bash', '-c', 'exec 3<>/dev/tcp/127.0.0.1/80'] },
    limits: { memory: '128M', cpus: 0.5 },
    user: { runsAs: 'root master, nginx workers (the image default, needed to bind port 80)' },
    offers: { env: { PROXY_URL: 'http://nginx:80' }, local: 'http://localhost:8080' },
  },
  {
    name: 'traefik',
    title: 'Traefik',
    kind: 'proxy',
    image: 'traefik:v3.1',
    ports: [
      { container: 80, host: 8081, purpose: 'HTTP entry point', http: true },
      { container: 8080, host: 8082, purpose: 'dashboard', http: true },
    ],
    // Routes come from a file, not the Docker socket: mounting the socket would hand the proxy
    // root on this machine.
    command: [
      'traefik', '--entrypoints.web.address=:80', '--api.dashboard=true', '--api.insecure=true',
      '--ping=true', '--providers.file.directory=/etc/traefik/dynamic', '--providers.file.watch=true',
    ],
    files: [{
      path: 'traefik/dynamic/routes.yaml',
      target: '/etc/traefik/dynamic/routes.yaml',
      content: [
        '# Routes Traefik serves; edit and save, Traefik reloads this file.',
        '# Example: send http://localhost:8081/api to a service named api on port 3000.',
        '# http:',
        '#   routers:',
        '#     api:',
        '#       rule: PathPrefix(`/api`)',
        '#       service: api',
        '#   services:',
        '#     api:',
        '#       loadBalancer:',
        '#         servers:',
        '#           - url: http://api:3000',
        '{}',
        '',
      ].join('\n'),
    }],
    healthcheck: { test: ['CMD', 'traefik', 'healthcheck', '--ping'] },
    limits: { memory: '128M', cpus: 0.5 },
    user: { runsAs: 'root (the image default, to bind port 80)' },
    offers: { env: { PROXY_URL: 'http://traefik:80' }, local: 'http://localhost:8081 (dashboard http://localhost:8082)' },
  },
];
