import type { Trait, Verdict } from './types.js';

/** Commands that run another command: the judge looks through them to what they run. */
export interface Wrapper {
  id: string;
  names: string[];
  valueFlags?: string[];
  /** Positional words before the command it runs: timeout's duration, gosu's user. */
  leadingArgs?: number;
  /** `NAME=value` words before the command set its environment. */
  takesAssignments?: boolean;
  /** Everything after the options is one shell text (watch). */
  joinsShellText?: boolean;
  /** An option whose value is shell text it runs (`flock -c`, `env -S`). */
  shellTextFlag?: string;
  /** The least level, whatever it runs. */
  least?: Verdict;
  /** Options that open a shell of their own (`sudo -i`). */
  shellFlags?: { flags: string[]; verdict: Verdict };
  /** Options after which it runs nothing and only reports (`command -v`). */
  inspectFlags?: string[];
  /** With nothing to run. */
  alone: Verdict & { traits?: Trait[] };
}

const ROOT: Verdict = { level: 'admin', reason: 'runs the command with root privileges' };

export const WRAPPERS: Wrapper[] = [
  {
    id: 'sudo',
    names: ['sudo', 'doas', 'please'],
    valueFlags: ['-u', '--user', '-g', '--group', '-C', '--close-from', '-D', '--chdir', '-h', '--host', '-p', '--prompt', '-r', '--role', '-t', '--type', '-U', '--other-user', '-T', '--command-timeout'],
    least: ROOT,
    shellFlags: { flags: ['-i', '--login', '-s', '--shell', '-su'], verdict: { level: 'dangerous', reason: 'opens a root shell' } },
    inspectFlags: ['-l', '--list', '-v', '--validate', '-k', '-K', '--reset-timestamp', '--remove-timestamp', '-V', '--version'],
    alone: { level: 'read', reason: 'sudo with nothing to run' },
  },
  {
    id: 'env',
    names: ['env'],
    valueFlags: ['-u', '--unset', '-C', '--chdir', '-S', '--split-string', '-P'],
    takesAssignments: true,
    shellTextFlag: '-S',
    alone: { level: 'read', reason: 'prints the environment', traits: ['prints-environment'] },
  },
  { id: 'nice', names: ['nice'], valueFlags: ['-n', '--adjustment'], alone: { level: 'read', reason: 'prints the scheduling priority' } },
  { id: 'ionice', names: ['ionice'], valueFlags: ['-c', '--class', '-n', '--classdata', '-p', '--pid', '-P', '--pgid', '-u', '--uid'], alone: { level: 'read', reason: 'prints the I/O priority' } },
  { id: 'nohup', names: ['nohup', 'setsid', 'unbuffer', 'chronic', 'caffeinate', 'dbus-run-session', 'tini', 'dumb-init', 'catchsegv', 'fakeroot', 'xvfb-run', 'proxychains', 'proxychains4', 'torsocks', 'grc', 'rlwrap', 'winpty', 'time', 'builtin', 'command', 'exec', 'stdbuf', 'busybox', 'toybox'],
    valueFlags: ['-f', '--format', '-o', '--output', '-a', '-i', '--input', '-e', '--error'],
    inspectFlags: ['-v', '-V'],
    alone: { level: 'read', reason: 'runs nothing' },
  },
  { id: 'timeout', names: ['timeout', 'gtimeout'], valueFlags: ['-s', '--signal', '-k', '--kill-after'], leadingArgs: 1, alone: { level: 'read', reason: 'runs nothing' } },
  { id: 'watch', names: ['watch', 'viddy'], valueFlags: ['-n', '--interval', '-d', '--differences', '-q', '--equexit', '--chgexit'], joinsShellText: true, alone: { level: 'read', reason: 'runs nothing' } },
  { id: 'flock', names: ['flock'], valueFlags: ['-w', '--timeout', '-E', '--conflict-exit-code'], leadingArgs: 1, shellTextFlag: '-c', alone: { level: 'write', reason: 'holds a lock file' } },
  { id: 'taskset', names: ['taskset', 'chrt'], valueFlags: ['-p', '--pid'], leadingArgs: 1, alone: { level: 'read', reason: 'prints the scheduling settings' } },
  { id: 'numactl', names: ['numactl', 'cpulimit', 'prlimit', 'systemd-inhibit'], valueFlags: ['-C', '--physcpubind', '-N', '--cpunodebind', '-m', '--membind', '-l', '--limit', '--what', '--who', '--why', '--mode'], alone: { level: 'read', reason: 'prints resource settings' } },
  { id: 'user-switch', names: ['gosu', 'su-exec', 'sg'], leadingArgs: 1, least: ROOT, alone: { level: 'admin', reason: 'switches user' } },
  { id: 'trace', names: ['strace', 'ltrace', 'valgrind', 'perf', 'nvprof', 'gdb-run'], valueFlags: ['-o', '-e', '-p', '-s', '-E', '-u'], alone: { level: 'admin', reason: 'attaches to a running process' } },
  { id: 'systemd-run', names: ['systemd-run', 'run-one', 'daemonize', 'start-stop-daemon'], valueFlags: ['-u', '--unit', '-p', '--property', '--on-calendar', '--on-active', '-E', '--setenv', '--slice'], least: { level: 'write', reason: 'starts the command as a background service' }, alone: { level: 'read', reason: 'runs nothing' } },
];

/** How a variable set before a command changes what the command runs. */
type VariableEffect = 'shell' | 'library' | 'search-path';

/**
 * Variables that make a tool run another program: a pager, an editor, a diff tool. Their value is
 * judged as shell text, since that is how the tools run it.
 */
export const PROGRAM_VARIABLES: Record<string, VariableEffect> = {
  PAGER: 'shell', GIT_PAGER: 'shell', MANPAGER: 'shell', SYSTEMD_PAGER: 'shell', BAT_PAGER: 'shell', DELTA_PAGER: 'shell',
  EDITOR: 'shell', VISUAL: 'shell', GIT_EDITOR: 'shell', KUBE_EDITOR: 'shell', SUDO_EDITOR: 'shell', GIT_SEQUENCE_EDITOR: 'shell',
  GIT_SSH_COMMAND: 'shell', GIT_SSH: 'shell', GIT_EXTERNAL_DIFF: 'shell', GIT_ASKPASS: 'shell', SSH_ASKPASS: 'shell', SUDO_ASKPASS: 'shell',
  KUBECTL_EXTERNAL_DIFF: 'shell', LESSOPEN: 'shell', LESSCLOSE: 'shell', BROWSER: 'shell', PROMPT_COMMAND: 'shell', BASH_ENV: 'shell',
  ENV: 'shell', GIT_PROXY_COMMAND: 'shell', RSYNC_RSH: 'shell', FZF_DEFAULT_COMMAND: 'shell', HELM_POST_RENDERER: 'shell',
  LD_PRELOAD: 'library', LD_LIBRARY_PATH: 'library', LD_AUDIT: 'library', DYLD_INSERT_LIBRARIES: 'library', DYLD_LIBRARY_PATH: 'library',
  NODE_OPTIONS: 'library', PYTHONPATH: 'library', PYTHONSTARTUP: 'library', PERL5OPT: 'library', PERL5LIB: 'library', RUBYOPT: 'library',
  RUBYLIB: 'library', JAVA_TOOL_OPTIONS: 'library', _JAVA_OPTIONS: 'library', GIT_EXEC_PATH: 'library', GIT_TEMPLATE_DIR: 'library',
  PATH: 'search-path',
};

export const VARIABLE_VERDICTS: Record<Exclude<VariableEffect, 'shell'>, Verdict> = {
  library: { level: 'admin', reason: 'loads code into the program from a library or module path' },
  'search-path': { level: 'admin', reason: 'changes where commands are found, so a known name may run an unknown binary' },
};

/** Directories whose binaries are the system's own: `/usr/bin/git` is git, `/tmp/git` is not. */
export const SYSTEM_BINARY_DIRS = new Set(['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin', '/opt/homebrew/bin', '/snap/bin', '/usr/libexec']);

/** A PATH entry that only repeats the existing PATH or a system directory. */
export const SAFE_PATH_ENTRY = /^(\$PATH|\$\{PATH\}|\/(usr\/)?(local\/)?s?bin|\/opt\/homebrew\/bin|\/snap\/bin|~?\/?\.?local\/bin|\$HOME\/\.local\/bin|~\/\.local\/bin|\/usr\/local\/go\/bin|~\/go\/bin|~\/\.cargo\/bin|\$HOME\/\.cargo\/bin)$/;

/** Options whose value is a program or shell text the tool runs. */
interface EmbeddedProgram {
  tools: string[];
  flag: string;
  /** Only values matching this run something; group 1 is the program text. */
  value?: RegExp;
  /** The tool appends these arguments when it runs the program (`rg --pre CMD` runs `CMD FILE`). */
  appendsArgs?: 'after-first';
  reason: string;
  /** The option runs whatever text it is given, for every file or at every checkpoint: at least this. */
  least?: 'dangerous';
}

const GIT_CONFIG_PROGRAMS = /^(?:core\.(?:pager|editor|sshcommand|fsmonitor|askpass|hookspath)|diff\.external|diff\.[^=]+\.(?:textconv|command)|merge\.[^=]+\.driver|filter\.[^=]+\.(?:clean|smudge|process)|credential\.helper|gpg\.program|gpg\.[^=]+\.program|sequence\.editor|uploadpack\.packobjectshook|pager\.[^=]+|interactive\.difffilter|alias\.[^=]+)=!?(.*)$/is;

export const EMBEDDED_PROGRAMS: EmbeddedProgram[] = [
  { tools: ['git'], flag: '-c', value: GIT_CONFIG_PROGRAMS, reason: 'git runs this configured program' },
  { tools: ['git'], flag: '--upload-pack', reason: 'git runs this program' },
  { tools: ['git'], flag: '--receive-pack', reason: 'git runs this program' },
  { tools: ['git'], flag: '--exec', reason: 'git runs this command after each rebased commit' },
  { tools: ['git'], flag: '-x', reason: 'git runs this command after each rebased commit' },
  { tools: ['rg'], flag: '--pre', appendsArgs: 'after-first', reason: 'ripgrep runs this program on every file it searches' },
  { tools: ['tar', 'bsdtar', 'gtar'], flag: '--to-command', reason: 'tar runs this command for every file', least: 'dangerous' },
  { tools: ['tar', 'bsdtar', 'gtar'], flag: '--use-compress-program', reason: 'tar runs this program' },
  { tools: ['tar', 'bsdtar', 'gtar'], flag: '-I', reason: 'tar runs this program' },
  { tools: ['tar', 'bsdtar', 'gtar'], flag: '--checkpoint-action', value: /^exec=(.*)$/s, reason: 'tar runs this command at checkpoints', least: 'dangerous' },
  { tools: ['tar', 'bsdtar', 'gtar'], flag: '--info-script', reason: 'tar runs this script', least: 'dangerous' },
  { tools: ['tar', 'bsdtar', 'gtar'], flag: '--new-volume-script', reason: 'tar runs this script', least: 'dangerous' },
  { tools: ['rsync'], flag: '-e', reason: 'rsync runs this remote shell' },
  { tools: ['rsync'], flag: '--rsh', reason: 'rsync runs this remote shell' },
  { tools: ['rsync'], flag: '--rsync-path', reason: 'rsync runs this program on the other host' },
  { tools: ['ssh', 'scp', 'sftp'], flag: '-o', value: /^(?:ProxyCommand|LocalCommand|KnownHostsCommand|PermitLocalCommand=yes.*?)[= ](.*)$/is, reason: 'ssh runs this local command' },
  { tools: ['sort'], flag: '--compress-program', reason: 'sort runs this program' },
  { tools: ['man'], flag: '-P', reason: 'man runs this pager' },
  { tools: ['man'], flag: '--pager', reason: 'man runs this pager' },
  { tools: ['helm'], flag: '--post-renderer', reason: 'helm runs this program on the rendered manifests' },
  { tools: ['zip'], flag: '-TT', reason: 'zip runs this command to test the archive' },
  { tools: ['zip'], flag: '--unzip-command', reason: 'zip runs this command to test the archive' },
  { tools: ['fzf'], flag: '--preview', reason: 'fzf runs this command for each line' },
  { tools: ['tcpdump'], flag: '-z', reason: 'tcpdump runs this command on each saved file' },
  { tools: ['npm', 'pnpm', 'yarn'], flag: '--script-shell', reason: 'the package manager runs scripts with this shell' },
  { tools: ['script'], flag: '-c', reason: 'script runs this command' },
  { tools: ['docker', 'podman'], flag: '--health-cmd', reason: 'the container runs this health check' },
];
