import type { ToolTable, Verdict } from './types.js';

/** Database clients: the option that carries a statement, and what the client alone does. */
export interface DatabaseClient {
  id: string;
  names: string[];
  /** Options whose value is a statement to run. */
  statementFlags: string[];
  /** Options whose value is a file of statements to run. */
  fileFlags: string[];
  valueFlags: string[];
  /** Options after which it only reports (list databases, version). */
  inspectFlags: string[];
  /** Statements are the positionals after the first (sqlite3 DB 'SQL', redis-cli GET key). */
  statementsFromArgs?: 'after-first' | 'all';
}

export const DATABASE_CLIENTS: DatabaseClient[] = [
  {
    id: 'psql',
    names: ['psql'],
    statementFlags: ['-c', '--command'],
    fileFlags: ['-f', '--file'],
    valueFlags: ['-U', '--username', '-d', '--dbname', '-h', '--host', '-p', '--port', '-v', '--set', '-P', '--pset', '-o', '--output', '-F', '-R', '-L', '--log-file'],
    inspectFlags: ['-l', '--list', '-V', '--version', '--help'],
  },
  {
    id: 'mysql',
    names: ['mysql', 'mariadb'],
    statementFlags: ['-e', '--execute'],
    fileFlags: [],
    valueFlags: ['-u', '--user', '-h', '--host', '-P', '--port', '-D', '--database', '-S', '--socket', '--defaults-file', '--default-character-set'],
    inspectFlags: ['-V', '--version', '--help'],
  },
  {
    id: 'sqlite3',
    names: ['sqlite3', 'sqlite', 'duckdb'],
    statementFlags: ['-cmd'],
    fileFlags: [],
    valueFlags: ['-separator', '-nullvalue', '-init'],
    inspectFlags: ['-version', '--version', '-help'],
    statementsFromArgs: 'after-first',
  },
  {
    id: 'mongosh',
    names: ['mongosh', 'mongo'],
    statementFlags: ['--eval'],
    fileFlags: ['--file', '-f'],
    valueFlags: ['-u', '--username', '-p', '--password', '--host', '--port', '--authenticationDatabase'],
    inspectFlags: ['--version', '--help'],
  },
  {
    id: 'redis-cli',
    names: ['redis-cli', 'valkey-cli', 'keydb-cli'],
    statementFlags: [],
    fileFlags: [],
    valueFlags: ['-h', '-p', '-a', '-n', '-u', '--user', '--pass', '-s', '-r', '-i', '--pattern', '--count'],
    inspectFlags: ['--version', '-v', '--scan', '--bigkeys', '--memkeys', '--stat', '--latency', '--help'],
    statementsFromArgs: 'all',
  },
];

/** What a statement does, by its leading words. First match wins. */
export const STATEMENT_RULES: { id: string; pattern: RegExp; verdict: Verdict }[] = [
  { id: 'drop-database', pattern: /\bdrop\s+(database|schema|owned)\b|\bdropDatabase\s*\(|^\s*flushall\b|^\s*flushdb\b/i, verdict: { level: 'dangerous', reason: 'deletes a whole database' } },
  { id: 'grant-superuser', pattern: /\b(superuser|grant\s+all\s+privileges\s+on\s+\*\.\*|with\s+grant\s+option)\b/i, verdict: { level: 'dangerous', reason: 'grants administrator rights over the database' } },
  { id: 'delete', pattern: /\b(drop|truncate|delete|deleteMany|deleteOne|remove|drop\s+table)\b|^\s*(del|unlink|hdel|srem|zrem|lrem|expire|persist|rename)\b/i, verdict: { level: 'admin', reason: 'deletes data or tables' } },
  { id: 'shutdown', pattern: /^\s*(shutdown|debug|config\s+set|slaveof|replicaof|cluster\s+reset|acl\s+setuser)\b/i, verdict: { level: 'admin', reason: 'reconfigures or stops the database server' } },
  { id: 'change', pattern: /\b(insert|update|create|alter|grant|revoke|copy|vacuum|reindex|cluster|refresh|call|do|merge|upsert|replace|insertOne|insertMany|updateOne|updateMany)\b|^\s*(set|hset|hmset|lpush|rpush|sadd|zadd|incr|decr|append|setex|mset|publish|xadd)\b/i, verdict: { level: 'write', reason: 'changes data or schema' } },
  { id: 'query', pattern: /^\s*(\(?\s*select|with|show|explain|describe|desc|table|values|\\[a-z]|\.tables|\.schema|pragma|get|mget|hget|hgetall|keys|scan|info|ping|ttl|type|exists|llen|lrange|smembers|scard|zrange|dbsize|monitor|client\s+list|memory|db\.\w+\.(find|count|aggregate)|db\.stats|show\s+dbs)\b/i, verdict: { level: 'read', reason: 'only queries data' } },
];

/** Flags that name the server or database a client talks to. */
export const DATABASE_TARGET_FLAGS = ['-h', '--host', '-d', '--dbname', '--db', '-D', '--database', '--uri'];

export const DATABASE_VERDICTS: Record<'interactive' | 'file' | 'unknown' | 'productionDelete', Verdict> = {
  productionDelete: { level: 'dangerous', reason: 'deletes data or tables in a production database' },
  interactive: { level: 'admin', reason: 'opens a database shell whose statements are not shown here' },
  file: { level: 'admin', reason: 'runs a file of database statements' },
  unknown: { level: 'admin', reason: 'runs a database statement that is not known' },
};

export const DATABASE_TABLES: ToolTable[] = [
  {
    id: 'database.dump',
    names: ['pg_dump', 'pg_dumpall', 'mysqldump', 'mariadb-dump', 'mongodump', 'mongoexport', 'sqlite3-dump', 'redis-dump'],
    valueFlags: ['-f', '--file', '-o', '--out', '-r', '--result-file', '-U', '--username', '-h', '--host', '-p', '--port', '-d', '--dbname', '-u', '--user', '-t', '--table', '-n', '--schema', '-F', '--format', '--db', '-c', '--collection'],
    rules: [
      { id: 'to-file', when: { anyFlag: ['-f', '--file', '-o', '--out', '-r', '--result-file'] }, level: 'write', reason: 'writes a database dump to a file', effects: [{ kind: 'write', on: { flag: '-f' } }, { kind: 'write', on: { flag: '--file' } }, { kind: 'write', on: { flag: '-o' } }, { kind: 'write', on: { flag: '--out' } }] },
      { id: 'to-output', level: 'read', reason: 'prints a database dump' },
    ],
    otherwise: { level: 'read', reason: 'prints a database dump' },
  },
  {
    id: 'database.restore',
    names: ['pg_restore', 'mongorestore', 'mongoimport', 'mysqlimport'],
    rules: [{ id: 'clean', when: { anyFlag: ['-c', '--clean', '--drop'] }, level: 'admin', reason: 'drops database objects and recreates them from a dump' }],
    otherwise: { level: 'write', reason: 'loads data from a dump into a database' },
  },
  {
    id: 'database.drop',
    names: ['dropdb', 'dropuser'],
    rules: [{ id: 'prod', when: { prod: true }, level: 'dangerous', reason: 'drops a production database or user' }],
    otherwise: { level: 'admin', reason: 'drops a database or user' },
  },
  {
    id: 'database.server',
    names: ['pg_ctl', 'pg_ctlcluster', 'mysqladmin', 'createdb', 'createuser', 'initdb', 'pg_createcluster', 'redis-server', 'mongod', 'mysqld'],
    rules: [
      { id: 'status', when: { sub: 'status|ping|version|processlist|variables|extended-status' }, level: 'read', reason: 'shows the database server\'s state' },
      { id: 'status', when: { sub: '* status' }, level: 'read', reason: 'shows the database server\'s state' },
      { id: 'drop', when: { sub: 'drop' }, level: 'admin', reason: 'drops a database' },
    ],
    otherwise: { level: 'write', reason: 'creates databases or starts, stops and configures the server' },
  },
  {
    id: 'server',
    names: ['nginx', 'apachectl', 'apache2ctl', 'httpd', 'haproxy', 'caddy', 'traefik', 'envoy', 'php-fpm', 'varnishadm', 'squid'],
    bundles: true,
    rules: [
      { id: 'check', when: { anyFlag: ['-t', '-T', '-v', '-V', '-c', '-S', '-M', '-l', '--version'] , noFlag: ['-s', '-k'] }, level: 'read', reason: 'checks or shows the server configuration' },
      { id: 'check', when: { sub: 'configtest|status|fullstatus|validate|version|fmt|adapt|list-modules|-t' }, level: 'read', reason: 'checks or shows the server configuration' },
    ],
    otherwise: { level: 'write', reason: 'starts, reloads or stops the server' },
  },
];
