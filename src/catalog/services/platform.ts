import type { ServiceEntry } from '../service.js';

/** Object storage, secrets and identity. */
export const PLATFORM_SERVICES: ServiceEntry[] = [
  {
    name: 'minio',
    title: 'MinIO (S3-compatible storage)',
    kind: 'storage',
    image: 'minio/minio:RELEASE.2024-08-29T01-40-52Z',
    ports: [
      { container: 9000, host: 9000, purpose: 'S3 API', http: true },
      { container: 9001, host: 9001, purpose: 'console', http: true },
    ],
    command: ['server', '/data', '--console-address', ':9001'],
    environment: { MINIO_ROOT_USER: 'admin', MINIO_ROOT_PASSWORD: '${MINIO_ROOT_PASSWORD}' },
    secrets: ['MINIO_ROOT_PASSWORD'],
    volumes: [{ name: 'minio-data', target: '/data' }],
    healthcheck: { test: ['CMD', 'mc', 'ready', 'local'] },
    limits: { memory: '512M', cpus: 1 },
    user: { runsAs: 'root (the image default)' },
    offers: {
      env: { S3_ENDPOINT: 'http://minio:9000', S3_ACCESS_KEY: 'admin', S3_SECRET_KEY: '${MINIO_ROOT_PASSWORD}' },
      local: 'http://localhost:9000 (console http://localhost:9001, user admin)',
    },
  },
  {
    name: 'vault',
    title: 'HashiCorp Vault (DEV MODE)',
    kind: 'security',
    image: 'hashicorp/vault:1.17',
    ports: [{ container: 8200, host: 8200, purpose: 'API and UI', http: true }],
    command: ['server', '-dev'],
    environment: {
      VAULT_DEV_ROOT_TOKEN_ID: '${VAULT_DEV_ROOT_TOKEN}',
      VAULT_DEV_LISTEN_ADDRESS: '0.0.0.0:8200',
      VAULT_ADDR: 'http://127.0.0.1:8200',
      // Dev mode keeps everything in memory, so it does not need to lock memory pages.
      SKIP_SETCAP: 'true',
    },
    secrets: ['VAULT_DEV_ROOT_TOKEN'],
    healthcheck: { test: ['CMD', 'vault', 'status'] },
    limits: { memory: '256M', cpus: 0.5 },
    user: { runsAs: 'vault (the entrypoint drops root)' },
    offers: {
      env: { VAULT_ADDR: 'http://vault:8200', VAULT_TOKEN: '${VAULT_DEV_ROOT_TOKEN}' },
      local: 'http://localhost:8200 (root token in .env as VAULT_DEV_ROOT_TOKEN)',
    },
    caution: 'DEV MODE: in memory, unsealed, a root token in .env; everything is lost on restart. Never put real secrets in it.',
  },
  {
    name: 'keycloak',
    title: 'Keycloak',
    kind: 'security',
    image: 'quay.io/keycloak/keycloak:25.0',
    ports: [{ container: 8080, host: 8180, purpose: 'HTTP (admin console at /admin)', http: true }],
    command: ['start-dev'],
    environment: { KEYCLOAK_ADMIN: 'admin', KEYCLOAK_ADMIN_PASSWORD: '${KEYCLOAK_ADMIN_PASSWORD}', KC_HEALTH_ENABLED: 'true' },
    secrets: ['KEYCLOAK_ADMIN_PASSWORD'],
    volumes: [{ name: 'keycloak-data', target: '/opt/keycloak/data' }],
    // The image has no curl or wget: ask the management port over bash's /dev/tcp.
    healthcheck: {
      test: ['CMD-SHELL', "exec 3<>/dev/tcp/127.0.0.1/9000 && printf 'GET /health/ready HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"],
      interval: '5s',
      startPeriod: '30s',
    },
    limits: { memory: '1G', cpus: 1 },
    user: { runsAs: 'keycloak (uid 1000, the image default)' },
    offers: { env: { KEYCLOAK_URL: 'http://keycloak:8080' }, local: 'http://localhost:8180 (user admin)' },
    caution: 'start-dev: HTTP, an embedded H2 database; for development only',
  },
];
