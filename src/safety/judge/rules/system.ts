import type { ToolTable } from './types.js';

const ADMIN_GROUPS = /(^|,)(sudo|wheel|admin|adm|root|docker|lxd|libvirt|disk|shadow)(,|$)/;

const kill: ToolTable = {
  id: 'process.kill',
  names: ['kill'],
  valueFlags: ['-s', '-n'],
  rules: [
    { id: 'list-signals', when: { anyFlag: ['-l', '-L', '--list', '--table'] }, level: 'read', reason: 'lists signal names' },
    { id: 'check', when: { anyFlag: ['-0'] }, level: 'read', reason: 'signal 0 only checks that the process exists' },
    { id: 'check', when: { flagValue: { '-s': /^0$/ } }, level: 'read', reason: 'signal 0 only checks that the process exists' },
    { id: 'every-process', when: { word: /^-1$/ }, level: 'dangerous', reason: 'signals every process the user may signal' },
    // `kill -9 -$(cat pgid)`, `kill -- -$n`: a process group known only at run time may be -1, every process.
    { id: 'computed-group', when: { word: /^-\u0000/ }, level: 'dangerous', reason: 'signals a process group computed at run time, which may be every process (-1)' },
    { id: 'process', level: 'admin', reason: 'stops a process', traits: ['acts-on-targets'] },
  ],
  otherwise: { level: 'admin', reason: 'stops a process' },
};

/**
 * `ps` only looks, but a listing of every process (`aux`, `-e`, `-ef`, `ax`, `-A`) fed into `kill`
 * stops them all, so such a listing is marked as naming everything.
 */
const processList: ToolTable = {
  id: 'process.list',
  names: ['ps'],
  valueFlags: ['-u', '-U', '-p', '-C', '-G', '-g', '-t', '-o', '-O', '--pid', '--user', '--sort', '--format'],
  rules: [
    {
      id: 'every-process',
      when: { word: /^-?[a-zA-Z]*[eAx][a-zA-Z]*$/, noFlag: ['-u', '-U', '-p', '-C', '-G', '-g', '-t', '--pid', '--user', '--ppid'] },
      level: 'read',
      reason: 'lists every process',
      traits: ['lists-everything'],
    },
  ],
  otherwise: { level: 'read', reason: 'lists processes' },
};

const killByName: ToolTable = {
  id: 'process.killall',
  names: ['pkill', 'killall', 'skill', 'slay'],
  valueFlags: ['-u', '-U', '-g', '-G', '-P', '-s', '-t', '--signal'],
  rules: [
    { id: 'every-process', when: { word: /^(\.|\.\*|-1)$/ }, level: 'dangerous', reason: 'stops every process' },
    { id: 'by-name', level: 'admin', reason: 'stops processes by name' },
  ],
  otherwise: { level: 'admin', reason: 'stops processes by name' },
};

const killAll: ToolTable = {
  id: 'process.killall5',
  names: ['killall5'],
  rules: [],
  otherwise: { level: 'dangerous', reason: 'signals every process on the machine' },
};

const power: ToolTable = {
  id: 'system.power',
  names: ['reboot', 'shutdown', 'poweroff', 'halt', 'init', 'telinit', 'kexec'],
  rules: [{ id: 'help', when: { anyFlag: ['--help'] }, level: 'read', reason: 'prints help' }],
  otherwise: { level: 'dangerous', reason: 'shuts down or restarts the machine' },
};

const disks: ToolTable = {
  id: 'disk',
  names: ['fdisk', 'sfdisk', 'cfdisk', 'gdisk', 'sgdisk', 'parted', 'wipefs', 'blkdiscard', 'mkswap', 'pvcreate', 'vgcreate', 'lvcreate', 'pvremove', 'vgremove', 'lvremove', 'cryptsetup', 'badblocks', 'hdparm', 'nvme', 'mdadm', 'zpool', 'e2fsck', 'fsck', 'tune2fs', 'resize2fs', 'debugfs', 'partprobe'],
  bundles: true,
  rules: [
    { id: 'list', when: { anyFlag: ['-l', '--list', '-n', '--no-act', '-N'] }, level: 'read', reason: 'lists disks and partitions' },
    { id: 'print', when: { sub: 'print|list|status|show|info|display' }, level: 'read', reason: 'shows disks and partitions' },
  ],
  otherwise: { level: 'dangerous', reason: 'changes disks, partitions or file systems directly' },
};

const mkfs: ToolTable = {
  id: 'disk.mkfs',
  names: ['mkfs', 'mkfs.ext2', 'mkfs.ext3', 'mkfs.ext4', 'mkfs.xfs', 'mkfs.btrfs', 'mkfs.vfat', 'mkfs.fat', 'mkfs.ntfs', 'mkfs.exfat', 'mke2fs', 'mkdosfs', 'mkntfs'],
  rules: [],
  otherwise: { level: 'dangerous', reason: 'formats a disk or partition, erasing it' },
};

const mount: ToolTable = {
  id: 'system.mount',
  names: ['mount', 'umount', 'swapon', 'swapoff', 'losetup'],
  rules: [
    { id: 'show', when: { noArgs: true, noFlag: ['-a', '--all', '-o'] }, level: 'read', reason: 'shows what is mounted' },
    { id: 'show-swap', when: { anyFlag: ['--show', '-s', '--summary', '-l', '--list'] }, level: 'read', reason: 'shows what is mounted' },
  ],
  otherwise: { level: 'admin', reason: 'mounts or unmounts a file system' },
};

const users: ToolTable = {
  id: 'users',
  names: ['useradd', 'adduser', 'usermod', 'groupadd', 'addgroup', 'groupmod', 'gpasswd', 'userdel', 'deluser', 'groupdel', 'delgroup', 'passwd', 'chpasswd', 'chage', 'chsh', 'newusers'],
  valueFlags: ['-u', '--uid', '-g', '--gid', '-G', '--groups', '-s', '--shell', '-d', '--home', '-c', '--comment', '-e', '-f', '-k', '-K', '-p', '--password', '-a', '--add', '-M', '-A', '-R', '--root'],
  rules: [
    { id: 'root-uid', when: { flagValue: { '-u': /^0$/ } }, level: 'dangerous', reason: 'creates or changes an account with user id 0, which is root' },
    { id: 'root-uid', when: { flagValue: { '--uid': /^0$/ } }, level: 'dangerous', reason: 'creates or changes an account with user id 0, which is root' },
    { id: 'admin-group', when: { flagValue: { '-G': ADMIN_GROUPS } }, level: 'dangerous', reason: 'grants administrator rights through group membership (sudo, wheel, docker, …)' },
    { id: 'admin-group', when: { flagValue: { '--groups': ADMIN_GROUPS } }, level: 'dangerous', reason: 'grants administrator rights through group membership (sudo, wheel, docker, …)' },
    { id: 'admin-group', when: { flagValue: { '-a': /./ }, arg: ADMIN_GROUPS }, level: 'dangerous', reason: 'grants administrator rights through group membership (sudo, wheel, docker, …)' },
    { id: 'admin-group', when: { sub: '* sudo|wheel|admin|adm|root|docker|lxd|libvirt|disk|shadow' }, level: 'dangerous', reason: 'grants administrator rights through group membership (sudo, wheel, docker, …)' },
    { id: 'remove-password', when: { anyFlag: ['-d', '--delete'] }, level: 'dangerous', reason: 'removes a password, allowing login without one' },
  ],
  otherwise: { level: 'admin', reason: 'creates, changes or removes user accounts or groups' },
};

const sudoers: ToolTable = {
  id: 'users.sudoers',
  names: ['visudo', 'vipw', 'vigr'],
  rules: [{ id: 'check', when: { anyFlag: ['-c', '--check'] }, level: 'read', reason: 'checks the sudoers file' }],
  otherwise: { level: 'dangerous', reason: 'edits who may become root' },
};

const systemctl: ToolTable = {
  id: 'systemctl',
  names: ['systemctl'],
  valueFlags: ['-t', '--type', '-p', '--property', '-H', '--host', '-M', '--machine', '-n', '--lines', '-o', '--output', '--state', '-s', '--signal'],
  rules: [
    { id: 'inspect', when: { sub: 'status|show|cat|list-units|list-unit-files|list-sockets|list-timers|list-jobs|list-dependencies|list-machines|is-active|is-enabled|is-failed|is-system-running|get-default|help|show-environment' }, level: 'read', reason: 'shows services' },
    { id: 'inspect', when: { noArgs: true }, level: 'read', reason: 'lists services' },
    { id: 'machine-state', when: { sub: 'reboot|poweroff|halt|kexec|suspend|hibernate|hybrid-sleep|rescue|emergency|isolate|default|switch-root|soft-reboot' }, level: 'dangerous', reason: 'shuts down, restarts or isolates the machine' },
    { id: 'mask', when: { sub: 'mask|unmask|edit|set-default|set-property|revert|kill|link|preset-all' }, level: 'admin', reason: 'changes how services start or signals them' },
    { id: 'services', when: { sub: 'start|stop|restart|reload|try-restart|reload-or-restart|try-reload-or-restart|enable|disable|reenable|preset|daemon-reload|daemon-reexec|reset-failed|set-environment|unset-environment|import-environment|freeze|thaw|clean' }, level: 'write', reason: 'starts, stops or configures services' },
  ],
  otherwise: { level: 'admin', reason: 'a systemctl subcommand that is not known' },
};

const service: ToolTable = {
  id: 'service',
  names: ['service', 'rc-service', 'sv'],
  rules: [
    { id: 'status', when: { anyFlag: ['--status-all'] }, level: 'read', reason: 'shows services' },
    { id: 'status', when: { arg: /^status$/ }, level: 'read', reason: 'shows a service' },
  ],
  otherwise: { level: 'write', reason: 'starts, stops or restarts a service' },
};

const cron: ToolTable = {
  id: 'cron',
  names: ['crontab'],
  valueFlags: ['-u'],
  rules: [
    { id: 'list', when: { anyFlag: ['-l'] }, level: 'read', reason: 'lists scheduled jobs' },
    { id: 'remove', when: { anyFlag: ['-r'] }, level: 'dangerous', reason: 'removes every scheduled job of the user, with no way back' },
  ],
  otherwise: { level: 'dangerous', reason: 'installs scheduled commands that run later and cannot be checked here' },
};

const kernel: ToolTable = {
  id: 'kernel',
  names: ['sysctl', 'modprobe', 'insmod', 'rmmod', 'depmod', 'kmod'],
  valueFlags: ['-p', '--load', '-e', '-f'],
  rules: [
    { id: 'show', when: { anyFlag: ['-a', '--all', '-n', '--values', '-N', '--names', '--show-depends', '-D', '-c'], noFlag: ['-w', '--write'] }, level: 'read', reason: 'shows kernel settings' },
    { id: 'set', when: { anyFlag: ['-w', '--write', '-p', '--load', '--system'] }, level: 'admin', reason: 'changes kernel settings' },
    { id: 'set', when: { arg: /=/ }, level: 'admin', reason: 'changes kernel settings' },

  ],
  otherwise: { level: 'admin', reason: 'changes kernel settings or modules' },
};

const firewall: ToolTable = {
  id: 'firewall',
  names: ['iptables', 'ip6tables', 'iptables-legacy', 'nft', 'ufw', 'firewall-cmd', 'iptables-restore', 'ip6tables-restore'],
  bundles: true,
  valueFlags: ['-t', '--table'],
  rules: [
    { id: 'list', when: { anyFlag: ['-L', '--list', '-S', '--list-rules', '--state', '--list-all', '--get-zones', '--get-active-zones'] }, level: 'read', reason: 'lists firewall rules' },
    { id: 'list', when: { sub: 'list|status|show' }, level: 'read', reason: 'lists firewall rules' },
    { id: 'flush', when: { anyFlag: ['-F', '--flush', '-X', '--delete-chain', '--panic-on'] }, level: 'dangerous', reason: 'removes firewall rules for the whole machine' },
    { id: 'flush', when: { sub: 'disable|reset|flush' }, level: 'dangerous', reason: 'removes firewall rules for the whole machine' },
    { id: 'flush', when: { sub: 'flush ruleset' }, level: 'dangerous', reason: 'removes firewall rules for the whole machine' },
  ],
  otherwise: { level: 'admin', reason: 'changes firewall rules' },
};

const networkConfig: ToolTable = {
  id: 'network.config',
  names: ['ip', 'ifconfig', 'route', 'nmcli', 'iw', 'iwconfig', 'ethtool', 'tc', 'brctl', 'arp', 'hostname', 'ifup', 'ifdown'],
  valueFlags: ['-f', '-family', '-n', '-netns'],
  rules: [
    { id: 'show', when: { noArgs: true }, level: 'read', reason: 'shows network settings' },
    { id: 'show', when: { sub: '* show|list|ls|lst|get|monitor' }, level: 'read', reason: 'shows network settings' },
    { id: 'show', when: { sub: 'show|list|status|monitor|-a' }, level: 'read', reason: 'shows network settings' },
    { id: 'show', when: { sub: 'addr|address|a|link|l|route|r|neigh|n|rule|maddr|ntable|tunnel|netns', noArgs: true }, level: 'read', reason: 'shows network settings' },
    { id: 'show', when: { anyFlag: ['-a', '-n', '-s', '-br', '-brief', '-c', '-j', '-json', '-d', '-details', '-4', '-6', '-i', '-I', '-f', '-fqdn', '-A', '--all-fqdns'], noArgs: true }, level: 'read', reason: 'shows network settings' },
  ],
  otherwise: { level: 'admin', reason: 'changes network settings' },
};

const setClock: ToolTable = {
  id: 'system.settings',
  names: ['timedatectl', 'hostnamectl', 'localectl', 'update-alternatives', 'ldconfig', 'setenforce', 'aa-disable', 'aa-complain', 'auditctl'],
  rules: [
    { id: 'show', when: { noArgs: true }, level: 'read', reason: 'shows system settings' },
    { id: 'show', when: { sub: 'status|show|list|list-timezones|list-locales|list-keymaps|--display|--list|--query|-l' }, level: 'read', reason: 'shows system settings' },
  ],
  otherwise: { level: 'admin', reason: 'changes system settings' },
};

const bootloader: ToolTable = {
  id: 'system.boot',
  names: ['update-grub', 'grub-install', 'grub-mkconfig', 'grub2-mkconfig', 'update-initramfs', 'dracut', 'efibootmgr'],
  rules: [{ id: 'show', when: { noArgs: true, word: /^-v$/ }, level: 'read', reason: 'shows boot entries' }],
  otherwise: { level: 'dangerous', reason: 'rewrites how the machine boots' },
};

const switchUser: ToolTable = {
  id: 'privilege.su',
  names: ['su', 'sudo-su', 'pkexec', 'runuser', 'machinectl', 'nsenter', 'unshare', 'chroot', 'setpriv', 'capsh', 'setcap'],
  rules: [{ id: 'help', when: { anyFlag: ['--help', '--version'] }, level: 'read', reason: 'prints help' }],
  otherwise: { level: 'dangerous', reason: 'runs a shell or program with other privileges or namespaces' },
};

const sessions: ToolTable = {
  id: 'session',
  names: ['tmux', 'screen', 'script', 'byobu'],
  rules: [
    { id: 'list', when: { sub: 'ls|list-sessions|list-windows|list-panes|has-session|has|info|-ls|-list' }, level: 'read', reason: 'lists terminal sessions' },
    { id: 'list', when: { anyFlag: ['-ls', '-list'] }, level: 'read', reason: 'lists terminal sessions' },
    { id: 'kill', when: { sub: 'kill-server|kill-session|kill-window|kill-pane' }, level: 'admin', reason: 'ends terminal sessions and what runs in them' },
  ],
  otherwise: { level: 'admin', reason: 'opens a terminal session that runs commands not shown here' },
};

const shellOptions: ToolTable = {
  id: 'shell.setup',
  names: ['complete', 'compgen', 'enable', 'disown', 'times', 'suspend', 'logout', 'sync', 'hash', 'rehash'],
  rules: [],
  otherwise: { level: 'read', reason: 'changes only the current shell' },
};

const logs: ToolTable = {
  id: 'logs',
  names: ['journalctl', 'dmesg'],
  valueFlags: ['-u', '--unit', '-n', '--lines', '-p', '--priority', '--since', '--until', '-o', '--output', '-b', '--boot', '-t', '--identifier', '-g', '--grep', '-D', '--directory', '--vacuum-size', '--vacuum-time', '--vacuum-files', '-s', '-f'],
  rules: [
    { id: 'vacuum', when: { anyFlag: ['--vacuum-size', '--vacuum-time', '--vacuum-files', '--rotate', '--flush', '-C', '--clear', '-c', '--read-clear', '-D'] }, level: 'admin', reason: 'deletes or rotates system logs' },
  ],
  otherwise: { level: 'read', reason: 'shows system logs' },
};

const logWriters: ToolTable = {
  id: 'logs.write',
  names: ['logger', 'logrotate', 'systemd-cat'],
  rules: [],
  otherwise: { level: 'write', reason: 'writes or rotates system logs' },
};

export const SYSTEM_TABLES: ToolTable[] = [
  kill, processList, killByName, killAll, power, disks, mkfs, mount, users, sudoers, systemctl, service, cron, kernel, firewall, networkConfig,
  bootloader, setClock, switchUser, sessions, shellOptions, logs, logWriters,
];
