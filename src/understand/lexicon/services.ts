/**
 * Catalog services and the words people use for them. A row with `service: null` is a phrase that
 * contains a service word without meaning the service ("Azure Key Vault" is not HashiCorp Vault).
 */
export interface ServiceSynonym {
  phrase: string;
  services: string[] | null;
  /** The word means the service only when the next word is one of these ("go service", not "go back"). */
  nextIs?: string[];
  /** The word does not mean the service when the next word is one of these ("node group"). */
  nextIsNot?: string[];
}

const APP_NOUNS = ['service', 'services', 'app', 'apps', 'application', 'api', 'apis', 'backend', 'project', 'microservice', 'binary', 'server', 'module', 'program', 'code', 'version', 'image', 'container', 'worker', 'function', 'lambda', 'runtime', 'build', 'sdk', 'frontend', 'consumer', 'producer', 'cli', 'tool'];

const s = (services: string[] | null, ...phrases: string[]): ServiceSynonym[] => phrases.map((phrase) => ({ phrase, services }));

export const SERVICE_SYNONYMS: ServiceSynonym[] = [
  ...s(['postgres'], 'postgres', 'postgresql', 'pg', 'postgre', 'postgis', 'pg_dump', 'pg_restore', 'pg_dumpall', 'pgsql'),
  ...s(['mysql'], 'mysql', 'mysqldump', 'my sql'),
  ...s(['mariadb'], 'mariadb', 'maria db', 'maria'),
  ...s(['mongodb'], 'mongodb', 'mongo', 'mongo db', 'mongodump', 'mongorestore', 'mongod'),
  ...s(['redis'], 'redis', 'redis-cli', 'azure cache for redis', 'valkey'),
  ...s(['memcached'], 'memcached', 'memcache'),
  ...s(['rabbitmq'], 'rabbitmq', 'rabbit mq', 'rabbit'),
  ...s(['kafka'], 'kafka', 'apache kafka'),
  ...s(['nats'], 'nats', 'nats.io'),
  ...s(['nginx'], 'nginx', 'nginx ingress'),
  ...s(['traefik'], 'traefik'),
  ...s(['haproxy'], 'haproxy', 'ha proxy'),
  ...s(['prometheus'], 'prometheus'),
  ...s(['grafana'], 'grafana'),
  ...s(['elasticsearch'], 'elasticsearch', 'elastic search', 'elastic'),
  ...s(['logstash'], 'logstash'),
  ...s(['kibana'], 'kibana'),
  ...s(['elasticsearch', 'logstash', 'kibana'], 'elk', 'elk stack', 'elastic stack'),
  ...s(['elasticsearch', 'kibana'], 'efk'),
  ...s(['loki'], 'loki', 'grafana loki'),
  ...s(['jaeger'], 'jaeger'),
  ...s(['minio'], 'minio'),
  ...s(['vault'], 'vault', 'hashicorp vault'),
  ...s(['consul'], 'consul'),
  ...s(['keycloak'], 'keycloak'),
  ...s(['jenkins'], 'jenkins'),
  ...s(['sonarqube'], 'sonarqube', 'sonar'),
  ...s(['react'], 'react', 'reactjs', 'react.js', 'create-react-app'),
  ...s(['vue'], 'vue', 'vuejs', 'vue.js', 'vue3'),
  ...s(['angular'], 'angular', 'angularjs'),
  ...s(['nextjs'], 'nextjs', 'next.js', 'next js'),
  ...s(['node'], 'node.js', 'nodejs', 'node js', 'express.js', 'expressjs'),
  { phrase: 'node', services: ['node'], nextIsNot: ['group', 'pool', 'selector', 'affinity', 'port', 'count', 'type', 'size', 'label', 'role', 'instance'] },
  ...s(['python'], 'python', 'python3'),
  ...s(['django'], 'django'),
  ...s(['flask'], 'flask'),
  ...s(['fastapi'], 'fastapi', 'fast api'),
  ...s(['go'], 'golang'),
  { phrase: 'go', services: ['go'], nextIs: APP_NOUNS },
  ...s(['java'], 'java', 'jvm'),
  ...s(['spring'], 'spring', 'spring boot', 'springboot'),
  ...s(['dotnet'], 'dotnet', '.net', 'asp.net', 'asp.net core', '.net core', 'c#', 'csharp'),
  ...s(['ruby'], 'ruby'),
  ...s(['rails'], 'rails', 'ruby on rails', 'ror'),
  ...s(['php'], 'php', 'laravel', 'symfony'),
  ...s(['wordpress'], 'wordpress', 'word press'),

  // Not the service their words suggest.
  ...s(null, 'key vault', 'azure key vault', 'vault secret', 'elastic ip', 'elastic beanstalk', 'elastic load balancer',
    'elastic container', 'elastic kubernetes', 'elastic block', 'elastic file', 'elastic ips', 'node group', 'node pool',
    'node pools', 'node groups', 'go back', 'go ahead', 'go live', 'go to', 'go through', 'go wrong', 'rabbit hole',
    'jenkins job', 'jenkins pipeline', 'jenkins build', 'jenkinsfile', 'next step', 'next to',
    'sonar scan', 'elastic cloud',
    // a Kubernetes node, and source files by their language
    'cordon node', 'uncordon node', 'drain node', 'taint node', 'python file', 'java file', 'go file',
    'ruby file', 'php file', 'node_modules'),
];

/**
 * "Jenkins" is the pipeline system when the request is about pipelines, jobs or builds, and the
 * service when it runs as a server.
 */
export const JENKINS_PIPELINE_WORDS = ['pipeline', 'pipelines', 'job', 'jobs', 'build', 'builds', 'jenkinsfile', 'stage', 'stages', 'ci', 'deploys', 'deploy', 'trigger', 'run', 'red', 'green', 'broke'];
export const JENKINS_SERVER_WORDS = ['container', 'containers', 'server', 'instance', 'helm', 'chart', 'compose', 'docker', 'kubernetes', 'k8s', 'pod', 'home', 'volume', 'plugin', 'plugins', 'controller', 'agent', 'agents', 'install', 'upgrade'];
