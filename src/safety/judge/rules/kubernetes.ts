import type { ToolTable } from './types.js';

const SELECTORS = ['-l', '--selector', '--field-selector'];
const SECRET_KINDS = /^(secrets?|secret\/.+|secrets\/.+)$/;
/**
 * Output formats that print a Secret's values: the whole object, or a template that reaches its data
 * (a template naming only `.metadata` prints no secret; one read from a file may print anything).
 */
const PRINTS_DATA = /^(?:ya?ml|json)$|^(?:jsonpath|go-template|template|custom-columns)-file|^(?:jsonpath|go-template|template|custom-columns)(?:=.*(?:\.data\b|stringData|\.\.|\*|range|\$).*)?$/i;
const PROTECTED_NAMESPACES = /^(kube-system|kube-public|kube-node-lease|default)$/;
const NAMESPACE_KINDS = /^(ns|namespace|namespaces)$/;

export const KUBECTL_VALUE_FLAGS = [
  '-n', '--namespace', '-o', '--output', '-l', '--selector', '-f', '--filename', '-c', '--container', '--context', '--cluster',
  '--user', '--kubeconfig', '-s', '--server', '--field-selector', '--sort-by', '--since', '--tail', '--replicas', '--image', '-p',
  '--patch', '--type', '--as', '--as-group', '--token', '--timeout', '-k', '--kustomize', '--grace-period', '--for', '-L',
  '--label-columns', '--template', '--from-literal', '--from-file', '--from-env-file', '--clusterrole', '--role', '--serviceaccount',
  '--namespace', '--port', '--target-port', '--name', '--revision', '--to-revision', '--min', '--max', '--cpu-percent', '--limits',
  '--requests', '--env', '-e', '--restart', '--overrides', '--field-manager', '--subresource', '--chunk-size', '--request-timeout',
  '--cert', '--key', '--docker-server', '--docker-username', '--docker-password', '--docker-email', '--profile', '--api-group',
];

const kubectl: ToolTable = {
  id: 'kubectl',
  names: ['kubectl', 'oc', 'microk8s.kubectl', 'k3s-kubectl', 'kubecolor'],
  valueFlags: KUBECTL_VALUE_FLAGS,
  rules: [
    { id: 'dry-run', when: { flagValue: { '--dry-run': /^(|client|server|true)$/ } }, level: 'read', reason: 'a dry run changes nothing' },
    { id: 'secret-data', when: { sub: 'get', arg: SECRET_KINDS, flagValue: { '-o': PRINTS_DATA } }, level: 'admin', reason: 'prints Secret data', traits: ['prints-secret'] },
    { id: 'secret-data', when: { sub: 'get', arg: SECRET_KINDS, flagValue: { '--output': PRINTS_DATA } }, level: 'admin', reason: 'prints Secret data', traits: ['prints-secret'] },
    { id: 'secret-data', when: { sub: 'config view', anyFlag: ['--raw', '--flatten'] }, level: 'admin', reason: 'prints the kubeconfig with its credentials', traits: ['prints-secret'] },
    { id: 'secret-data', when: { sub: 'create token' }, level: 'admin', reason: 'prints a new service account token', traits: ['prints-secret'] },
    { id: 'list-all', when: { sub: 'get', arg: NAMESPACE_KINDS, noFlag: SELECTORS }, level: 'read', reason: 'lists every namespace', traits: ['lists-everything'] },
    { id: 'list-all', when: { sub: 'get', arg: /^(no|nodes?)$/, noFlag: SELECTORS }, level: 'read', reason: 'lists every node', traits: ['lists-everything'] },
    { id: 'list-all', when: { sub: 'get', anyFlag: ['-A', '--all-namespaces'], noFlag: SELECTORS }, level: 'read', reason: 'lists objects in every namespace', traits: ['lists-everything'] },
    { id: 'list-all', when: { sub: 'get', noFlag: SELECTORS, flagValue: { '-o': /^name$/ } }, level: 'read', reason: 'lists every object of a kind', traits: ['lists-everything'] },
    {
      id: 'inspect',
      when: { sub: 'get|describe|logs|top|explain|api-resources|api-versions|version|cluster-info|diff|events|wait|kustomize|completion|plugin|options|help|alpha|certificate' },
      level: 'read',
      reason: 'shows cluster objects',
    },
    { id: 'inspect', when: { sub: 'auth can-i|whoami|reconcile' }, level: 'read', reason: 'checks permissions' },
    { id: 'inspect', when: { sub: 'rollout history|status' }, level: 'read', reason: 'shows rollout state' },
    { id: 'inspect', when: { sub: 'config view|get-contexts|current-context|get-clusters|get-users|get' }, level: 'read', reason: 'shows kubeconfig settings' },
    { id: 'config', when: { sub: 'config delete-context|delete-cluster|delete-user|unset' }, level: 'admin', reason: 'removes kubeconfig entries' },
    { id: 'config', when: { sub: 'config' }, level: 'write', reason: 'changes local kubeconfig settings' },
    { id: 'local', when: { sub: 'port-forward|proxy' }, level: 'write', reason: 'forwards a local port to the cluster' },
    { id: 'delete-all-namespaces', when: { sub: 'delete', arg: NAMESPACE_KINDS, anyFlag: ['--all', '-A', '--all-namespaces'] }, level: 'dangerous', reason: 'deletes every namespace and everything in them' },
    { id: 'delete-everything', when: { sub: 'delete', anyFlag: ['--all', '-A', '--all-namespaces'] }, level: 'dangerous', reason: 'deletes every object of a kind at once' },
    { id: 'delete-protected', when: { sub: 'delete', arg: PROTECTED_NAMESPACES }, level: 'dangerous', reason: 'deletes a namespace the cluster itself needs' },
    { id: 'delete-protected', when: { sub: 'delete', flagValue: { '-n': PROTECTED_NAMESPACES } }, level: 'dangerous', reason: 'deletes objects the cluster itself needs' },
    { id: 'delete-protected', when: { sub: 'delete', flagValue: { '--namespace': PROTECTED_NAMESPACES } }, level: 'dangerous', reason: 'deletes objects the cluster itself needs' },
    { id: 'delete-prod', when: { sub: 'delete', prod: true }, level: 'dangerous', reason: 'deletes in a production namespace or cluster' },
    { id: 'delete', when: { sub: 'delete' }, level: 'admin', reason: 'deletes cluster objects', traits: ['acts-on-targets'] },
    { id: 'drain', when: { sub: 'drain', anyFlag: ['--all', '-l', '--selector'] }, level: 'dangerous', reason: 'drains many nodes at once' },
    { id: 'drain', when: { sub: 'drain' }, level: 'admin', reason: 'evicts every pod from a node', traits: ['acts-on-targets'] },
    { id: 'scale-everything-down', when: { sub: 'scale', anyFlag: ['--all'], flagValue: { '--replicas': /^0$/ } }, level: 'dangerous', reason: 'stops every workload at once' },
    { id: 'scale', when: { sub: 'scale' }, level: 'write', reason: 'changes the number of replicas', traits: ['acts-on-targets'] },
    { id: 'rollback', when: { sub: 'rollout undo' }, level: 'admin', reason: 'rolls a workload back to an earlier revision' },
    { id: 'grant-cluster-admin', when: { sub: 'create clusterrolebinding|rolebinding', flagValue: { '--clusterrole': /^(cluster-admin|admin)$/ } }, level: 'dangerous', reason: 'grants administrator rights over the cluster' },
    { id: 'grant', when: { sub: 'create clusterrolebinding|rolebinding|clusterrole|role' }, level: 'admin', reason: 'grants permissions in the cluster' },
    { id: 'replace-force', when: { sub: 'replace|apply', anyFlag: ['--force', '--prune'] }, level: 'admin', reason: 'deletes and recreates objects, or deletes objects missing from the files' },
    { id: 'shell', when: { sub: 'attach|debug' }, level: 'admin', reason: 'attaches to a running container or node' },
    { id: 'cordon', when: { sub: 'cordon|uncordon|taint' }, level: 'write', reason: 'changes node scheduling', traits: ['acts-on-targets'] },
    {
      id: 'change',
      when: { sub: 'apply|create|replace|patch|edit|label|annotate|set|autoscale|expose|run|rollout|cp|certificate|convert' },
      level: 'write',
      reason: 'creates or changes cluster objects',
    },
  ],
  otherwise: { level: 'admin', reason: 'a kubectl subcommand or plugin that is not known' },
};

const helm: ToolTable = {
  id: 'helm',
  names: ['helm', 'helm3'],
  valueFlags: [
    '-n', '--namespace', '-f', '--values', '--set', '--set-string', '--set-file', '--set-json', '--version', '--repo', '--kube-context',
    '--kubeconfig', '-o', '--output', '--timeout', '--max', '--revision', '--post-renderer', '--description', '--username', '--password',
    '--ca-file', '--cert-file', '--key-file', '--output-dir', '-d', '--destination', '--history-max', '--registry-config',
  ],
  rules: [
    { id: 'dry-run', when: { anyFlag: ['--dry-run'] }, level: 'read', reason: 'a dry run changes nothing' },
    { id: 'render-to-files', when: { sub: 'template', anyFlag: ['--output-dir'] }, level: 'write', reason: 'renders a chart into files' },
    { id: 'list-all', when: { sub: 'list|ls', noFlag: ['--filter', '-f', '--selector', '-l'] }, level: 'read', reason: 'lists every release', traits: ['lists-everything'] },
    { id: 'inspect', when: { sub: 'template|lint|show|inspect|search|list|ls|status|history|hist|get|env|version|verify|diff|completion|help' }, level: 'read', reason: 'shows charts or releases' },
    { id: 'inspect', when: { sub: 'repo|plugin|dependency|dep|registry list|ls' }, level: 'read', reason: 'shows repositories, plugins or dependencies' },
    { id: 'uninstall-prod', when: { sub: 'uninstall|delete|del|un', prod: true }, level: 'dangerous', reason: 'uninstalls a release in production' },
    { id: 'uninstall', when: { sub: 'uninstall|delete|del|un' }, level: 'admin', reason: 'uninstalls a release and deletes its objects', traits: ['acts-on-targets'] },
    { id: 'rollback', when: { sub: 'rollback' }, level: 'admin', reason: 'rolls a release back to an earlier revision' },
    { id: 'remove', when: { sub: 'repo|plugin remove|rm|uninstall' }, level: 'admin', reason: 'removes a chart repository or plugin' },
    { id: 'change', when: { sub: 'install|upgrade|repo|dependency|dep|package|pull|fetch|push|plugin|create|registry|test' }, level: 'write', reason: 'installs, upgrades or fetches charts' },
  ],
  otherwise: { level: 'admin', reason: 'a helm subcommand or plugin that is not known' },
};

const clusterTools: ToolTable = {
  id: 'kubernetes.local',
  names: ['kind', 'minikube', 'k3d', 'k9s', 'kubectx', 'kubens', 'stern', 'kustomize', 'skaffold', 'tilt', 'argocd', 'flux', 'istioctl', 'linkerd', 'velero', 'kubeseal', 'kubeconform', 'kubeval', 'kube-score', 'popeye'],
  rules: [
    { id: 'inspect', when: { sub: 'get|list|ls|status|version|describe|logs|build|validate|check|diff|show|history|help|completion|profile list' }, level: 'read', reason: 'shows clusters or manifests' },
    { id: 'inspect', when: { noArgs: true }, level: 'read', reason: 'shows clusters or contexts' },
    { id: 'delete', when: { sub: 'delete|uninstall|destroy|remove|rm|prune' }, level: 'admin', reason: 'deletes a cluster, application or backup', traits: ['acts-on-targets'] },
    { id: 'change', when: { sub: 'create|start|stop|apply|deploy|dev|run|sync|install|up|edit|set|app|reconcile|bootstrap|load|pause|resume|seal|restore|backup|schedule|tunnel|addons|service|image|cluster' }, level: 'write', reason: 'creates or changes clusters or deployments' },
  ],
  otherwise: { level: 'write', reason: 'changes the selected cluster or namespace' },
};

export const KUBERNETES_TABLES: ToolTable[] = [kubectl, helm, clusterTools];
