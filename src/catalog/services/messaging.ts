import type { ServiceEntry } from '../service.js';

/** Message brokers and queues for workers. */
export const MESSAGING_SERVICES: ServiceEntry[] = [
  {
    name: 'rabbitmq',
    title: 'RabbitMQ',
    kind: 'queue',
    image: 'rabbitmq:3.13-management',
    ports: [
      { container: 5672, host: 5672, purpose: 'AMQP' },
      { container: 15672, host: 15672, purpose: 'management UI', http: true },
    ],
    environment: { RABBITMQ_DEFAULT_USER: 'app', RABBITMQ_DEFAULT_PASS: '${RABBITMQ_PASSWORD}' },
    secrets: ['RABBITMQ_PASSWORD'],
    // The data directory is keyed by the node name, which comes from the hostname.
    hostname: 'rabbitmq',
    volumes: [{ name: 'rabbitmq-data', target: '/var/lib/rabbitmq' }],
    healthcheck: { test: ['CMD', 'rabbitmq-diagnostics', '-q', 'ping'], startPeriod: '10s' },
    limits: { memory: '512M', cpus: 1 },
    user: { runsAs: 'rabbitmq (the entrypoint drops root)' },
    offers: {
      env: { AMQP_URL: 'amqp://app:${RABBITMQ_PASSWORD}@rabbitmq:5672/' },
      local: 'amqp://app:${RABBITMQ_PASSWORD}@127.0.0.1:5672/ (UI: http://localhost:15672, user app)',
    },
  },
  {
    name: 'kafka',
    title: 'Apache Kafka (KRaft, no ZooKeeper)',
    kind: 'queue',
    image: 'apache/kafka:3.8.0',
    // Inside the stack clients use kafka:9092; from this machine the EXTERNAL listener answers on
    // localhost:9094, advertised as such so clients are not sent to an unreachable host name.
    ports: [{ container: 9094, host: 9094, purpose: 'Kafka (from this machine)' }],
    environment: {
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093,EXTERNAL://:9094',
      KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://kafka:9092,EXTERNAL://localhost:9094',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,EXTERNAL:PLAINTEXT',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@kafka:9093',
      KAFKA_INTER_BROKER_LISTENER_NAME: 'PLAINTEXT',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_LOG_DIRS: '/var/lib/kafka/data',
    },
    hostname: 'kafka',
    volumes: [{ name: 'kafka-data', target: '/var/lib/kafka/data' }],
    healthcheck: { test: ['CMD', '/opt/kafka/bin/kafka-broker-api-versions.sh', '--bootstrap-server', 'localhost:9092'], interval: '5s', timeout: '10s', startPeriod: '15s' },
    limits: { memory: '1G', cpus: 1 },
    user: { runsAs: 'appuser (the image default)' },
    offers: { env: { KAFKA_BROKERS: 'kafka:9092' }, local: 'localhost:9094' },
  },
  {
    name: 'nats',
    title: 'NATS',
    kind: 'queue',
    image: 'nats:2.10-alpine',
    ports: [
      { container: 4222, host: 4222, purpose: 'NATS clients' },
      { container: 8222, host: 8222, purpose: 'monitoring', http: true },
    ],
    command: ['nats-server', '--jetstream', '--store_dir', '/data', '--http_port', '8222'],
    volumes: [{ name: 'nats-data', target: '/data' }],
    healthcheck: { test: ['CMD', 'wget', '-q', '--spider', 'http://127.0.0.1:8222/healthz'] },
    limits: { memory: '256M', cpus: 0.5 },
    user: { runsAs: 'nats (uid 1000)', set: '1000:1000' },
    offers: { env: { NATS_URL: 'nats://nats:4222' }, local: 'nats://127.0.0.1:4222' },
  },
];
