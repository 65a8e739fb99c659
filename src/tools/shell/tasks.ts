/**
 * Machine questions and the command that answers each. A row matches when every word group in
 * `all` has a word in the request; the first matching row wins, so specific rows come first.
 * Commands are fixed text: nothing from the request is pasted into them.
 */
interface ShellTask {
  id: string;
  all: string[][];
  command: string;
  explain: string;
}

const cpu = ['cpu', 'processor', 'cpus'];
const memory = ['memory', 'ram', 'mem'];
const processes = ['process', 'processes', 'programs', 'tasks'];

const SHELL_TASKS: ShellTask[] = [
  { id: 'top-cpu-processes', all: [processes, [...cpu, 'consuming', 'hungry', 'busiest', 'top', 'heaviest']], command: 'ps -eo pid,user,%cpu,%mem,comm --sort=-%cpu | head -n 11', explain: 'the ten processes using the most CPU' },
  { id: 'top-memory-processes', all: [processes, memory], command: 'ps -eo pid,user,%mem,rss,comm --sort=-%mem | head -n 11', explain: 'the ten processes using the most memory' },
  { id: 'disk-free', all: [['disk', 'disks', 'storage', 'space', 'filesystem', 'filesystems']], command: 'df -h', explain: 'free space on each filesystem' },
  { id: 'memory-free', all: [memory], command: 'free -h', explain: 'memory and swap in use' },
  { id: 'cpu-info', all: [[...cpu, 'cores']], command: 'lscpu', explain: 'the CPUs of this machine' },
  { id: 'listening-ports', all: [['port', 'ports', 'listening', 'sockets']], command: 'ss -tlnp', explain: 'TCP ports listening and their programs' },
  { id: 'logged-in-users', all: [['logged', 'who', 'users', 'sessions']], command: 'who', explain: 'who is logged in' },
  { id: 'uptime-load', all: [['uptime', 'load', 'up']], command: 'uptime', explain: 'how long the machine is up and its load' },
  { id: 'kernel', all: [['kernel', 'uname']], command: 'uname -a', explain: 'the kernel and architecture' },
  { id: 'os-release', all: [['os', 'distribution', 'distro', 'release']], command: 'cat /etc/os-release', explain: 'the operating system release' },
  { id: 'network-interfaces', all: [['interfaces', 'ip', 'addresses', 'nic', 'network']], command: 'ip -brief address', explain: 'network interfaces and their addresses' },
  { id: 'all-processes', all: [processes], command: 'ps -eo pid,user,%cpu,%mem,etime,comm --sort=-%cpu', explain: 'every process' },
  { id: 'hostname', all: [['hostname']], command: 'hostname', explain: 'the machine name' },
];

export function shellTaskFor(terms: ReadonlySet<string>): ShellTask | undefined {
  return SHELL_TASKS.find((task) => task.all.every((group) => group.some((w) => terms.has(w))));
}
