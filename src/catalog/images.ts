/**
 * The image, port and required settings each service runs with as a single container. Versions
 * are pinned majors; image settings in the config can map any of them to a mirror.
 * `secretEnv` names variables that get a generated password.
 */
export interface ServiceImage {
  image: string;
  port?: number;
  env?: Record<string, string>;
  secretEnv?: string[];
}

export const SERVICE_IMAGES: Record<string, ServiceImage> = {
  postgres: { image: 'postgres:16', port: 5432, secretEnv: ['POSTGRES_PASSWORD'] },
  mysql: { image: 'mysql:8.4', port: 3306, secretEnv: ['MYSQL_ROOT_PASSWORD'] },
  mariadb: { image: 'mariadb:11', port: 3306, secretEnv: ['MARIADB_ROOT_PASSWORD'] },
  mongodb: { image: 'mongo:7', port: 27017 },
  redis: { image: 'redis:7', port: 6379 },
  memcached: { image: 'memcached:1.6', port: 11211 },
  rabbitmq: { image: 'rabbitmq:3-management', port: 5672 },
  nats: { image: 'nats:2', port: 4222 },
  nginx: { image: 'nginx:1.27', port: 80 },
  traefik: { image: 'traefik:v3.1', port: 80 },
  haproxy: { image: 'haproxy:2.9', port: 80 },
  prometheus: { image: 'prom/prometheus:v2.54.1', port: 9090 },
  grafana: { image: 'grafana/grafana:11.2.0', port: 3000 },
  elasticsearch: { image: 'elasticsearch:8.15.0', port: 9200, env: { 'discovery.type': 'single-node', 'xpack.security.enabled': 'false' } },
  kibana: { image: 'kibana:8.15.0', port: 5601 },
  loki: { image: 'grafana/loki:3.1.1', port: 3100 },
  jaeger: { image: 'jaegertracing/all-in-one:1.60', port: 16686 },
  minio: { image: 'minio/minio:RELEASE.2024-08-29T01-40-52Z', port: 9000, secretEnv: ['MINIO_ROOT_PASSWORD'] },
  vault: { image: 'hashicorp/vault:1.17', port: 8200 },
  consul: { image: 'hashicorp/consul:1.19', port: 8500 },
  keycloak: { image: 'quay.io/keycloak/keycloak:25.0', port: 8080 },
  jenkins: { image: 'jenkins/jenkins:lts', port: 8080 },
  sonarqube: { image: 'sonarqube:10-community', port: 9000 },
  wordpress: { image: 'wordpress:6', port: 80 },
  node: { image: 'node:22-bookworm-slim' },
  python: { image: 'python:3.12-slim' },
  go: { image: 'golang:1.23' },
  java: { image: 'eclipse-temurin:21-jre' },
};
