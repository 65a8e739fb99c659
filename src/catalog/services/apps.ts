import type { AppBuild, ServiceEntry } from '../service.js';

/**
 * Application runtimes and front ends, built from the project's own code with a generated
 * multi-stage Dockerfile: the build stage has the toolchain, the final stage only what runs,
 * as a non-root user. Each app answers `GET /health` (front ends: `/`) for its health check.
 */

const NODE_IGNORE = ['node_modules', 'npm-debug.log*', 'dist', 'build', '.next', 'coverage', '.git', '.env', '.env.*', 'Dockerfile', '.dockerignore', ''].join('\n');

const lines = (...text: string[]) => `${text.join('\n')}\n`;

const node: AppBuild = {
  port: 3000,
  dockerfile: lines(
    '# Dependencies are installed in their own stage so code changes do not reinstall them.',
    'FROM node:22-bookworm-slim AS deps',
    'WORKDIR /app',
    'COPY package*.json ./',
    'RUN npm ci --omit=dev',
    '',
    'FROM node:22-bookworm-slim',
    'ENV NODE_ENV=production PORT=3000',
    'WORKDIR /app',
    'COPY --from=deps /app/node_modules ./node_modules',
    'COPY . .',
    '# The image\'s unprivileged "node" user (uid 1000).',
    'USER node',
    'EXPOSE 3000',
    '# Runs package.json "main"; node itself, not npm, so stop signals reach the app.',
    'CMD ["node", "."]',
  ),
  dockerignore: NODE_IGNORE,
};

const python: AppBuild = {
  port: 8000,
  dockerfile: lines(
    'FROM python:3.12-slim AS build',
    'RUN python -m venv /venv',
    'COPY requirements.txt /tmp/requirements.txt',
    'RUN /venv/bin/pip install --no-cache-dir -r /tmp/requirements.txt',
    '',
    'FROM python:3.12-slim',
    'ENV PATH=/venv/bin:$PATH PYTHONUNBUFFERED=1 PORT=8000',
    'RUN useradd --create-home --uid 10001 app',
    'WORKDIR /app',
    'COPY --from=build /venv /venv',
    'COPY . .',
    'USER app',
    'EXPOSE 8000',
    'CMD ["python", "main.py"]',
  ),
  dockerignore: ['__pycache__', '*.pyc', '.venv', 'venv', '.pytest_cache', '.git', '.env', '.env.*', 'Dockerfile', '.dockerignore', ''].join('\n'),
};

const go: AppBuild = {
  port: 8080,
  dockerfile: lines(
    'FROM golang:1.23 AS build',
    'WORKDIR /src',
    'COPY go.mod go.sum* ./',
    'RUN go mod download',
    'COPY . .',
    'RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app .',
    '',
    '# Alpine rather than scratch: the health check needs wget.',
    'FROM alpine:3.20',
    'RUN adduser -D -u 10001 app',
    'COPY --from=build /out/app /usr/local/bin/app',
    'USER app',
    'ENV PORT=8080',
    'EXPOSE 8080',
    'ENTRYPOINT ["app"]',
  ),
  dockerignore: ['.git', '.env', '.env.*', 'bin', 'vendor', 'Dockerfile', '.dockerignore', ''].join('\n'),
};

const java: AppBuild = {
  port: 8080,
  dockerfile: lines(
    '# Builds with the project\'s Maven wrapper (mvnw); the runtime stage has only the JRE.',
    'FROM eclipse-temurin:21-jdk AS build',
    'WORKDIR /src',
    'COPY . .',
    'RUN ./mvnw -q -DskipTests package && cp target/*.jar /app.jar',
    '',
    'FROM eclipse-temurin:21-jre',
    'RUN useradd --create-home --uid 10001 app',
    'COPY --from=build /app.jar /app/app.jar',
    'USER app',
    'EXPOSE 8080',
    'CMD ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]',
  ),
  dockerignore: ['target', 'build', '.gradle', '.idea', '.git', '.env', '.env.*', 'Dockerfile', '.dockerignore', ''].join('\n'),
};

/** A single-page app: built with Node, served by nginx as a non-root user on port 8080. */
const spa = (outputDir: string): AppBuild => ({
  port: 8080,
  dockerfile: lines(
    'FROM node:22-bookworm-slim AS build',
    'WORKDIR /app',
    'COPY package*.json ./',
    'RUN npm ci',
    'COPY . .',
    'RUN npm run build',
    '',
    '# nginx-unprivileged runs as uid 101 and listens on 8080.',
    'FROM nginxinc/nginx-unprivileged:1.27-alpine',
    `COPY --from=build /app/${outputDir} /usr/share/nginx/html`,
    'EXPOSE 8080',
  ),
  dockerignore: NODE_IGNORE,
});

const nextjs: AppBuild = {
  port: 3000,
  dockerfile: lines(
    '# Needs output: "standalone" in next.config.js, so the final stage carries only what runs.',
    'FROM node:22-bookworm-slim AS build',
    'WORKDIR /app',
    'COPY package*.json ./',
    'RUN npm ci',
    'COPY . .',
    'RUN npm run build',
    '',
    'FROM node:22-bookworm-slim',
    'ENV NODE_ENV=production PORT=3000 HOSTNAME=0.0.0.0',
    'WORKDIR /app',
    'COPY --from=build /app/.next/standalone ./',
    'COPY --from=build /app/.next/static ./.next/static',
    'COPY --from=build /app/public ./public',
    'USER node',
    'EXPOSE 3000',
    'CMD ["node", "server.js"]',
  ),
  dockerignore: NODE_IGNORE,
};

const nodeHealth = (port: number, path: string) =>
  ['CMD', 'node', '-e', `fetch('http://127.0.0.1:${port}${path}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`];
const wgetHealth = (port: number, path: string) => ['CMD', 'wget', '-q', '--spider', `http://127.0.0.1:${port}${path}`];

export const APP_SERVICES: ServiceEntry[] = [
  {
    name: 'node',
    title: 'Node.js API',
    kind: 'runtime',
    image: 'node:22-bookworm-slim',
    ports: [{ container: 3000, host: 3000, purpose: 'HTTP API', http: true }],
    environment: { PORT: '3000' },
    healthcheck: { test: nodeHealth(3000, '/health'), startPeriod: '10s' },
    limits: { memory: '512M', cpus: 1 },
    user: { runsAs: 'node (uid 1000, set in the Dockerfile)' },
    offers: { env: { API_URL: 'http://node:3000' }, local: 'http://localhost:3000' },
    build: node,
  },
  {
    name: 'python',
    title: 'Python API',
    kind: 'runtime',
    image: 'python:3.12-slim',
    ports: [{ container: 8000, host: 8000, purpose: 'HTTP API', http: true }],
    environment: { PORT: '8000' },
    healthcheck: { test: ['CMD', 'python', '-c', "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health')"], startPeriod: '10s' },
    limits: { memory: '512M', cpus: 1 },
    user: { runsAs: 'app (uid 10001, set in the Dockerfile)' },
    offers: { env: { API_URL: 'http://python:8000' }, local: 'http://localhost:8000' },
    build: python,
  },
  {
    name: 'go',
    title: 'Go API',
    kind: 'runtime',
    image: 'golang:1.23',
    ports: [{ container: 8080, host: 8085, purpose: 'HTTP API', http: true }],
    environment: { PORT: '8080' },
    healthcheck: { test: wgetHealth(8080, '/health'), startPeriod: '5s' },
    limits: { memory: '256M', cpus: 1 },
    user: { runsAs: 'app (uid 10001, set in the Dockerfile)' },
    offers: { env: { API_URL: 'http://go:8080' }, local: 'http://localhost:8085' },
    build: go,
  },
  {
    name: 'java',
    title: 'Java API',
    kind: 'runtime',
    image: 'eclipse-temurin:21-jre',
    ports: [{ container: 8080, host: 8086, purpose: 'HTTP API', http: true }],
    environment: { SERVER_PORT: '8080' },
    healthcheck: { test: ['CMD', 'bash', '-c', 'exec 3<>/dev/tcp/127.0.0.1/8080'], interval: '5s', startPeriod: '30s' },
    limits: { memory: '1G', cpus: 1 },
    user: { runsAs: 'app (uid 10001, set in the Dockerfile)' },
    offers: { env: { API_URL: 'http://java:8080' }, local: 'http://localhost:8086' },
    build: java,
  },
  {
    name: 'react',
    title: 'React front end',
    kind: 'frontend',
    image: 'nginxinc/nginx-unprivileged:1.27-alpine',
    ports: [{ container: 8080, host: 5173, purpose: 'web app', http: true }],
    healthcheck: { test: wgetHealth(8080, '/') },
    limits: { memory: '128M', cpus: 0.5 },
    user: { runsAs: 'nginx (uid 101, the nginx-unprivileged image)' },
    offers: { env: { WEB_URL: 'http://react:8080' }, local: 'http://localhost:5173' },
    build: spa('dist'),
  },
  {
    name: 'vue',
    title: 'Vue front end',
    kind: 'frontend',
    image: 'nginxinc/nginx-unprivileged:1.27-alpine',
    ports: [{ container: 8080, host: 5174, purpose: 'web app', http: true }],
    healthcheck: { test: wgetHealth(8080, '/') },
    limits: { memory: '128M', cpus: 0.5 },
    user: { runsAs: 'nginx (uid 101, the nginx-unprivileged image)' },
    offers: { env: { WEB_URL: 'http://vue:8080' }, local: 'http://localhost:5174' },
    build: spa('dist'),
  },
  {
    name: 'nextjs',
    title: 'Next.js front end',
    kind: 'frontend',
    image: 'node:22-bookworm-slim',
    ports: [{ container: 3000, host: 3002, purpose: 'web app', http: true }],
    environment: { PORT: '3000' },
    healthcheck: { test: nodeHealth(3000, '/'), startPeriod: '10s' },
    limits: { memory: '512M', cpus: 1 },
    user: { runsAs: 'node (uid 1000, set in the Dockerfile)' },
    offers: { env: { WEB_URL: 'http://nextjs:3000' }, local: 'http://localhost:3002' },
    build: nextjs,
  },
];
