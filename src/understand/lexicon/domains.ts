import type { Domain, Intent } from '../../core/interpretation.js';

/**
 * How strongly a word points at a tool domain:
 * - `tool`: names the tool ("helm", "kubectl", "GitHub Actions");
 * - `object`: an object only that tool has ("pod", "chart", "pull request");
 * - `context`: the place where something happens ("in the shop namespace");
 * - `hint`: suggests the tool but is shared or generic ("stack", "repo", "a file").
 * Context and hints decide only when nothing stronger is named, and then only the strongest of
 * them.
 */
type Strength = 'tool' | 'object' | 'context' | 'hint';
export const STRENGTH_VALUE: Record<Strength, number> = { tool: 3, object: 2, context: 1.5, hint: 1 };

export interface DomainCue {
  /** Words as written; `…` stands for up to three other words. */
  phrase: string;
  /** null: the phrase only stops a shorter cue from matching ("GitHub Actions" is ci, not github). */
  domain: Domain | null;
  strength: Strength;
  /** Names an artifact to write: a request that starts with it and no verb asks to create it. */
  artifact?: boolean;
  /** Counts only as a noun: "release v2 to prod" is a verb, "the api release" a Helm release. */
  nounOnly?: boolean;
}

const rows = (domain: Domain | null, strength: Strength, phrases: string[], extra: Partial<DomainCue> = {}): DomainCue[] =>
  phrases.map((phrase) => ({ phrase, domain, strength, ...extra }));

export const DOMAIN_CUES: DomainCue[] = [
  ...rows('docker', 'tool', ['docker', 'docker hub', 'dockerhub', 'docker host', 'docker engine', 'podman', 'buildx']),
  ...rows('docker', 'tool', ['dockerfile', 'containerfile'], { artifact: true }),
  ...rows('docker', 'tool', ['containerize', 'containerise', 'dockerize', 'dockerise']),
  ...rows('docker', 'object', [
    'container', 'image', 'volume', 'network', 'bridge network', 'registry', 'dangling image', 'push … <image>', 'pull … <image>',
    'scan … <image>',
  ]),

  ...rows('compose', 'tool', [
    'compose', 'docker compose', 'docker-compose', 'docker-compose.yml', 'docker-compose.yaml', 'compose.yml',
    'compose.yaml', 'compose file', 'compose stack', 'compose setup', 'compose project',
  ], { artifact: true }),
  ...rows('compose', 'context', ['stack', 'local environment', 'local stack', 'local setup', 'dev environment', 'dev stack', 'development environment']),

  ...rows('shell', 'tool', [
    'shell', 'bash', 'systemctl', 'journalctl', 'chmod', 'chown', 'chgrp', 'crontab', 'cron', 'grep', 'tar', 'gzip',
    'rsync', 'scp', 'df', 'du', 'lsof', 'netstat', 'uptime', 'htop', 'apt', 'apt-get', 'yum', 'dnf', 'sudo', 'ssh',
  ]),
  ...rows('shell', 'object', [
    'disk', 'disk space', 'disk usage', 'process', 'logged in', 'swap', 'swap file', 'cpu usage', 'memory usage', 'load average', 'inode', 'filesystem',
    'file system', 'partition', 'home directory', 'auth log', 'syslog', 'executable', 'symlink',
    'cpu-consuming', 'open port',
  ]),
  ...rows('shell', 'context', ['this machine', 'this server', 'this host', 'this box', 'the box', 'the machine', 'the server', 'this vm']),
  ...rows('shell', 'hint', [
    'file', 'directory', 'folder', 'path', 'listening', 'kill', 'find', 'compress', 'archive', 'copy', 'move',
    'line', 'owner', 'free up', 'whatever', 'tarball', 'permission',
  ]),

  ...rows('kubernetes', 'tool', [
    'kubernetes', 'k8s', 'kubectl', 'kube', 'kustomize', 'kustomization', 'minikube',
    'kind cluster', 'k3s', 'velero', 'openshift', 'kube-system', 'kubeconfig',
  ]),
  ...rows('kubernetes', 'tool', ['kubernetes manifest', 'k8s manifest', 'manifest'], { artifact: true }),
  ...rows('kubernetes', 'object', [
    'pod', 'deployment', 'statefulset', 'stateful set', 'daemonset', 'replicaset', 'configmap', 'config map',
    'ingress', 'cronjob', 'cron job', 'pvc', 'persistent volume claim', 'persistentvolumeclaim',
    'service account', 'serviceaccount', 'rolebinding', 'role binding', 'clusterrole', 'networkpolicy',
    'network policy', 'etcd', 'control plane', 'rollout', 'kubernetes secret', 'k8s secret', 'crd',
    'custom resource', 'endpoint', 'liveness probe', 'readiness probe', 'probe', 'taint', 'toleration',
    'to … cluster', 'on … cluster', 'in … cluster', 'into … cluster', 'from … cluster', 'sidecar', 'init container',
    'resourcequota', 'limitrange', 'pod disruption budget', 'poddisruptionbudget', 'hpa', 'oomkilled',
    'crashloopbackoff', 'crashlooping', 'imagepullbackoff', 'gatekeeper', 'constraint template', 'admission',
    'port-forward', 'cordon', 'uncordon', 'drain node', 'rollout restart', 'rollout undo',
  ]),
  // kubectl's short resource names: "deploy/web", "the web deploy", "svc/api"
  ...rows('kubernetes', 'object', ['deploy'], { nounOnly: true }),
  ...rows('kubernetes', 'context', ['namespace', 'cluster-wide']),
  ...rows('kubernetes', 'hint', ['node', 'canary', 'rbac']),

  ...rows('helm', 'tool', ['helm', 'helmfile', 'helm chart', 'helm repo', 'helm values'], { artifact: true }),
  ...rows('helm', 'object', ['chart', 'values file', 'values.yaml', 'chart version', 'pre-install hook', 'post-install hook']),
  ...rows('helm', 'context', ['release'], { nounOnly: true }),
  ...rows('helm', 'hint', ['values'], { nounOnly: true }),

  ...rows('terraform', 'tool', [
    'terraform', 'terraform module', 'tf', 'hcl', 'tfstate', 'terraform state', 'terraform cloud',
    'opentofu', 'tofu', 'terragrunt',
  ], { artifact: true }),
  ...rows('terraform', 'hint', ['workspace', 'provider', 'tfvars', 'state file']),

  ...rows('cloudformation', 'tool', [
    'cloudformation', 'cloud formation', 'cfn', 'cloudformation stack', 'cfn stack', 'cloudformation template',
    'cfn template', 'sam template', 'stackset', 'stack set',
  ], { artifact: true }),
  ...rows('cloudformation', 'object', ['change set', 'changeset', 'update_rollback_failed', 'rollback_complete']),

  ...rows('arm', 'tool', [
    'arm', 'arm template', 'arm deployment', 'arm json', 'azuredeploy.json', 'azure resource manager',
    'resource manager template',
  ], { artifact: true }),
  ...rows('arm', 'object', ['invalidtemplate']),
  ...rows('bicep', 'tool', ['bicep', 'bicep file', 'bicep template', 'bicep module', 'bicep deployment', 'bicepparam'], { artifact: true }),
  ...rows('bicep', 'object', ['bcp062']),

  ...rows('git', 'tool', ['git', 'gitignore', '.gitignore', 'git repo', 'git repository', 'local repo', 'local repository']),
  ...rows('git', 'object', [
    'commit', 'branch', 'local branch', 'cherry-pick', 'rebase', 'reflog', 'stash', 'origin', 'head', 'upstream',
    'push … code', 'push … branch', 'push … commit', 'push … tag', 'git tag', 'merge conflict', 'submodule',
    'working tree', 'non-fast-forward', 'detached head', 'tag … in git', 'clone',
  ]),
  ...rows('git', 'hint', ['merge', 'push', 'tag', 'locally']),

  ...rows('github', 'tool', ['github', 'gh', 'github.com', 'github repo', 'github repository']),
  ...rows('github', 'object', [
    'pull request', 'pr', 'draft pr', 'issue #', 'github issue', 'github release', 'branch protection',
    'required reviewer', 'repository secret', 'repo secret', 'actions secret', 'github environment', 'codeowners',
    'dependabot', 'github pages', 'gist', 'release note', 'issue',
  ]),
  ...rows('github', 'context', ['repo', 'repository']),
  ...rows('github', 'hint', ['fork']),

  ...rows('ci', 'tool', [
    'ci', 'ci/cd', 'cicd', 'continuous integration', 'github actions', 'github action', 'gh actions', 'actions workflow',
    'gitlab', 'gitlab ci', 'gitlab-ci', '.gitlab-ci.yml', 'circleci', 'circle ci', '.circleci', 'jenkins',
    'jenkinsfile', 'azure pipelines', 'azure pipeline', 'azure devops', 'azure-pipelines.yml', 'travis',
    'travis ci', 'bitbucket pipelines', 'buildkite', 'drone ci', 'teamcity', 'argo workflows', 'tekton',
  ], { artifact: true }),
  ...rows('ci', 'object', ['pipeline', 'workflow', 'runner', 'ci job', 'ci pipeline'], { artifact: true }),
  ...rows('ci', 'object', ['build'], { nounOnly: true }),
  ...rows('ci', 'hint', ['job']),

  // Phrases that are not the tool their words suggest.
  ...rows(null, 'hint', [
    'container app', 'container instance', 'container registry', 'app service', 'image tag', 'ghcr', 'ghcr.io', 'node group', 'node pool', 'scale set', 'key vault', 'network security group',
    'virtual network', 'service mesh', 'api version', 'apiversion', 'build artifact', 'data pipeline', 'shell into',
    'a shell', 'every pr', 'each pr', 'on pr', 'on every pr', 'every pull request', 'on pull request',
    'on every pull request', 'for every pr', 'test pr', 'pr build', 'pr check', 'every merge request', 'on merge request',
    // where a review comment comes from, or the machine a build runs on, not the tool asked for
    'this pr', 'this pull request', 'this diff', 'broke the build', 'breaks the build', 'broken build', 'new build of',
    'build box', 'build agent', 'build host', 'build server', 'build machine',
    // managed Kubernetes is a cloud resource (written as IaC), not kubectl-level work
    'azure kubernetes service', 'elastic kubernetes service', 'google kubernetes engine', 'amazon eks',
    // "az deployment group create": an ARM/Bicep deployment, not a Kubernetes Deployment
    'az deployment', 'azure deployment', 'resource group deployment',
    // a file type or a schedule, not the tool
    'tar file', 'tar archive', 'cron schedule', 'cron expression', 'cron syntax', 'cron trigger',
  ]),
];

/**
 * Decisions of the contract for domains that overlap: evidence below `below` for `drop` is set
 * aside when any of `when` is named at least as an object.
 */
interface DomainOverlap {
  drop: Domain;
  /** Evidence for `drop` weaker than this is set aside (naming the tool always stays). */
  below: Strength;
  when: Domain[];
  /** How strongly one of `when` must be named: `object` unless said. */
  whenAtLeast?: Strength;
  /** Only when all the evidence for `drop` comes from these words. */
  onlyCues?: string[];
  reason: string;
}

/** Decisions of the contract for domains that overlap, applied when any of `when` is named at least as an object. */
export const DOMAIN_OVERLAPS: DomainOverlap[] = [
  { drop: 'docker', below: 'tool', when: ['compose', 'kubernetes', 'helm', 'ci', 'bicep', 'arm', 'cloudformation'], reason: 'containers and images inside a stack, cluster, chart, pipeline or template belong to that tool' },
  { drop: 'kubernetes', below: 'object', when: ['helm'], whenAtLeast: 'context', reason: 'a Helm request is helm alone unless kubectl-level objects are acted on' },
  { drop: 'docker', below: 'tool', when: ['compose'], whenAtLeast: 'context', reason: 'images and containers of a stack belong to compose' },
  { drop: 'kubernetes', below: 'tool', when: ['arm', 'bicep', 'cloudformation'], reason: 'a deployment of a template is not a Kubernetes Deployment' },
  { drop: 'git', below: 'tool', when: ['ci'], onlyCues: ['branch', 'merge', 'push', 'tag'], reason: 'the branch a pipeline runs for is a setting of the pipeline' },
];

/** What a machine has: a look at one of them with nothing else named is a look at this machine. */
export const MACHINE_RESOURCES = ['ram', 'memory', 'cpu', 'disk', 'swap', 'load', 'core', 'uptime', 'inode'];

/** Verbs that bring a hosted repository to local work: "clone acme/infra" is git. */
export const REPOSITORY_LOCAL_VERBS = ['clone'];

/** Nouns for what is written for a CI system: "a gitlab-ci job that builds the image". */
export const CI_ARTIFACT_NOUNS = ['job', 'pipeline', 'workflow', 'config', 'configuration', 'file', 'yaml', 'stage', 'step'];

/**
 * File names that name their tool: "main.bicep" is read as "bicep", "prod.tfvars" as "terraform".
 * The word replaces the file name only for matching; the file name is still reported as written.
 */
export const FILE_TYPE_WORDS: { suffix: string; word: string }[] = [
  { suffix: '.bicep', word: 'bicep' },
  { suffix: '.bicepparam', word: 'bicep' },
  { suffix: '.tf', word: 'terraform' },
  { suffix: '.tfvars', word: 'terraform' },
  { suffix: '.tfstate', word: 'tfstate' },
];

/**
 * Object nouns that only qualify the next word: "the network folder", "the ingress namespace"
 * (there the word is a name), so they are not evidence of their tool.
 */
export const QUALIFIED_NOUNS = ['folder', 'directory', 'dir', 'file', 'files', 'path', 'module', 'namespace'];

/**
 * When a request names no tool, the contract's defaults decide, in this order. Each rule reads
 * the facts the text gave and names the domain with the reason.
 */
export type DefaultFact = 'cloud' | 'cloudResource' | 'severalServices' | 'sharedEnvironment' | 'severalNames' | 'oneTarget' | 'machineTask';

interface DefaultDomainRule {
  when: DefaultFact[];
  /** Only for these intents, when given. */
  intents?: Intent[];
  domain: Domain;
  reason: string;
}

export const DEFAULT_DOMAIN_RULES: DefaultDomainRule[] = [
  { when: ['cloud'], intents: ['create', 'destroy', 'update', 'scale', 'backup', 'restore', 'monitor', 'debug', 'deploy'], domain: 'terraform', reason: 'cloud resources with no tool named are Terraform' },
  { when: ['cloudResource'], domain: 'terraform', reason: 'cloud resources with no tool named are Terraform' },
  { when: ['machineTask'], domain: 'shell', reason: 'machine and file tasks run in the shell' },
  { when: ['severalServices'], domain: 'compose', reason: 'several services on one host make a compose stack' },
  { when: ['sharedEnvironment'], domain: 'kubernetes', reason: 'app operations on staging or prod run on Kubernetes' },
  { when: ['severalNames'], domain: 'compose', reason: 'several services with no environment are a compose stack' },
  { when: ['oneTarget'], domain: 'docker', reason: 'one named app or container with no environment is Docker' },
];

/** Nouns for cloud resources: with no tool named they are written as Terraform. */
export const CLOUD_RESOURCE_WORDS = [
  'vpc', 'subnet', 'bucket', 'load balancer', 'security group', 'iam role', 'iam policy', 'iam user', 'dns zone',
  'hosted zone', 'route table', 'internet gateway', 'nat gateway', 'vm', 'virtual machine', 'ec2 instance', 'ami',
  'rds instance', 'database instance', 'db instance', 'kms key', 'sqs queue', 'sns topic', 'lambda function',
  'autoscaling group', 'auto scaling group', 'launch template', 'cloudwatch alarm', 'elastic ip', 'eip',
  'memcached cluster', 'redis cluster', 'elasticache', 'dynamodb table', 'api gateway', 'cdn', 'cloudfront',
  'storage account', 'resource group', 'firewall rule', 'vpn', 'peering', 'transit gateway', 'efs', 'ebs volume',
  'glue', 'kinesis', 'msk', 'sagemaker', 'cognito', 'secrets manager', 'parameter store', 'acm certificate',
  'route53', 'route 53', 'codebuild', 'codepipeline', 'beanstalk', 'elastic beanstalk', 'redshift', 'aurora',
  'neptune', 'documentdb', 'opensearch', 'lightsail', 'ecs cluster', 'eks cluster', 'aks cluster', 'gke cluster',
  'fargate', 'node pool', 'node group', 'container registry',
];
