/**
 * Closed word classes the entity rules read: which words can stand before a name, which end it,
 * which are never names.
 */

export const DETERMINERS = ['the', 'a', 'an', 'my', 'our', 'your', 'their', 'its', 'this', 'that', 'these', 'those', 'his', 'her', 'some', 'any', 'each', 'every', 'all', 'both', 'no'];

/** Determiners that introduce something already existing, so a name may follow. */
export const DEFINITE = ['the', 'my', 'our', 'your', 'their'];

/** "this", "that": they point at something existing, but also open clauses ("a job that pushes"). */
export const DEMONSTRATIVES = ['this', 'that', 'these', 'those'];

export const PREPOSITIONS = [
  'to', 'in', 'on', 'at', 'from', 'into', 'onto', 'of', 'with', 'for', 'by', 'via', 'using', 'through', 'across',
  'inside', 'within', 'under', 'over', 'behind', 'between', 'off', 'out', 'back', 'up', 'down', 'as', 'against',
  'without', 'after', 'before', 'since', 'per', 'like', 'around', 'near', 'toward', 'towards', 'onto', 'about',
];

export const CONJUNCTIONS = ['and', 'or', 'but', 'then', 'plus', 'nor', 'so', 'also', 'while', 'because', 'if', 'when', 'that', 'which', 'who', 'where'];

export const PRONOUNS = ['it', 'its', 'them', 'they', 'this', 'that', 'these', 'those', 'one', 'everything', 'something', 'anything', 'stuff', 'things', 'thing', 'all', 'whatever', 'itself', 'i', 'me', 'we', 'us', 'you', 'he', 'she', 'him', 'her', 'there'];

/** Words that refer back to the previous request's subject. */
export const REFERRING_WORDS = ['it', 'its', 'that', 'this', 'them', 'those', 'these', 'same', 'there', 'itself'];

/** Adjectives and ordinals that describe the thing acted on; never names themselves. */
export const ADJECTIVES = [
  'quick', 'brief', 'old', 'new', 'current', 'last', 'previous', 'existing', 'running', 'stopped', 'failed', 'failing', 'broken',
  'whole', 'entire', 'same', 'default', 'private', 'public', 'shared', 'first', 'second', 'third', 'latest', 'local',
  'remote', 'big', 'biggest', 'large', 'largest', 'small', 'unused', 'dangling', 'completed', 'stuck', 'deleted',
  'merged', 'open', 'draft', 'dated', 'persistent', 'empty', 'top', 'good', 'bad', 'healthy', 'full', 'multi',
  'multiple', 'several', 'few', 'many', 'more', 'less', 'extra', 'other', 'next', 'main', 'primary', 'secondary',
  'internal', 'external', 'temporary', 'temp', 'static', 'dynamic', 'simple',
  'basic', 'standard', 'custom', 'minimal', 'managed', 'single', 'separate', 'dedicated', 'highly', 'available',
  'secure', 'production-ready', 'scalable', 'serverless', 'containerized', 'new-ish', 'older', 'newer', 'recent',
  'crashed', 'corrupted', 'slow', 'hung', 'red', 'green', 'blue', 'canary', 'cheap', 'expensive', 'better',
  'faster', 'cheaper', 'quicker', 'safer', 'smaller', 'bigger', 'reliable', 'robust', 'secure', 'stabler', 'named', 'called',
  'free', 'used', 'available', 'stale', 'flaky',
  'various', 'every', 'each', 'whole', 'complete', 'active', 'inactive', 'idle', 'orphaned', 'outdated', 'unhealthy',
  'background', 'foreground', 'generic', 'super',
];

/**
 * Ordinary nouns for the things people act on. A generic noun alone is not a name ("restart the
 * backend"); anchored by "called", "named" or an object noun it can be ("the backend network").
 */
export const GENERIC_NOUNS = [
  'app', 'apps', 'application', 'frontend', 'backend', 'database', 'databases', 'db', 'cache', 'service', 'server',
  'code', 'changes', 'change', 'config', 'configuration', 'data', 'file', 'files', 'folder', 'directory', 'team',
  'key', 'password', 'string', 'word', 'query', 'table', 'rows', 'row', 'traffic', 'error', 'errors', 'issue',
  'logs', 'log', 'stage', 'tests', 'test', 'project', 'resource', 'resources', 'thing', 'stuff', 'state', 'backup',
  'dump', 'snapshot', 'tarball', 'archive', 'copy', 'version', 'image', 'container', 'site', 'website', 'web app',
  'system', 'everything', 'setup', 'environment', 'infra', 'infrastructure', 'cluster', 'machine', 'host', 'node',
  'nodes', 'repo', 'repository', 'branch', 'commit', 'commits', 'secret', 'secrets', 'token', 'user', 'users',
  'permissions', 'storage', 'disk', 'memory', 'cpu', 'network', 'volume', 'port', 'ports', 'readme', 'docs',
  'documentation', 'changelog', 'dependencies', 'packages', 'package', 'build', 'builds', 'artifacts', 'artifact',
  'release', 'releases', 'tag', 'tags', 'pipeline', 'workflow', 'job', 'jobs', 'stack', 'template', 'templates',
  'chart', 'charts', 'values', 'module', 'modules', 'manifest', 'manifests', 'yaml', 'json', 'output', 'outputs',
  'plan', 'deployment', 'deployments', 'pod', 'pods', 'replicas', 'replica', 'instance', 'instances', 'process',
  'processes', 'command', 'script', 'scripts', 'request', 'requests', 'pr', 'prs', 'hook', 'hooks', 'migration',
  'migrations', 'schema', 'model', 'models', 'endpoint', 'endpoints', 'dashboard', 'dashboards', 'metrics', 'alerts',
  'alert', 'rule', 'rules', 'policy', 'policies', 'role', 'roles', 'account', 'accounts', 'group', 'groups', 'bucket',
  'queue', 'topic', 'function', 'lambda', 'certificate', 'certificates', 'cert', 'domain', 'dns', 'ip', 'address',
  'url', 'webhook', 'load', 'balancer', 'ingress', 'cron', 'job', 'task', 'tasks', 'queue', 'dashboard', 'login', 'logins', 'session', 'sessions', 'limit', 'limits',
  'quota', 'size', 'count', 'number', 'time', 'hour', 'hours', 'day', 'days', 'week', 'minute', 'minutes', 'night',
  'morning', 'yesterday', 'today', 'tonight', 'tomorrow', 'ago', 'way', 'problem', 'problems', 'bug', 'bugs',
  'feature', 'features', 'fix', 'hotfix', 'patch', 'update', 'upgrade', 'default', 'defaults', 'settings',
  'setting', 'option', 'options', 'parameter', 'parameters', 'param', 'params', 'variable', 'variables', 'env',
  'vars', 'label', 'labels', 'annotation', 'annotations', 'name', 'names', 'id', 'ids', 'type', 'kind', 'mode',
  'level', 'tier', 'plan', 'sku', 'region', 'zone', 'zones', 'subnet', 'subnets', 'vpc', 'peering', 'route',
  'routes', 'rule', 'firewall', 'security', 'access', 'connection', 'connections', 'health', 'status', 'uptime',
  'usage', 'space', 'capacity', 'performance', 'latency', 'throughput', 'spike', 'load', 'root', 'tmp', 'etc', 'var', 'opt', 'srv', 'public', 'private', 'content', 'contents', 'line', 'lines', 'word', 'words', 'text', 'message', 'messages', 'result', 'results',
  'output', 'input', 'history', 'revision', 'revisions', 'previous', 'state', 'lock', 'drift', 'diff', 'changes',
  'something', 'anything', 'nothing', 'one', 'ones', 'all', 'both', 'either', 'each', 'none', 'part', 'parts',
  'copy', 'copies', 'kv', 'store', 'index', 'indices', 'indexes', 'bundle', 'snapshots', 'dumps', 'backups',
  'layout', 'structure', 'skeleton', 'boilerplate', 'scaffold', 'example', 'sample', 'demo', 'playground',
  'sandbox', 'prototype', 'poc', 'mvp', 'thing', 'usual', 'approvals', 'approval', 'reviewers', 'reviewer',
  'review', 'reviews', 'coverage', 'lint', 'linting', 'caching', 'dependency', 'matrix', 'trigger', 'triggers',
  'schedule', 'step', 'box', 'vm', 'laptop', 'computer', 'work', 'working', 'things', 'steps', 'stages', 'environments', 'api version', 'first', 'main', 'master',
  'ram', 'pid', 'tab', 'tabs', 'space', 'spaces', 'object', 'objects', 'event', 'events', 'max', 'min', 'maximum',
  'minimum', 'http', 'https', 'protocol', 'extension', 'pattern', 'keys', 'entry', 'entries', 'maintenance',
];

/**
 * Nouns that name the kind of thing acted on; the word just before one is its name ("the web
 * deployment", "the payments chart"), and the word after "called"/"named" names it too.
 */
export const NAME_ANCHORS = [
  'service', 'app', 'application', 'deployment', 'container', 'pod', 'release', 'chart', 'stack', 'repo',
  'repository', 'pipeline', 'workflow', 'job', 'volume', 'image', 'function', 'statefulset', 'daemonset', 'cronjob',
  'project', 'site', 'website', 'bucket', 'database', 'db', 'queue', 'topic', 'cluster', 'template', 'module',
  'network', 'microservice', 'instance', 'webapp', 'web app', 'component', 'daemon', 'log', 'ingress',
  'secret', 'configmap', 'deploy',
];

/**
 * Object nouns for running workloads: before them even a generic word or a verb names the thing
 * ("the frontend release", "the search pod"), as people name services after what they do.
 */
export const WORKLOAD_ANCHORS = ['deployment', 'deploy', 'statefulset', 'daemonset', 'pod', 'release', 'container', 'service', 'app', 'microservice', 'ingress'];

/** Generic nouns that name a workload when an object noun follows: "the frontend deployment". */
export const WORKLOAD_GENERIC_NAMES = ['frontend', 'backend', 'web', 'api', 'worker'];

/**
 * Words that are also lexicon words or ordinary nouns but commonly the name of an app or service:
 * where the sentence expects a name ("scale worker to 3", "restart the search pod"), they are one.
 */
export const COMMON_APP_NAMES = ['worker', 'search', 'auth', 'gateway', 'proxy', 'scheduler', 'consumer', 'checkout', 'cart', 'notifications', 'billing', 'payments', 'orders', 'reports', 'inventory'];

/**
 * Short forms people type, read as the word they stand for (the text is still reported as written).
 */
export const ABBREVIATIONS: Record<string, string> = {
  tf: 'terraform', ns: 'namespace', svc: 'service', sts: 'statefulset', cm: 'configmap', po: 'pod',
  ds: 'daemonset', rs: 'replicaset', k: 'kubectl', kctl: 'kubectl', repos: 'repo', cfg: 'config', b4: 'before', bc: 'because',
};

/** Forms of "be" and "get" that make a past participle passive: "should be scaled", "got deployed". */
export const PASSIVE_AUXILIARIES = ['be', 'been', 'being', 'is', 'are', 'was', 'were', 'get', 'got', 'gets', 'getting'];

/** Words after which an -ing form is the action asked for: "would you mind rolling it back". */
export const GERUND_LEADS = ['mind', 'try', 'trying', 'start', 'need', 'needs', 'recommend', 'suggest'];

/** Modal verbs: after one and its subject, "get"/"have" receive and the next verb is what is asked. */
export const MODAL_VERBS = ['can', 'could', 'would', 'will', 'may', 'might'];

/** Who a request is put to, between the modal and the verb: "can the next person compress …". */
export const ASKED_PEOPLE = ['person', 'team', 'folk', 'one', 'shift', 'on-call', 'oncall', 'engineer', 'admin', 'ops', 'sre', 'next'];

/** Subjects before a past-tense verb that make it a report: "we released …", "I created …". */
export const PAST_SUBJECTS = ['we', 'i', 'they', 'he', 'she', 'someone', 'somebody', 'you'];

/** Keys of `key=value` that are settings, not a service's count ("timeout=30" is no replica count). */
export const SETTING_KEYS = ['port', 'timeout', 'ttl', 'retries', 'retry', 'size', 'limit', 'memory', 'mem', 'cpu', 'cpus', 'count', 'workers', 'threads', 'max', 'min', 'debug', 'verbose', 'level', 'version'];

/** Words before a commit hash that make it the revision asked for: "revert commit 4f2a9c1". */
export const COMMIT_WORDS = ['commit', 'revision', 'sha', 'hash', 'reverts'];

/** Words that ask for a thing in a state: "we need reviews deployed to staging", "want loki installed". */
export const WANTING_LEADS = ['need', 'needs', 'want', 'wants', 'like', 'require', 'requires'];

/** Irregular verb forms, to their base. */
export const IRREGULAR_VERBS: Record<string, string> = {
  torn: 'tear', tore: 'tear', spun: 'spin', brought: 'bring', built: 'build', rebuilt: 'rebuild', made: 'make',
  ran: 'run', taken: 'take', took: 'take', undone: 'undo', wrote: 'write', written: 'write', sent: 'send',
};

/** Namespaces every cluster has, recognised by name alone. */
export const SYSTEM_NAMESPACES = ['kube-system', 'kube-public', 'kube-node-lease'];

/** kubectl resource types as written before a slash ("deploy/web", "sts/kafka"). */
export const KUBECTL_TYPES = ['deploy', 'deployment', 'deployments', 'pod', 'pods', 'po', 'svc', 'service', 'sts', 'statefulset', 'ds', 'daemonset', 'job', 'cronjob', 'cj', 'cm', 'configmap', 'secret', 'ns', 'node', 'no', 'rs', 'replicaset', 'ing', 'ingress', 'pvc', 'hpa'];

/** Object nouns to report as `details.object`, by their singular form. */
export const OBJECT_KINDS: Record<string, string> = {
  container: 'container', image: 'image', network: 'network', volume: 'volume', log: 'logs', pod: 'pod',
  deployment: 'deployment', statefulset: 'statefulset', daemonset: 'daemonset', cronjob: 'cronjob', namespace: 'namespace',
  ingress: 'ingress', configmap: 'configmap', secret: 'secret', release: 'release', chart: 'chart', repo: 'repository',
  repository: 'repository', branch: 'branch', tag: 'tag', commit: 'commit', pr: 'pull request', 'pull request': 'pull request',
  issue: 'issue', workflow: 'workflow', pipeline: 'pipeline', job: 'job', stack: 'stack', cluster: 'cluster', bucket: 'bucket',
  process: 'process', disk: 'disk', file: 'file', directory: 'directory', folder: 'directory', port: 'port',
  service: 'service', node: 'node', template: 'template', module: 'module', workspace: 'workspace', state: 'state',
  'disk space': 'disk', memory: 'memory', cpu: 'cpu', swap: 'swap', user: 'user', 'swap file': 'swap',
};

/**
 * Requests that point at something the text does not say: "the usual", "like last time". With
 * nothing else named they are clarified, not guessed.
 */
export const HISTORY_REFERENCES = ['the usual', 'like before', 'as before', 'same as last time', 'like last time', 'from yesterday', 'the thing', 'what we did', 'again', 'as usual'];
