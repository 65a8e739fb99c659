import type { Domain, Intent } from '../../core/interpretation.js';

/**
 * How a cue is used in a sentence, which decides how much it counts:
 * - `verb`: an action word; full weight at the head of a clause ("restart the api"), little when
 *   used as a noun ("the last deploy") or inside a relative clause ("a workflow that deploys").
 * - `command`: a tool and its subcommand ("terraform plan", "kubectl get"): decisive when the
 *   request starts with it, an ordinary verb elsewhere.
 * - `question`: asks something ("why", "how many"): strong anywhere in the request.
 * - `noun`: names the change itself ("replicas", "more memory"); weak as an attribute ("with 3
 *   replicas").
 * - `symptom`: describes a problem ("crashlooping", "keeps failing"); weaker than any request.
 * - `none`: a phrase that only stops a shorter cue from matching ("GitHub release" is not the verb
 *   "release", "pull request" is not "pull").
 */
type CueKind = 'verb' | 'command' | 'question' | 'noun' | 'symptom' | 'none';

export interface IntentCue {
  /** Words as written; `…` stands for up to three other words; `<service>` and `<image>` for a catalog service or an image reference. */
  phrase: string;
  intent: Intent | null;
  kind: CueKind;
  weight: number;
  /** Counts only when the request also names one of these domains (as a tool or an object). */
  onlyWith?: Domain[];
  /** Counts only at the start of a clause: "which ports are open", not "a stream, which delivers". */
  headOnly?: boolean;
}

const cues = (intent: Intent | null, kind: CueKind, weight: number, phrases: string[], extra: Partial<IntentCue> = {}): IntentCue[] =>
  phrases.map((phrase) => ({ phrase, intent, kind, weight, ...extra }));

export const INTENT_CUES: IntentCue[] = [
  // create: something new that does not exist yet
  ...cues('create', 'verb', 1, [
    'create', 'set up', 'setup', 'spin up', 'stand up', 'provision', 'scaffold', 'generate', 'write', 'bootstrap',
    'initialize', 'initialise', 'init', 'define', 'draft', 'build', 'make a', 'make an', 'make me', 'add', 'new',
    'open', 'clone', 'fork',
    'tag', 'convert', 'turn … into', 'translate', 'decompile', 'compile', 'port … to', 'store', 'launch', 'bring up',
    'start a', 'start an', 'start up a', 'allocate', 'author', 'design', 'containerize', 'containerise', 'dockerize',
    'package', 'branch off', 'put together', 'prepare', 'produce', 'configure a', 'configure an', 'cut a release',
    'file an issue', 'file a bug', 'file a ticket', 'raise an issue', 'log an issue', 'drop a', 'drop an', 'drop in a',
    'rewrite … as', 'rewrite … in', 'refactor', 'rework … into', 'split … into module', 'export … as', 'add … repo to helm',
    'add … helm repo', 'add … chart repo', 'get … running', 'turn … into', 'convert … into', 'convert … to',
  ]),
  ...cues('create', 'verb', 1.2, ['publish … release', 'migrate … to', 'move … to kubernetes']),
  // Wanting a thing asks for it; "we want to test" is about the next verb.
  ...cues('create', 'verb', 0.6, [
    'need a', 'need an', 'need some', 'need <service>', 'want a', 'want an', 'want <service>', 'give me', 'would like a',
    'would like an', 'get me a', 'get me an',
  ]),
  // "run the django migrations inside the web container": a task run once, not a service started.
  // Listed first: of two cues that match as much, the first counts.
  ...cues('execute', 'verb', 1.3, ['run … migration', 'run … task', 'run … script', 'run … command', 'run … once']),
  // chmod and chown in words are file tasks
  ...cues('execute', 'verb', 1.3, ['change … permissions', 'change … permission', 'change … ownership', 'change … owner', 'fix … permissions']),
  ...cues('create', 'verb', 1.2, ['run … <service>', 'run … <image>', 'run … container']),

  // deploy: roll out something that exists onto a target
  ...cues('deploy', 'verb', 1, [
    'deploy', 'redeploy', 're-deploy', 'ship', 'release', 'roll out', 'rollout', 'install', 'apply', 'promote',
    'publish', 'trigger', 're-trigger', 'retrigger', 're-run', 'rerun', 'kick off', 'go live', 'push … to prod', 'push … to production',
    'push … to staging', 'push … to live', 'upload',
  ]),
  ...cues('deploy', 'verb', 1.2, [
    'push … image', 'push … <image>', 'push … build', 'push … to ecr', 'push … to acr', 'push … to gcr', 'push … to ghcr',
    'push … to registry', 'push … to docker hub', 'chart into', 'chart onto', 'run … job', 'run … pipeline', 'run … workflow', 'run … build',
    'start … pipeline', 'start … build', 'start … job', 'start … workflow',
  ]),

  // update: change something that exists
  ...cues('update', 'verb', 1, [
    'update', 'upgrade', 'bump', 'change', 'set', 'modify', 'edit', 'patch', 'reconfigure', 'configure', 'restart',
    'reboot', 'reload', 'stop', 'start', 'pause', 'resume', 'merge', 'commit', 'push', 'cherry-pick',
    'rebase', 'recreate', 'enable', 'disable', 'turn on', 'turn off', 'map', 'refresh', 'rotate', 'replace', 'switch',
    'fmt', 'format', 'import', 'tweak', 'adjust', 'attach', 'connect', 'protect', 'require', 'pin', 'unpin',
    'expose', 'check out', 'migrate', 'pull … image', 'publish … port', 'redirect', 'route', 'grant', 'revoke',
    'label', 'annotate', 'taint', 'cordon', 'uncordon', 'drain', 'lock', 'unlock', 'sync', 'squash', 'amend',
  ]),
  ...cues('update', 'verb', 1.1, ['pick up … latest', 'pick up … new', 'pull … latest', 'pull … newer']),
  ...cues('update', 'verb', 0.8, ['make the', 'make it', 'make my', 'make our', 'make this', 'make them']),
  // adding something to what exists changes it: "add a health check to the api service"
  ...cues('update', 'verb', 1.1, ['add … to']),
  ...cues('update', 'verb', 1.1, ['move', 'rename'], { onlyWith: ['terraform', 'git', 'github', 'kubernetes', 'helm', 'docker', 'compose', 'ci', 'cloudformation', 'arm', 'bicep'] }),

  // scale: capacity
  ...cues('scale', 'verb', 1.1, [
    'scale', 'autoscale', 'resize', 'increase', 'raise', 'decrease', 'reduce', 'double', 'triple', 'halve',
    'scale up', 'scale down', 'scale out', 'scale in', 'grow', 'shrink',
  ]),
  ...cues('scale', 'noun', 1.5, [
    'replica', 'replica count', 'autoscaling', 'autoscaler', 'hpa', 'horizontal pod autoscaler', 'more memory',
    'more cpu', 'more ram', 'more resources', 'more capacity', 'more instances', 'more copies', 'more replicas',
    'memory limit', 'cpu limit', 'in parallel', 'max size', 'min size', 'desired count', 'node count',
    'maxreplicas', 'minreplicas', 'replicacount', '--scale', 'desiredcount', 'desired_count', 'max_size', 'min_size',
    'of memory', 'of ram', '<number> instance', '<number> copy', '<number> node', '<number> task', '<number> worker',
    'copies of', 'more nodes', 'more workers', 'capacity', '<number> pod', '<number> replica', 'max instance',
    'min instance', 'max replica', 'min replica', 'maximum instance', 'minimum instance', 'resource limit',
    'resource request', 'memory request', 'cpu request', 'more pods', 'more cpus', 'more vcpus',
  ]),

  // monitor: only look
  ...cues('monitor', 'verb', 1, [
    'show', 'list', 'display', 'view', 'see', 'check', 'inspect', 'describe', 'watch', 'tail', 'print', 'monitor',
    'look at', 'tell me', 'get', 'fetch', 'compare', 'verify', 'validate', 'lint', 'audit', 'diff', 'detect',
    'follow', 'count … running', 'find … running', 'stream', 'report', 'summarize', 'summarise', 'explain',
    'preview',
  ]),
  ...cues('monitor', 'question', 1.6, [
    'how many', 'how much', 'what is running', 'what is using', 'what is listening', 'healthy', 'status', 'what-if',
    'what if', 'drift', 'uptime', 'logged in', 'what version', 'what … running', 'what … deployed', 'what … installed',
    'anything using', 'anything listening', 'how long … up', 'how long … running', 'eating', 'hogging',
  ]),
  ...cues('monitor', 'question', 1, ['what is', 'what are', 'how is', 'how are'], { headOnly: true }),
  ...cues('monitor', 'question', 1.6, [
    'which', 'who is', 'is … healthy', 'is … up', 'is … running', 'where is', 'when did', 'what is the', 'is anything',
    'is something', 'is there', 'what would', 'what will',
  ], { headOnly: true }),
  // "what processes use the most memory": a question about what is there.
  ...cues('monitor', 'question', 0.9, ['what'], { headOnly: true }),
  ...cues('monitor', 'noun', 0.8, ['log', 'metrics', 'usage', 'plan', 'output', 'health']),
  ...cues('monitor', 'noun', 1, ['history']),

  // destroy
  ...cues('destroy', 'verb', 1, [
    'delete', 'remove', 'tear down', 'teardown', 'destroy', 'prune', 'clean up', 'cleanup', 'get rid of', 'clear out', 'clear … out', 'clean out', 'uninstall', 'purge',
    'drop', 'wipe', 'close', 'get rid of', 'decommission', 'erase', 'deprovision', 'nuke', 'discard',
    'deregister', 'unregister', 'archive … repo', 'can go', 'can be deleted', 'can be removed', 'no longer needed',
  ]),

  // backup
  ...cues('backup', 'verb', 1.1, [
    'back up', 'backup', 'snapshot', 'dump', 'export', 'save a copy', 'take a dump', 'take a snapshot', 'take a backup',
    'make a backup', 'make a snapshot', 'create a backup', 'create a snapshot', 'keep a copy', 'copy … to s3',
    'run … backup', 'run … snapshot', 'run … dump', 'trigger … backup', 'take a copy', 'grab a copy', 'get a copy',
    'stash a copy', 'make a copy', 'keep … copy', 'copy … somewhere safe', 'a copy … before', 'take … backup', 'take … snapshot', 'save … to a file', 'save … to file',
    'pg_dump', 'mysqldump', 'mongodump',
  ]),

  // restore
  ...cues('restore', 'verb', 1.2, [
    'restore', 'recover', 'load … dump', 'load … backup', 'load … snapshot', 'load … tarball', 'import … dump',
    'import … backup', 'bring back', 'bring … back', 'get … back', 'put … back', 'undelete', 'reimport', 'rehydrate', 'replay … dump',
    'reload … from', 'load … from … backup', 'load … from … export', 'load … back', 'load … back into',
  ]),
  ...cues('restore', 'noun', 0.6, ['from … backup', 'from … snapshot', 'from … dump', 'from … export']),

  // rollback
  ...cues('rollback', 'verb', 1.2, [
    'roll back', 'rollback', 'roll … back', 'revert', 'undo', 'go back', 'downgrade', 'back out', 'reset',
    'restore … previous', 'return … to the previous', 'rollout undo', 'undo … rollout', 'redeploy … previous', 'redeploy … last',
    'back to … last good', 'back to … previous', 'back to … last known good',
  ]),
  ...cues('rollback', 'noun', 0.7, ['previous version', 'previous release', 'previous revision', 'last good', 'last known good']),

  // debug: find out why something is wrong
  ...cues('debug', 'question', 1.6, [
    'why', 'what is wrong', 'what went wrong', 'what broke', 'what is causing', 'wrong with', 'what happened',
    'root cause', 'what is going on', 'going on with',
  ]),
  ...cues('debug', 'verb', 1.3, [
    'debug', 'troubleshoot', 'diagnose', 'investigate', 'figure out', 'find out', 'look into', 'fix', 'repair',
    'shell into', 'exec into', 'ssh into', 'get a shell', 'open a shell', 'attach to', 'drop into', 'get into',
    'dig into', 'resolve', 'sort … out', 'port-forward', 'take a look', 'have a look', 'check on',
    'something is up', 'something is wrong', 'what is up with', 'what is wrong with', 'give me a shell', 'a shell in',
    'a shell into', 'a shell on',
  ]),
  // "git push … gives me `rejected`, how do i fix": asking how to fix outweighs the command pasted with it.
  ...cues('debug', 'question', 2.5, ['how do i fix', 'how to fix', 'how can i fix', 'what gives', 'why does', 'why is', 'why do']),
  ...cues('debug', 'symptom', 0.5, [
    'crashloop', 'crashlooping', 'keeps', 'kept', 'crashloopbackoff', 'crash', 'crashing', 'keep crashing', 'failing', 'fail', 'fails',
    'broken', 'broke', 'not working', 'not work', 'stuck', 'hang', 'hangs', 'time out', 'timed out', 'oomkilled',
    'slow', 'rejected', 'keep exiting', 'exit immediately', 'exits', 'keep restarting', 'can not', 'cannot',
    'unable', 'not accessible', 'not reachable', 'unreachable', 'throwing', '502', '500', '503', '504', 'pending',
    'complain', 'error', 'errors', 'corrupted', 'imagepullbackoff', 'errimagepull', 'evicted', 'refused', 'denied',
    'not starting', 'not responding', 'unhealthy', 'degraded', 'red', 'help',
    'not start', 'not come up', 'not boot', 'not load', 'not connect', 'not run', 'not deploy', 'not build', 'not pull',
    'dies', 'died', 'dying', 'flaky', 'flaking', 'every single', 'every time', 'each time', 'over and over', 'again and again',
    'expired', 'expiring', 'not found', 'no data', 'never', 'merge conflict', 'forever', 'pile up', 'piling up', 'fill up', 'filling up',
    'running out of', 'ran out of', 'out of memory', 'out of disk', 'disk full', 'is full', 'conflict', 'sealed',
    'loop back', '404', '401', '403', '404s', '500s', '502s', '503s', 'every run', 'each run', 'every plan', 'every deploy', 'quota', 'leak', 'leaking', 'spike', 'spiking', 'lag', 'timeout', 'stopped working',
    'stopped running', 'stop working', 'went down', 'is down', 'are down', 'goes down', 'keep growing', 'keep getting', 'keep failing',
    'flapping', 'throttled', 'throttling', 'exceeded', 'invalid', 'mismatch', 'does not', 'do not work', 'did not', 'is not',
    'are not', 'can not find', 'not find', 'no longer work', 'blocked', 'hung', 'stalled', 'frozen', 'regression', 'choke', 'choking',
  ]),

  // execute: one-off system or shell tasks
  ...cues('execute', 'verb', 0.6, ['run', 'execute', 'exec']),
  ...cues('execute', 'verb', 1, [
    'compress', 'archive', 'zip', 'unzip', 'untar', 'extract', 'find', 'search', 'grep', 'count', 'copy', 'kill',
    'pkill', 'killall', 'free up', 'rsync', 'scp', 'sort', 'download', 'curl', 'wget', 'chmod', 'chown',
    'change … owner', 'change … permission', 'make … executable', 'truncate', 'rotate … log', 'mount', 'unmount',
    'terminate … process', 'ping', 'transfer', 'count how many', 'replace … <file>',
  ]),
  // Counting lines or files is a file task, even when it is asked as "print the number of lines".
  ...cues('execute', 'noun', 1.5, ['number of line', 'number of file', 'number of word']),
  ...cues('execute', 'question', 1.8, ['how many line', 'how many file', 'line count', 'count the line']),
  ...cues('execute', 'verb', 1.5, ['set permission', 'set … permission', 'change permission', 'bundle … up', 'tar … up', 'zip … up', 'gzip']),

  ...cues('execute', 'verb', 1, ['move', 'rename']),

  // Tool commands: decisive when the request starts with them.
  ...cues('create', 'command', 2, [
    'docker run', 'docker build', 'docker create', 'docker network create', 'docker volume create', 'docker tag',
    'kubectl create', 'kubectl run', 'kubectl expose', 'helm create', 'helm repo add', 'git init', 'git clone',
    'git branch', 'git checkout -b', 'git switch -c', 'git tag', 'gh repo create', 'gh pr create', 'gh issue create',
    'gh release create', 'docker compose up', 'docker-compose up', 'compose up', 'mkdir', 'touch', 'git worktree add',
    'terraform workspace new', 'gh secret set',
  ]),
  ...cues('deploy', 'command', 2, [
    'docker push', 'helm upgrade --install', 'kubectl apply', 'helm install', 'terraform apply', 'aws cloudformation deploy',
    'aws cloudformation create-stack', 'az deployment group create', 'az deployment sub create', 'gh workflow run',
    'gh run rerun', 'docker stack deploy', 'sam deploy', 'cdk deploy',
  ]),
  ...cues('update', 'command', 2, [
    'docker start', 'docker stop', 'docker restart', 'docker pull', 'docker update', 'docker rename',
    'docker compose restart', 'docker compose pull', 'docker-compose restart', 'docker-compose pull', 'kubectl edit',
    'kubectl patch', 'kubectl set', 'kubectl label', 'kubectl annotate', 'helm upgrade', 'helm repo update',
    'terraform fmt', 'terraform import', 'terraform state mv', 'terraform state rm', 'git commit', 'git push', 'git pull', 'git merge',
    'git rebase', 'git cherry-pick', 'git checkout', 'git switch', 'git stash', 'git fetch', 'gh pr merge',
    'systemctl restart', 'systemctl start', 'systemctl stop', 'systemctl reload', 'systemctl enable', 'service … restart',
    'kubectl cordon', 'kubectl drain', 'apt-get install', 'apt install', 'npm install', 'kubectl rollout restart',
  ]),
  ...cues('scale', 'command', 2, ['kubectl scale', 'kubectl autoscale', 'docker compose up --scale', 'docker service scale']),
  // `docker compose up -d --scale worker=3`: the flag says the request, whatever comes between.
  ...cues('scale', 'command', 2.5, ['docker compose up … --scale', 'docker-compose up … --scale', 'compose up … --scale']),
  ...cues('monitor', 'command', 2, [
    'docker ps', 'docker logs', 'docker images', 'docker inspect', 'docker stats', 'docker top', 'docker image ls',
    'docker container ls', 'docker network ls', 'docker volume ls', 'docker compose ps', 'docker compose logs',
    'docker-compose ps', 'docker-compose logs', 'docker compose config', 'kubectl get', 'kubectl describe',
    'kubectl logs', 'kubectl top', 'kubectl diff', 'kubectl rollout status', 'kubectl rollout history',
    'kubectl explain', 'kubectl auth can-i', 'helm ls', 'helm list', 'helm status', 'helm get', 'helm history',
    'helm template', 'helm lint', 'helm show', 'helm search', 'helm diff', 'terraform init', 'terraform validate',
    'terraform plan', 'terraform show', 'terraform output', 'terraform state list', 'terraform graph',
    'terraform providers', 'git status', 'git log', 'git diff', 'git show', 'git blame', 'git branch -a',
    'gh release list', 'gh release view', 'gh repo list', 'gh repo view', 'gh issue view', 'gh workflow list',
    'gh workflow view', 'gh pr status', 'gh pr checks',
    'gh pr list', 'gh pr view', 'gh run list', 'gh run view', 'gh issue list', 'df', 'du', 'ps', 'top', 'htop',
    'uptime', 'who', 'free -h', 'free -m', 'netstat', 'ss', 'lsof', 'vmstat', 'iostat', 'journalctl',
    'systemctl status', 'cat', 'less', 'head', 'tail -f', 'ls', 'stat', 'whoami', 'last', 'nproc', 'lscpu',
    'az deployment group what-if', 'aws cloudformation describe-stacks', 'aws cloudformation detect-stack-drift',
    'cfn-lint', 'bicep build', 'az bicep build', 'tflint', 'checkov', 'hadolint', 'docker compose ls',
  ]),
  ...cues('destroy', 'command', 2, [
    'docker rm', 'docker rmi', 'docker kill', 'docker system prune', 'docker image prune', 'docker container prune',
    'docker volume prune', 'docker network prune', 'docker volume rm', 'docker network rm', 'docker compose down',
    'docker-compose down', 'compose down', 'kubectl delete', 'helm uninstall', 'helm delete', 'helm repo remove',
    'terraform destroy', 'git branch -d', 'git branch -D', 'git push --delete', 'gh repo delete', 'gh pr close',
    'gh issue close', 'gh release delete', 'aws cloudformation delete-stack', 'rm', 'rmdir', 'shred',
  ]),
  ...cues('backup', 'command', 2, [
    'pg_dump', 'pg_dumpall', 'mysqldump', 'mongodump', 'git bundle', 'etcdctl snapshot save', 'velero backup create',
    'docker save', 'docker export', 'docker commit', 'redis-cli save', 'redis-cli bgsave',
  ]),
  ...cues('restore', 'command', 2, ['pg_restore', 'mongorestore', 'etcdctl snapshot restore', 'velero restore create', 'docker load']),
  ...cues('rollback', 'command', 2, ['kubectl rollout undo', 'helm rollback', 'git revert', 'git reset', 'git reset --hard']),
  ...cues('debug', 'command', 2, ['docker exec -it', 'kubectl exec -it', 'kubectl debug', 'kubectl port-forward']),
  ...cues('execute', 'command', 2, [
    'docker exec', 'kubectl exec', 'kubectl cp', 'docker cp', 'chmod', 'chown', 'chgrp', 'find', 'grep', 'tar',
    'gzip', 'gunzip', 'zip', 'unzip', 'cp', 'mv', 'rsync', 'scp', 'kill', 'pkill', 'killall', 'wc', 'sort', 'sed',
    'awk', 'xargs', 'ln', 'curl', 'wget', 'ssh', 'echo', 'sudo', 'crontab', 'make', 'npm run', 'python', 'bash', 'sh',
    'split', 'csplit', 'uniq', 'jq', 'md5sum', 'sha256sum', 'truncate', 'dd',
  ]),

  // Phrases that look like cues but are not requests.
  ...cues(null, 'none', 0, [
    'github release', 'gh release', 'helm release', 'image tag', 'backup bucket', 'backup file', 'backup archive', 'backup vault',
    'backup copy', 'scale set', 'build artifact', 'build stage', 'deploy stage', 'test stage', 'deploy job',
    'build job', 'on push', 'on every push', 'on pushes', 'pull request', 'merge request', 'change set', 'changeset',
    'state lock', 'log file', 'log aggregation', 'log group', 'logs bucket', 'set of', 'a set', 'up to', 'release note',
    'release branch', 'release pipeline', 'release version', 'push event', 'push trigger', 'on merge', 'status check',
    'health check', 'healthcheck', 'run on', 'runs on', 'key vault', 'build and test', 'dump file', 'backup policy',
    'backup plan', 'backup retention', 'snapshot policy', 'export of', 'plan on', 'plans on', 'on pull request',
    'read replica', 'check out … branch', 'is there a way', 'is there any way', 'heads up', 'lgtm',
    // a newcomer asking how, about a task already stated
    'what is the right way', 'what is the command', 'what would the command be', 'how does that work', 'what is the usual way',
    'is there something better', 'how would i', 'how do i do that', 'how do we do that',
    'new here', 'new to', 'am new', 'newbie', 'first week',
    // a wish with nothing to act on (the contract's own example of a request to clarify)
    'make it better', 'make it faster', 'make things better', 'make it work', 'the execs', 'make sure',
    // "make everything better": no object to make, only a wish (asked about, not run as `make`)
    'make everything', 'make thing', 'make stuff',
  ]),
];

/** Words that lead into a request without being one: "please", "can you", "I want to". */
export const FILLERS = [
  'please', 'pls', 'plz', 'kindly', 'can', 'could', 'would', 'will', 'you', 'i', 'we', 'just', 'now', 'then',
  'also', 'go', 'ahead', 'and', 'let', 'us', 'to', 'want', 'need', 'like', 'help', 'me', 'quickly', 'first',
  'finally', 'next', 'hey', 'ok', 'okay', 'so', 'lets', 'try', 'to', 'should', 'must', 'ai', 'reign', 'immediately',
  'asap', 'again', 'actually', 'really', 'mind', 'yo', 'hi', 'hello', 'ugh', 'hmm', 'someone', 'somebody', 'anyone', 'anybody',
];

/** Words that open a relative or subordinate clause: verbs after them describe, they do not ask. */
export const SUBORDINATORS = [
  'that', 'which', 'who', 'whenever', 'when', 'where', 'while', 'if', 'until', 'because', 'since', 'so that',
  'whose', 'before', 'after', 'once', 'unless',
];

/** Words that separate tasks in one request: "create X, then run Y and show Z". */
export const TASK_SEPARATORS = ['then', 'and then', 'after that', 'afterwards', 'afterward', 'also', 'finally', 'next'];

/** Intent cues of these kinds start a task when they follow "and". */
export const TASK_STARTING_KINDS: CueKind[] = ['verb', 'command'];

/**
 * Verbs that are usually the means to a later task: "find the .bak files and remove them" asks to
 * remove. When a later task of the request has one of `then` as its intent, that task decides.
 */
/**
 * Things a request with no verb asks for by naming them ("eks cluster in eu-west-1 for the data
 * team", "s3 bucket for the logs pls"): a new one of them.
 */
export const CREATABLE_OBJECTS = [
  'repo', 'repository', 'bucket', 'cluster', 'namespace', 'configmap', 'secret', 'registry', 'network', 'volume', 'database', 'db',
  'queue', 'topic', 'vpc', 'vnet', 'subnet', 'pipeline', 'workflow', 'container', 'vm', 'instance', 'role', 'webhook', 'dashboard',
  'cronjob', 'cron', 'branch', 'tag', 'release', 'stack', 'environment', 'serviceaccount', 'keyvault', 'vault',
];

/** "would it be possible to uninstall …", "I'd like to export …": the verb after these is the request. */
export const REQUEST_FRAMES = [
  'possible', 'want', 'like', 'need', 'wanted', 'able', 'trying', 'try', 'going', 'please', 'way', 'how',
  // "I've been asked to add the bitnami repo", "I was told to install the chart": the task set for the writer
  'asked', 'told', 'supposed', 'meant', 'have', 'has',
];

/** What a capacity change acts on: "bump the memory on the indexer pods to 2Gi" is a scale, not an update. */
export const CAPACITY_WORDS = ['memory', 'mem', 'ram', 'cpu', 'cpus', 'heap', 'replica', 'vcpu', 'vcpus', 'replicacount', 'maxreplicas', 'minreplicas', 'broker'];

/**
 * A command line typed as the request (`aws cloudformation describe-stack-events …`, `git tag -d v3`):
 * the program, then what its words say it does. Tried only when the text starts with the program.
 */
export const COMMAND_LINE_PROGRAMS = ['aws', 'az', 'gcloud', 'kubectl', 'oc', 'docker', 'podman', 'git', 'gh', 'helm', 'terraform', 'tofu', 'docker-compose', 'systemctl', 'crontab', 'find', 'psql', 'mysql', 'mongosh', 'redis-cli'];
export const COMMAND_LINE_VERBS: [Intent, RegExp][] = [
  ['destroy', /^(?:delete|remove|rm|rmi|destroy|uninstall|prune|purge|-d|-D|--delete)(?:-[a-z-]+)?$/],
  ['monitor', /^(?:describe|get|list|ls|show|status|logs?|history|top|inspect|view|diff|plan|output|ps|events)(?:-[a-z-]+)?$/],
];

/** Words that mark the sentence of a request that asks, among sentences that only tell. */
export const REQUEST_MARKERS = [
  'please', 'pls', 'plz', 'can you', 'could you', 'would you', 'can someone', 'could someone', 'can somebody', 'can we', 'could we',
  'would it be possible', 'is it possible', 'i would like', "i'd like", 'i want', 'we want', 'we need', 'i need', 'need you', "let's", 'lets',
  'go ahead', 'kindly', 'you could', 'you can', 'any chance',
  // handover notes: the item left for the next shift
  'next person', 'next shift', 'still to do', 'to do', 'todo', 'action for', 'for the morning', 'still need', 'needs to be done',
];

export const MEANS_VERBS = { verbs: ['find', 'locate', 'search', 'look for', 'grep', 'identify'], then: ['destroy', 'execute', 'backup'] as Intent[] };

/**
 * Words that, right after an action word, make that action the subject of a statement: "git push
 * keeps getting rejected", "terraform apply fails with a 403". The request is about what went wrong.
 */
export const PREDICATE_WORDS = [
  'keeps', 'keep', 'kept', 'fails', 'failed', 'failing', 'is', 'was', 'has', 'hangs', 'hung', 'hanging', 'times', 'timed',
  'gets', 'got', 'returns', 'returned', 'throws', 'threw', 'errors', 'errored', 'breaks', 'broke', 'crashes', 'crashed',
  'dies', 'died', 'stuck', 'never', 'does', 'did', 'complains', 'says', 'said',
];

/**
 * Verbs in the third person or past that tell what something does, anywhere later in its clause:
 * "git status takes forever", "terraform plan wants to replace the instance" — the action before
 * them is the subject of a report. Forms of be/have/do are left out: "check the api is up" asks.
 */
export const TELLING_VERBS = [
  'takes', 'took', 'wants', 'stops', 'stopped', 'skips', 'skipped', 'rejected', 'refuses', 'refused', 'ignores', 'ignored',
  'loses', 'lost', 'loops', 'keeps', 'kept', 'fails', 'failed', 'hangs', 'hung', 'crashes', 'crashed', 'dies', 'died', 'errors',
  'errored', 'says', 'said', 'hanging', 'crashing', 'erroring', 'complains', 'complained', 'throws', 'threw', 'returns', 'returned', 'times', 'timed', 'breaks', 'broke',
];

/** Words before a telling verb that make it describe a noun or count: "all stopped containers", "the last failed job". */
export const DESCRIBING_WORDS = ['all', 'last', 'latest', 'previous', 'recent', 'first', 'every', 'most', 'many', 'few'];

/** Words after an -ing form that make it a report of what keeps happening: "restarting every 30s". */
export const REPEATING_WORDS = ['every', 'constantly', 'nonstop', 'repeatedly', 'again', 'continuously', 'randomly', 'intermittently'];

/** What a rollback brings back, and what a restore does: "put yesterday's version back" against "put the dump back". */
export const VERSION_WORDS = ['version', 'release', 'build', 'revision', 'tag', 'image', 'template', 'commit', 'deploy', 'deployment'];
export const DATA_WORDS = ['backup', 'dump', 'snapshot', 'data', 'volume', 'database', 'db', 'state', 'file', 'table', 'bucket', 'archive', 'tarball'];

/** Where a thing received goes live: "get the billing thing onto the live site". */
export const DESTINATION_WORDS = ['live', 'site', 'customers', 'users', 'production', 'prod', 'cluster', 'server', 'servers', 'env', 'environment'];

/** Words that make what follows a one-word program read as English: "make scale of the deployment". */
export const PROSE_WORDS = ['of', 'please', 'pls', 'for', 'me', 'us', 'it', 'to', 'new', 'sure'];

/** Intent that is asked for with no verb at all ("Terraform for an EKS cluster"). */
export const NOUN_REQUEST_INTENT: Intent = 'create';

/** Verbs that take the action as their object in learners' English: "make backup of …", "do clean of …". */
export const LIGHT_VERBS = ['make', 'do', 'perform', 'need', 'want'];

/** The action named as a noun after a light verb, longest first, with the intent it asks for. */
export const NOMINAL_ACTIONS: [string, Intent][] = [
  ['change of permission', 'execute'], ['change of owner', 'execute'],
  ['backup', 'backup'], ['back-up', 'backup'], ['pg_dump', 'backup'], ['mysqldump', 'backup'], ['snapshot', 'backup'], ['dump', 'backup'], ['export', 'backup'], ['copy', 'backup'],
  ['restore', 'restore'], ['restoration', 'restore'], ['recovery', 'restore'],
  ['restart', 'update'], ['reboot', 'update'], ['upgrade', 'update'], ['update', 'update'], ['change', 'update'], ['reload', 'update'],
  ['scale', 'scale'], ['scaling', 'scale'], ['resize', 'scale'],
  ['clean', 'destroy'], ['cleanup', 'destroy'], ['clean-up', 'destroy'], ['removal', 'destroy'], ['deletion', 'destroy'], ['delete', 'destroy'],
  ['rollback', 'rollback'], ['revert', 'rollback'], ['downgrade', 'rollback'],
  ['deploy', 'deploy'], ['deployment', 'deploy'], ['install', 'deploy'], ['installation', 'deploy'], ['release', 'deploy'], ['rollout', 'deploy'],
  ['check', 'monitor'], ['look', 'monitor'], ['inspection', 'monitor'], ['review', 'monitor'],
  ['debug', 'debug'], ['investigation', 'debug'], ['diagnosis', 'debug'], ['troubleshooting', 'debug'],
  ['compression', 'execute'], ['search', 'execute'],
];

/** Things "make" asks to create in learners' English: "please to make bicep for the registry", "make please the tag v1". */
export const MADE_THINGS = [
  'new', 'tag', 'branch', 'helm chart', 'chart', 'bicep', 'terraform', 'template', 'pipeline', 'workflow', 'dockerfile', 'compose',
  'manifest', 'module', 'repo', 'repository', 'stack', 'cluster', 'bucket', 'network', 'volume',
];

/**
 * Command lines whose words say what they do beyond the subcommand: `find … -delete` removes files,
 * `psql … < dump.sql` loads a dump, `terraform state rm` only forgets a resource.
 */
export const COMMAND_LINE_EFFECTS: { program: string; words: string[]; intent: Intent }[] = [
  { program: 'terraform', words: ['state', 'rm'], intent: 'update' },
  { program: 'tofu', words: ['state', 'rm'], intent: 'update' },
  { program: 'find', words: ['-delete'], intent: 'destroy' },
  { program: 'find', words: ['-exec', 'rm'], intent: 'destroy' },
  { program: 'psql', words: ['<'], intent: 'restore' },
  { program: 'mysql', words: ['<'], intent: 'restore' },
  { program: 'mongosh', words: ['<'], intent: 'restore' },
  { program: 'redis-cli', words: ['<'], intent: 'restore' },
  { program: 'psql', words: ['-f'], intent: 'restore' },
];

/** Words that open a yes/no question: "is grafana reachable?", "any open PRs?". */
export const QUESTION_AUXILIARIES = ['is', 'are', 'does', 'do', 'did', 'has', 'have', 'was', 'were', 'any', 'anything'];
