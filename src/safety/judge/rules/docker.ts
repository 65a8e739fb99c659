import type { ToolTable, Verdict } from './types.js';

const NO_FILTER = ['--filter', '-f'];

/**
 * `docker run`/`create` options that give a container the host: its processes, devices, kernel
 * capabilities or file system. Checked on every `docker run`, `create` and `compose run`.
 */
export const CONTAINER_ESCAPES: { flag: string; value?: RegExp; verdict: Verdict }[] = [
  { flag: '--privileged', verdict: { level: 'dangerous', reason: 'runs a privileged container, which has full access to the host' } },
  { flag: '--pid', value: /^host$/, verdict: { level: 'dangerous', reason: 'shares the host\'s processes with the container' } },
  { flag: '--ipc', value: /^host$/, verdict: { level: 'dangerous', reason: 'shares the host\'s memory and IPC with the container' } },
  { flag: '--userns', value: /^host$/, verdict: { level: 'dangerous', reason: 'turns off user namespace isolation for the container' } },
  { flag: '--uts', value: /^host$/, verdict: { level: 'admin', reason: 'shares the host\'s name space with the container' } },
  { flag: '--cap-add', value: /^(all|sys_admin|sys_module|sys_ptrace|sys_rawio|dac_read_search|dac_override)$/i, verdict: { level: 'dangerous', reason: 'gives the container kernel capabilities that reach the host' } },
  { flag: '--security-opt', value: /unconfined|no-new-privileges[:=]false|label[:=]disable/i, verdict: { level: 'dangerous', reason: 'turns off the container\'s security confinement' } },
  { flag: '--device', value: /^\/dev\/(sd|hd|vd|xvd|nvme|mem|kmem|port|disk)/, verdict: { level: 'dangerous', reason: 'gives the container a host disk or memory device' } },
  { flag: '--volume', value: /docker\.sock/, verdict: { level: 'dangerous', reason: 'gives the container the Docker socket, which is root on the host' } },
  { flag: '-v', value: /docker\.sock/, verdict: { level: 'dangerous', reason: 'gives the container the Docker socket, which is root on the host' } },
  { flag: '--mount', value: /docker\.sock/, verdict: { level: 'dangerous', reason: 'gives the container the Docker socket, which is root on the host' } },
];

/** Mount options whose source is a host path: mounting /, /etc or a home directory is checked by path. */
export const HOST_MOUNT_FLAGS = ['-v', '--volume', '--mount'];

export const DOCKER_GLOBAL_VALUE_FLAGS = ['-H', '--host', '--context', '-c', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey'];

const docker: ToolTable = {
  id: 'docker',
  names: ['docker', 'podman', 'nerdctl'],
  bundles: true,
  valueFlags: [
    // Only options that may come before the subcommand, and long ones: short options mean different things per subcommand.
    ...DOCKER_GLOBAL_VALUE_FLAGS, '--filter', '--format', '--output', '--tag', '--file', '--tail', '--since', '--until', '--build-arg',
  ],
  rules: [
    // Lists of every object of a kind feed `docker rm $(…)`: an unfiltered list is "everything".
    { id: 'list-all', when: { sub: 'ps|images', anyFlag: ['-q', '--quiet'], noFlag: NO_FILTER }, level: 'read', reason: 'lists every container or image id', traits: ['lists-everything'] },
    { id: 'list-all', when: { sub: 'container|image|volume|network ls|list', anyFlag: ['-q', '--quiet'], noFlag: NO_FILTER }, level: 'read', reason: 'lists every id of a kind', traits: ['lists-everything'] },
    { id: 'list-all', when: { sub: 'volume|network|secret|config|service|node ls|list', noFlag: NO_FILTER }, level: 'read', reason: 'lists every object of a kind', traits: ['lists-everything'] },
    { id: 'inspect', when: { sub: 'ps|images|inspect|logs|stats|top|port|diff|events|info|version|history|search|wait' }, level: 'read', reason: 'shows containers or images' },
    { id: 'inspect', when: { sub: 'container|image|volume|network|node|service|stack|secret|config|plugin|context|manifest|trust|buildx|builder|swarm|system ls|list|inspect|logs|stats|top|port|diff|history|ps|services|show|df|info|events|du|imagetools|version' }, level: 'read', reason: 'shows Docker objects' },
    { id: 'inspect', when: { sub: ['scout|sbom', 'compose version'] }, level: 'read', reason: 'shows Docker objects' },
    { id: 'prune-volumes', when: { sub: 'system prune', anyFlag: ['--volumes'] }, level: 'dangerous', reason: 'deletes every unused volume and the data in it, with containers, networks and images' },
    { id: 'prune-volumes', when: { sub: 'volume prune' }, level: 'dangerous', reason: 'deletes every unused volume and the data in it' },
    { id: 'prune', when: { sub: 'system|container|image|network|builder|buildx prune' }, level: 'admin', reason: 'deletes stopped containers, unused images, networks or build cache' },
    { id: 'remove', when: { sub: 'rm|rmi' }, level: 'admin', reason: 'deletes containers or images', traits: ['acts-on-targets'] },
    { id: 'remove', when: { sub: 'container|image|volume|network|service|stack|secret|config|plugin|context|node|manifest|buildx|builder rm|remove|rmi|delete' }, level: 'admin', reason: 'deletes Docker objects', traits: ['acts-on-targets'] },
    { id: 'leave-swarm', when: { sub: 'swarm leave' }, level: 'admin', reason: 'takes this node out of its swarm' },
    { id: 'stop', when: { sub: ['stop|kill|pause|restart', 'container stop|kill|pause|restart', 'service scale'] }, level: 'write', reason: 'stops or restarts containers', traits: ['acts-on-targets'] },
    { id: 'save-to-output', when: { sub: ['save|export', 'image save', 'container export'], noFlag: ['-o', '--output'] }, level: 'read', reason: 'prints an image or container as an archive' },
    { id: 'save', when: { sub: ['save|export', 'image save', 'container export'] }, level: 'write', reason: 'writes an image or container to a file', effects: [{ kind: 'write', on: { flag: '-o' } }, { kind: 'write', on: { flag: '--output' } }] },
    { id: 'attach', when: { sub: 'attach|container attach' }, level: 'admin', reason: 'attaches to a running container\'s terminal' },
    { id: 'login', when: { sub: 'login' }, level: 'write', reason: 'stores registry credentials' },
    {
      id: 'change',
      when: { sub: 'build|pull|push|tag|run|create|start|unpause|cp|commit|load|import|rename|update|logout|login|container|image|volume|network|service|stack|secret|config|plugin|context|buildx|builder|swarm|node|trust|manifest' },
      level: 'write',
      reason: 'builds, runs or changes containers, images or other Docker objects',
    },
  ],
  otherwise: { level: 'admin', reason: 'a docker subcommand that is not known' },
};

const compose: ToolTable = {
  id: 'compose',
  names: ['docker-compose', 'podman-compose'],
  bundles: true,
  valueFlags: ['-f', '--file', '-p', '--project-name', '--project-directory', '--env-file', '--profile', '--ansi', '--progress', '-t', '--timeout', '--scale', '-e', '--env', '-u', '--user', '-w', '--workdir', '--index', '-n', '--tail', '--since', '--until', '--format', '--rmi', '-o', '--output', '--parallel'],
  rules: [
    { id: 'inspect', when: { sub: 'config|convert|ps|ls|logs|top|images|port|version|events|alpha|stats|wait' }, level: 'read', reason: 'shows the stack' },
    { id: 'down', when: { sub: 'down|rm' }, level: 'admin', reason: 'removes the stack\'s containers and networks (and volumes with -v)' },
    { id: 'kill', when: { sub: 'kill' }, level: 'write', reason: 'stops the stack\'s containers' },
    { id: 'change', when: { sub: 'up|start|stop|restart|pause|unpause|pull|push|build|create|run|cp|scale|watch|publish|attach|commit|export' }, level: 'write', reason: 'starts, stops, builds or changes the stack' },
  ],
  otherwise: { level: 'admin', reason: 'a compose subcommand that is not known' },
};

export const DOCKER_TABLES: ToolTable[] = [docker, compose];
