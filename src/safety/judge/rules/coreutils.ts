import { SECRET_VARIABLE } from './flows.js';
import type { ToolTable } from './types.js';

/** Commands that only look: they print what is there and change nothing. */
const inspection: ToolTable = {
  id: 'inspect',
  names: [
    'ls', 'll', 'la', 'dir', 'vdir', 'tree', 'exa', 'eza', 'lsd', 'wc', 'stat', 'file', 'du', 'df', 'pwd', 'basename', 'dirname',
    'realpath', 'readlink', 'md5sum', 'sha1sum', 'sha224sum', 'sha256sum', 'sha384sum', 'sha512sum', 'b2sum', 'cksum', 'sum',
    'cmp', 'diff', 'diff3', 'sdiff', 'comm', 'join', 'grep', 'egrep', 'fgrep', 'zgrep', 'ag', 'ack', 'cut', 'paste', 'uniq',
    'column', 'fold', 'fmt', 'expand', 'unexpand', 'pr', 'nl', 'wc', 'jq', 'xmllint', 'true', 'false', 'test', '[', '[[', 'expr',
    'seq', 'sleep', 'yes', 'date', 'cal', 'bc', 'dc', 'factor', 'numfmt', 'printenv', 'locale', 'getconf', 'tty', 'arch', 'nproc',
    'which', 'whereis', 'type', 'hash', 'man', 'info', 'help', 'apropos', 'whatis', 'tldr', 'history', 'locate', 'mlocate',
    'cd', 'pushd', 'popd', 'dirs', 'read', 'wait', 'jobs', 'fg', 'bg', 'shift', 'exit', 'return', 'break', 'continue', ':',
    'set', 'shopt', 'ulimit', 'umask', 'trap', 'unset', 'unalias', 'local', 'readonly', 'typeset', 'declare', 'export', 'let',
    'getopts', 'logname', 'whoami', 'id', 'groups', 'users', 'who', 'w', 'last', 'lastb', 'lastlog', 'finger', 'uname', 'hostid', 'pg_isready',
    'uptime', 'free', 'vmstat', 'iostat', 'mpstat', 'pidstat', 'sar', 'top', 'htop', 'btop', 'atop', 'iotop', 'pstree',
    'pgrep', 'pidof', 'lsof', 'fuser', 'lsblk', 'blkid', 'findmnt', 'lscpu', 'lspci', 'lsusb', 'lsmod', 'lshw', 'dmidecode',
    'hwinfo', 'inxi', 'neofetch', 'sensors', 'nvidia-smi', 'getent', 'namei', 'tput', 'clear', 'reset', 'stty', 'dmesg',
    'journalctl', 'systemd-analyze', 'loginctl', 'busctl', 'timedatectl', 'hostnamectl', 'localectl', 'resolvectl', 'ldd',
    'nm', 'objdump', 'readelf', 'size', 'strace', 'ltrace', 'time', 'watch', 'less', 'more', 'most', 'view', 'cat', 'tac',
    'head', 'tail', 'od', 'hexdump', 'hd', 'strings', 'zcat', 'zless', 'zmore', 'bzcat', 'xzcat', 'zstdcat', 'lzcat', 'look',
    'tr', 'rev', 'base32', 'base64', 'basenc', 'xxd', 'uudecode', 'shuf', 'tsort', 'csvlook',
    'mdless', 'bat', 'batcat', 'fd', 'fdfind', 'fzf', 'env', 'sort', 'awk', 'gawk', 'mawk', 'nawk', 'sed', 'find', 'rg', 'tee',
    // linters and validators: they read files and report
    'shellcheck', 'hadolint', 'yamllint', 'actionlint', 'kubeconform', 'kubeval',
  ],
  rules: [{ id: 'reads', level: 'read', reason: 'only reads and prints' }],
  otherwise: { level: 'read', reason: 'only reads and prints' },
};

/** Commands that print files: a key or credentials file in their arguments is shown on screen. */
const printers: ToolTable = {
  id: 'coreutils.print',
  names: ['cat', 'tac', 'head', 'tail', 'less', 'more', 'most', 'view', 'nl', 'od', 'hexdump', 'hd', 'strings', 'bat', 'batcat', 'zless', 'zmore'],
  valueFlags: ['-n', '-c', '--lines', '--bytes', '-s', '-j', '-N', '-t', '-w', '-A'],
  rules: [{ id: 'shows-files', level: 'read', reason: 'prints files', effects: [{ kind: 'print', on: 'args' }] }],
  otherwise: { level: 'read', reason: 'prints files' },
};

const echo: ToolTable = {
  id: 'coreutils.echo',
  names: ['echo', 'printf'],
  rules: [
    { id: 'escapes', when: { word: /\\(x[0-9a-f]|[0-7]{1,3}|u[0-9a-f])|%b/i }, level: 'read', reason: 'prints text decoded from escape sequences', traits: ['decodes'] },
    { id: 'text', level: 'read', reason: 'prints its arguments', traits: ['prints-literal'] },
  ],
  otherwise: { level: 'read', reason: 'prints its arguments' },
};

const printenv: ToolTable = {
  id: 'printenv',
  names: ['printenv'],
  rules: [
    { id: 'secret-variable', when: { arg: SECRET_VARIABLE }, level: 'admin', reason: 'prints a variable that holds a secret', traits: ['prints-secret'] },
    { id: 'variable', when: { arg: /./ }, level: 'read', reason: 'prints environment variables' },
    { id: 'everything', level: 'read', reason: 'prints the environment', traits: ['prints-environment'] },
  ],
  otherwise: { level: 'read', reason: 'prints the environment' },
};

const renderers: ToolTable = {
  id: 'render',
  names: ['dot', 'neato', 'twopi', 'circo', 'fdp', 'sfdp', 'pandoc', 'mmdc', 'ffprobe', 'identify', 'exiftool', 'pdftotext', 'markdown'],
  bundles: false,
  valueFlags: ['-o', '--output', '-T', '-f', '-t', '--from', '--to'],
  rules: [
    { id: 'to-file', when: { anyFlag: ['-o', '--output'] }, level: 'write', reason: 'renders into a file', effects: [{ kind: 'write', on: { flag: '-o' } }, { kind: 'write', on: { flag: '--output' } }] },
    { id: 'to-output', level: 'read', reason: 'renders or inspects a document and prints it' },
  ],
  otherwise: { level: 'read', reason: 'renders or inspects a document and prints it' },
};

const decoders: ToolTable = {
  id: 'coreutils.decode',
  names: ['base64', 'base32', 'basenc', 'xxd', 'uudecode', 'rev', 'tr', 'gunzip', 'zcat', 'bzcat', 'xzcat', 'zstdcat', 'lzcat', 'bunzip2', 'unxz', 'iconv'],
  bundles: true,
  rules: [
    { id: 'decode', when: { anyFlag: ['-d', '-D', '--decode', '-r', '--revert', '-c', '--stdout'] }, level: 'read', reason: 'decodes its input and prints it', traits: ['decodes'] },
    { id: 'transform', level: 'read', reason: 'transforms text and prints it', traits: ['decodes'] },
  ],
  otherwise: { level: 'read', reason: 'transforms text and prints it' },
};

const rm: ToolTable = {
  id: 'coreutils.rm',
  names: ['rm', 'unlink', 'rmdir', 'srm'],
  bundles: true,
  rules: [
    { id: 'no-preserve-root', when: { anyFlag: ['--no-preserve-root'] }, level: 'dangerous', reason: 'turns off the protection against deleting /' },
    {
      id: 'recursive',
      when: { anyFlag: ['-r', '-R', '--recursive', '-p'] },
      level: 'admin',
      reason: 'deletes files and directories recursively',
      effects: [{ kind: 'delete', on: 'args', recursive: true }],
      traits: ['acts-on-targets'],
    },
    { id: 'files', level: 'admin', reason: 'deletes files', effects: [{ kind: 'delete', on: 'args' }], traits: ['acts-on-targets'] },
  ],
  otherwise: { level: 'admin', reason: 'deletes files' },
};

const shred: ToolTable = {
  id: 'coreutils.shred',
  names: ['shred', 'wipe'],
  bundles: true,
  valueFlags: ['-n', '--iterations', '-s', '--size', '--random-source'],
  rules: [
    { id: 'overwrite', level: 'admin', reason: 'overwrites files so they cannot be recovered', effects: [{ kind: 'delete', on: 'args' }, { kind: 'write', on: 'args' }] },
  ],
  otherwise: { level: 'admin', reason: 'overwrites files so they cannot be recovered' },
};

const copy: ToolTable = {
  id: 'coreutils.copy',
  names: ['cp', 'install', 'ln', 'link'],
  bundles: true,
  valueFlags: ['-t', '--target-directory', '-m', '--mode', '-o', '--owner', '-g', '--group', '-S', '--suffix'],
  rules: [
    { id: 'into-directory', when: { anyFlag: ['-t', '--target-directory'] }, level: 'write', reason: 'copies or links files', effects: [{ kind: 'write', on: { flag: '-t' } }, { kind: 'write', on: { flag: '--target-directory' } }] },
    { id: 'files', level: 'write', reason: 'copies or links files', effects: [{ kind: 'write', on: 'last' }] },
  ],
  otherwise: { level: 'write', reason: 'copies or links files' },
};

const move: ToolTable = {
  id: 'coreutils.mv',
  names: ['mv', 'rename'],
  bundles: true,
  valueFlags: ['-t', '--target-directory', '-S', '--suffix'],
  rules: [{ id: 'files', level: 'write', reason: 'moves or renames files', effects: [{ kind: 'write', on: 'args' }] }],
  otherwise: { level: 'write', reason: 'moves or renames files' },
};

const create: ToolTable = {
  id: 'coreutils.create',
  names: ['touch', 'mkdir', 'mkfifo', 'mknod', 'truncate', 'fallocate', 'split', 'csplit', 'tee', 'sponge'],
  bundles: true,
  valueFlags: ['-m', '--mode', '-s', '--size', '-l', '--length', '-d', '--date', '-r', '--reference', '-t', '-b', '--bytes', '-n'],
  rules: [{ id: 'files', level: 'write', reason: 'creates or changes files', effects: [{ kind: 'write', on: 'args' }] }],
  otherwise: { level: 'write', reason: 'creates or changes files' },
};

const permissions: ToolTable = {
  id: 'coreutils.chmod',
  names: ['chmod', 'chown', 'chgrp', 'setfacl', 'chattr', 'chcon'],
  bundles: true,
  valueFlags: ['--reference', '--from', '-m', '-x', '-M', '-X'],
  rules: [
    { id: 'setuid', when: { arg: /^([ugoa]*[+=][rwxXt]*s|[2467][0-7]{3}|\+s)$/ }, level: 'dangerous', reason: 'sets the setuid or setgid bit, which lets anyone run the file with its owner\'s rights' },
    {
      id: 'recursive',
      when: { anyFlag: ['-R', '-r', '--recursive'] },
      level: 'write',
      reason: 'changes ownership or permissions recursively',
      effects: [{ kind: 'mode', on: 'after-first', recursive: true }],
    },
    { id: 'files', level: 'write', reason: 'changes ownership or permissions', effects: [{ kind: 'mode', on: 'after-first' }] },
  ],
  otherwise: { level: 'write', reason: 'changes ownership or permissions' },
};

const dd: ToolTable = {
  id: 'coreutils.dd',
  names: ['dd'],
  rules: [
    { id: 'copy', when: { arg: /^of=/ }, level: 'write', reason: 'copies raw data into a file', effects: [{ kind: 'write', on: { flag: 'of=' } }] },
    { id: 'read', level: 'read', reason: 'copies raw data to its output', effects: [{ kind: 'print', on: { flag: 'if=' } }] },
  ],
  otherwise: { level: 'read', reason: 'copies raw data to its output' },
};

const sort: ToolTable = {
  id: 'coreutils.sort',
  names: ['sort', 'uniq', 'shuf'],
  bundles: true,
  valueFlags: ['-o', '--output', '-k', '--key', '-t', '--field-separator', '-S', '--buffer-size', '-T', '-n', '-f', '-s', '-w'],
  rules: [
    { id: 'output-file', when: { anyFlag: ['-o', '--output'] }, level: 'write', reason: 'writes its result to a file', effects: [{ kind: 'write', on: { flag: '-o' } }, { kind: 'write', on: { flag: '--output' } }] },
    { id: 'reads', level: 'read', reason: 'sorts and prints lines' },
  ],
  otherwise: { level: 'read', reason: 'sorts and prints lines' },
};

const archives: ToolTable = {
  id: 'archive.tar',
  names: ['tar', 'bsdtar', 'gtar'],
  bundles: true,
  dashlessFirst: true,
  valueFlags: ['-f', '--file', '-C', '--directory', '-T', '--files-from', '-X', '--exclude-from', '-b', '-H', '--format', '-I', '--use-compress-program', '-K', '-N', '-V', '-g'],
  rules: [
    { id: 'list', when: { anyFlag: ['-t', '--list'] }, level: 'read', reason: 'lists an archive' },
    { id: 'extract-into', when: { anyFlag: ['-x', '--extract', '--get'], allFlags: ['-C'] }, level: 'write', reason: 'extracts an archive', effects: [{ kind: 'write', on: { flag: '-C' } }] },
    { id: 'extract', when: { anyFlag: ['-x', '--extract', '--get'] }, level: 'write', reason: 'extracts an archive into the working directory' },
    { id: 'create-to-output', when: { anyFlag: ['-c', '--create'], flagValue: { '-f': /^-$/ } }, level: 'read', reason: 'packs files and prints the archive', effects: [{ kind: 'print', on: 'args' }] },
    { id: 'create', when: { anyFlag: ['-c', '--create', '-r', '--append', '-u', '--update'] }, level: 'write', reason: 'writes an archive', effects: [{ kind: 'write', on: { flag: '-f' } }] },
  ],
  otherwise: { level: 'write', reason: 'works with an archive' },
};

/** `zip -r - ~/.gnupg`: an archive written to the output is the files' content, printed. */
const zipArchives: ToolTable = {
  id: 'archive.zip',
  names: ['zip'],
  bundles: true,
  rules: [
    { id: 'to-output', when: { arg: /^-$/ }, level: 'read', reason: 'packs files and prints the archive', effects: [{ kind: 'print', on: 'args' }] },
    { id: 'files', level: 'write', reason: 'writes an archive' },
  ],
  otherwise: { level: 'write', reason: 'writes an archive' },
};

const compressors: ToolTable = {
  id: 'archive.compress',
  names: ['gzip', 'bzip2', 'xz', 'lzma', 'zstd', 'lz4', 'pigz', 'zip', 'unzip', '7z', '7za', 'rar', 'unrar', 'compress', 'uncompress'],
  bundles: true,
  rules: [
    { id: 'list', when: { anyFlag: ['-l', '--list', '-t', '--test', '-v'] }, level: 'read', reason: 'lists or tests an archive' },
    { id: 'to-output', when: { anyFlag: ['-c', '--stdout', '-p'] }, level: 'read', reason: 'compresses or expands to its output' },
    { id: 'files', level: 'write', reason: 'compresses or expands files in place' },
  ],
  otherwise: { level: 'write', reason: 'compresses or expands files' },
};

const editors: ToolTable = {
  id: 'editor',
  names: ['vi', 'vim', 'nvim', 'nano', 'emacs', 'pico', 'joe', 'micro', 'ed', 'ex', 'code', 'subl'],
  rules: [
    { id: 'read-only', when: { anyFlag: ['-R'] }, level: 'read', reason: 'opens files read-only' },
    { id: 'edit', level: 'write', reason: 'opens files for editing', effects: [{ kind: 'write', on: 'args' }] },
  ],
  otherwise: { level: 'write', reason: 'opens files for editing' },
};

const sedInPlace: ToolTable = {
  id: 'sed',
  names: ['sed', 'gsed'],
  bundles: true,
  valueFlags: ['-e', '--expression', '-f', '--file', '-l', '--line-length'],
  rules: [
    { id: 'in-place-script', when: { anyFlag: ['-i', '--in-place'], allFlags: ['-e'] }, level: 'write', reason: 'edits files in place', effects: [{ kind: 'write', on: 'args' }] },
    { id: 'in-place', when: { anyFlag: ['-i', '--in-place'] }, level: 'write', reason: 'edits files in place', effects: [{ kind: 'write', on: 'after-first' }] },
    { id: 'prints', level: 'read', reason: 'prints edited text' },
  ],
  otherwise: { level: 'read', reason: 'prints edited text' },
};

const yq: ToolTable = {
  id: 'yq',
  names: ['yq'],
  valueFlags: ['-o', '--output-format', '-p', '--input-format', '--indent', '-I'],
  rules: [
    { id: 'in-place', when: { anyFlag: ['-i', '--inplace'] }, level: 'write', reason: 'edits files in place', effects: [{ kind: 'write', on: 'after-first' }] },
    { id: 'prints', level: 'read', reason: 'prints queried or edited YAML' },
  ],
  otherwise: { level: 'read', reason: 'prints queried or edited YAML' },
};

const find: ToolTable = {
  id: 'find',
  names: ['find', 'gfind', 'bfs'],
  // What -exec, -delete and -fprint do is judged from FIND_ACTIONS.
  rules: [{ id: 'search', level: 'read', reason: 'searches for files' }],
  otherwise: { level: 'read', reason: 'searches for files' },
};

export const COREUTILS_TABLES: ToolTable[] = [
  printers, printenv, renderers, echo, decoders, rm, shred, copy, move, create, permissions, dd, sort, archives, zipArchives, compressors, editors, sedInPlace, yq, find,
  // Last, so the specific tables above win for the names they share with it.
  inspection,
];
