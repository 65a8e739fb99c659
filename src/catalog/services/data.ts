import type { ServiceEntry } from '../service.js';

/**
 * Databases and caches. Credentials come from `.env`; every port is published on 127.0.0.1.
 * Health checks use tools the official images ship (and the local test images too, for Postgres
 * and Redis): a service is healthy when it answers, not when its process exists.
 */
export const DATA_SERVICES: ServiceEntry[] = [
  {
    name: 'postgres',
    title: 'PostgreSQL',
    kind: 'database',
    image: 'postgres:16',
    ports: [{ container: 5432, host: 5432, purpose: 'SQL' }],
    environment: { POSTGRES_USER: 'app', POSTGRES_PASSWORD: '${POSTGRES_PASSWORD}', POSTGRES_DB: 'app' },
    secrets: ['POSTGRES_PASSWORD'],
    volumes: [{ name: 'postgres-data', target: '/var/lib/postgresql/data' }],
    // Over TCP: during first start the image runs a temporary server on the socket only, which
    // would pass a socket check before the real server is up.
    healthcheck: { test: ['CMD', 'pg_isready', '-h', '127.0.0.1', '-U', 'app', '-d', 'app'] },
    limits: { memory: '512M', cpus: 1 },
    user: { runsAs: 'postgres (the entrypoint prepares the data directory as root, then drops to it)' },
    offers: {
      env: { DATABASE_URL: 'postgres://app:${POSTGRES_PASSWORD}@postgres:5432/app' },
      local: 'postgres://app:${POSTGRES_PASSWORD}@127.0.0.1:5432/app',
    },
    backup: {
      kind: 'dump',
      tool: 'pg_dump',
      file: '/tmp/reign-backup.sql',
      extension: 'sql',
      dump: 'pg_dump -U "$POSTGRES_USER" -d "$POSTGRES_DB" --clean --if-exists --no-owner -f /tmp/reign-backup.sql',
      // The database is replaced, not merged into: tables made after the backup go too. FORCE
      // ends the application's open connections, which would otherwise block the drop.
      restore:
        'psql -q -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d template1 -c "DROP DATABASE IF EXISTS \\"$POSTGRES_DB\\" WITH (FORCE)" -c "CREATE DATABASE \\"$POSTGRES_DB\\"" ' +
        '&& psql -q -v ON_ERROR_STOP=1 -o /dev/null -U "$POSTGRES_USER" -d "$POSTGRES_DB" -f /tmp/reign-backup.sql',
    },
  },
  {
    name: 'mysql',
    title: 'MySQL',
    kind: 'database',
    image: 'mysql:8.4',
    ports: [{ container: 3306, host: 3306, purpose: 'SQL' }],
    environment: { MYSQL_ROOT_PASSWORD: '${MYSQL_ROOT_PASSWORD}', MYSQL_DATABASE: 'app', MYSQL_USER: 'app', MYSQL_PASSWORD: '${MYSQL_PASSWORD}' },
    secrets: ['MYSQL_ROOT_PASSWORD', 'MYSQL_PASSWORD'],
    volumes: [{ name: 'mysql-data', target: '/var/lib/mysql' }],
    healthcheck: { test: ['CMD-SHELL', 'mysqladmin ping -h 127.0.0.1 -uroot -p"$$MYSQL_ROOT_PASSWORD" --silent'], startPeriod: '20s' },
    limits: { memory: '1G', cpus: 1 },
    user: { runsAs: 'mysql (the entrypoint drops root after preparing the data directory)' },
    offers: {
      env: { DATABASE_URL: 'mysql://app:${MYSQL_PASSWORD}@mysql:3306/app' },
      local: 'mysql://app:${MYSQL_PASSWORD}@127.0.0.1:3306/app',
    },
    backup: {
      kind: 'dump',
      tool: 'mysqldump',
      file: '/tmp/reign-backup.sql',
      extension: 'sql',
      dump: 'mysqldump -uroot -p"$MYSQL_ROOT_PASSWORD" --single-transaction --routines --add-drop-database --databases "$MYSQL_DATABASE" > /tmp/reign-backup.sql',
      restore: 'mysql -uroot -p"$MYSQL_ROOT_PASSWORD" < /tmp/reign-backup.sql',
    },
  },
  {
    name: 'mariadb',
    title: 'MariaDB',
    kind: 'database',
    image: 'mariadb:11.4',
    ports: [{ container: 3306, host: 3307, purpose: 'SQL' }],
    environment: { MARIADB_ROOT_PASSWORD: '${MARIADB_ROOT_PASSWORD}', MARIADB_DATABASE: 'app', MARIADB_USER: 'app', MARIADB_PASSWORD: '${MARIADB_PASSWORD}' },
    secrets: ['MARIADB_ROOT_PASSWORD', 'MARIADB_PASSWORD'],
    volumes: [{ name: 'mariadb-data', target: '/var/lib/mysql' }],
    healthcheck: { test: ['CMD', 'healthcheck.sh', '--connect', '--innodb_initialized'], startPeriod: '20s' },
    limits: { memory: '1G', cpus: 1 },
    user: { runsAs: 'mysql (the entrypoint drops root after preparing the data directory)' },
    offers: {
      env: { DATABASE_URL: 'mysql://app:${MARIADB_PASSWORD}@mariadb:3306/app' },
      local: 'mysql://app:${MARIADB_PASSWORD}@127.0.0.1:3307/app',
    },
    backup: {
      kind: 'dump',
      tool: 'mariadb-dump',
      file: '/tmp/reign-backup.sql',
      extension: 'sql',
      dump: 'mariadb-dump -uroot -p"$MARIADB_ROOT_PASSWORD" --single-transaction --routines --add-drop-database --databases "$MARIADB_DATABASE" > /tmp/reign-backup.sql',
      restore: 'mariadb -uroot -p"$MARIADB_ROOT_PASSWORD" < /tmp/reign-backup.sql',
    },
  },
  {
    name: 'mongodb',
    title: 'MongoDB',
    kind: 'database',
    image: 'mongo:7.0',
    ports: [{ container: 27017, host: 27017, purpose: 'MongoDB wire protocol' }],
    environment: { MONGO_INITDB_ROOT_USERNAME: 'root', MONGO_INITDB_ROOT_PASSWORD: '${MONGO_ROOT_PASSWORD}', MONGO_INITDB_DATABASE: 'app' },
    secrets: ['MONGO_ROOT_PASSWORD'],
    volumes: [{ name: 'mongodb-data', target: '/data/db' }],
    healthcheck: { test: ['CMD', 'mongosh', '--quiet', '--eval', "db.adminCommand('ping').ok"], startPeriod: '10s' },
    limits: { memory: '1G', cpus: 1 },
    user: { runsAs: 'mongodb (the entrypoint drops root after preparing the data directory)' },
    offers: {
      env: { MONGODB_URL: 'mongodb://root:${MONGO_ROOT_PASSWORD}@mongodb:27017/app?authSource=admin' },
      local: 'mongodb://root:${MONGO_ROOT_PASSWORD}@127.0.0.1:27017/app?authSource=admin',
    },
    backup: {
      kind: 'dump',
      tool: 'mongodump',
      file: '/tmp/reign-backup.archive.gz',
      extension: 'archive.gz',
      dump: 'mongodump --quiet --gzip --archive=/tmp/reign-backup.archive.gz -u "$MONGO_INITDB_ROOT_USERNAME" -p "$MONGO_INITDB_ROOT_PASSWORD" --authenticationDatabase admin',
      restore: 'mongorestore --quiet --drop --gzip --archive=/tmp/reign-backup.archive.gz -u "$MONGO_INITDB_ROOT_USERNAME" -p "$MONGO_INITDB_ROOT_PASSWORD" --authenticationDatabase admin',
    },
  },
  {
    name: 'redis',
    title: 'Redis',
    kind: 'cache',
    image: 'redis:7',
    ports: [{ container: 6379, host: 6379, purpose: 'Redis protocol' }],
    // Snapshots only (no append-only file), so a restored dump.rdb is what the server loads.
    command: ['redis-server', '--dir', '/data', '--save', '60', '1', '--appendonly', 'no'],
    volumes: [{ name: 'redis-data', target: '/data' }],
    healthcheck: { test: ['CMD', 'redis-cli', 'ping'] },
    limits: { memory: '256M', cpus: 0.5 },
    user: { runsAs: 'redis (the entrypoint drops root after preparing /data)' },
    offers: { env: { REDIS_URL: 'redis://redis:6379/0' }, local: 'redis://127.0.0.1:6379/0' },
    backup: { kind: 'snapshot', tool: 'redis-cli SAVE', file: '/data/dump.rdb', extension: 'rdb', snapshot: ['redis-cli', 'SAVE'] },
    caution: 'no password; reachable only from this machine and the stack network',
  },
  {
    name: 'memcached',
    title: 'Memcached',
    kind: 'cache',
    image: 'memcached:1.6',
    ports: [{ container: 11211, host: 11211, purpose: 'memcached protocol' }],
    command: ['memcached', '-m', '64'],
    // The image has bash but no client: a TCP connect proves the server accepts connections.
    healthcheck: { test: ['CMD', 'bash', '-c', 'exec 3<>/dev/tcp/127.0.0.1/11211'] },
    limits: { memory: '128M', cpus: 0.5 },
    user: { runsAs: 'memcache (the image default)' },
    offers: { env: { MEMCACHED_SERVERS: 'memcached:11211' }, local: '127.0.0.1:11211' },
  },
];
