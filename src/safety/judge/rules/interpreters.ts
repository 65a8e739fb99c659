import type { RiskLevel } from '../../../core/risk.js';

export type Language = 'shell' | 'python' | 'javascript' | 'perl' | 'ruby' | 'php' | 'lua' | 'r' | 'awk' | 'powershell';

/** Programs that run code: given inline (`-c`), from a file, or from their standard input. */
export interface Interpreter {
  language: Language;
  names: string[];
  /** Options whose value is the code to run. Shells also accept them bundled (`bash -lc`). */
  codeFlags: string[];
  /** Other options that take a value, so it is not mistaken for a script file. */
  valueFlags: string[];
  /** Options that run a module or package by name (`python -m`). */
  moduleFlags?: string[];
  /** Options after which nothing runs (`python --version`). */
  inspectFlags: string[];
}

export const INTERPRETERS: Interpreter[] = [
  {
    language: 'shell',
    names: ['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'rbash', 'fish', 'csh', 'tcsh', 'yash', 'posh', 'busybox-sh'],
    codeFlags: ['-c'],
    valueFlags: ['-o', '+o', '-O', '+O', '--rcfile', '--init-file'],
    inspectFlags: ['--version', '-n', '--noexec', '--help'],
  },
  {
    language: 'python',
    names: ['python', 'python2', 'python3', 'pypy', 'pypy3', 'python3.8', 'python3.9', 'python3.10', 'python3.11', 'python3.12', 'python3.13', 'ipython'],
    codeFlags: ['-c'],
    valueFlags: ['-W', '-X', '--check-hash-based-pycs'],
    moduleFlags: ['-m'],
    inspectFlags: ['--version', '-V', '--help', '-h'],
  },
  {
    language: 'javascript',
    names: ['node', 'nodejs', 'deno', 'bun', 'qjs', 'osascript'],
    codeFlags: ['-e', '--eval', '-p', '--print'],
    valueFlags: ['-r', '--require', '--import', '--loader', '--experimental-loader', '--env-file', '--inspect-port', '--max-old-space-size', '-l'],
    inspectFlags: ['--version', '-v', '--help', '-h', '--check', '-c'],
  },
  { language: 'perl', names: ['perl', 'perl5'], codeFlags: ['-e', '-E'], valueFlags: ['-I', '-M', '-m', '-x', '-i'], inspectFlags: ['--version', '-v', '-c', '-V'] },
  { language: 'ruby', names: ['ruby', 'irb', 'jruby'], codeFlags: ['-e'], valueFlags: ['-I', '-r', '-C', '-E'], inspectFlags: ['--version', '-v', '-c'] },
  { language: 'php', names: ['php', 'php7', 'php8'], codeFlags: ['-r'], valueFlags: ['-d', '-c', '-z'], inspectFlags: ['--version', '-v', '-l', '-m', '-i'] },
  { language: 'lua', names: ['lua', 'luajit', 'lua5.1', 'lua5.3', 'lua5.4'], codeFlags: ['-e'], valueFlags: ['-l'], inspectFlags: ['-v'] },
  { language: 'r', names: ['Rscript', 'R'], codeFlags: ['-e'], valueFlags: [], inspectFlags: ['--version'] },
  { language: 'awk', names: ['awk', 'gawk', 'mawk', 'nawk', 'busybox-awk'], codeFlags: [], valueFlags: ['-F', '-v', '--assign', '--field-separator', '-f', '--file', '-i', '--include', '-l', '--load'], inspectFlags: ['--version', '-V'] },
  { language: 'powershell', names: ['pwsh', 'powershell', 'powershell.exe', 'pwsh.exe'], codeFlags: ['-c', '-Command', '-command', '-EncodedCommand', '-e', '-enc'], valueFlags: ['-File', '-f', '-ExecutionPolicy', '-ep'], inspectFlags: ['-Version', '-v', '-Help'] },
];

/** A pattern in inline code and what it means. All rules that match count; the worst decides. */
interface CodeRule {
  id: string;
  /** Every pattern must match somewhere in the code. */
  allOf: RegExp[];
  level: RiskLevel;
  reason: string;
  /** Only for these languages (all when absent). */
  languages?: Language[];
}

const NETWORK = /urlopen|urllib|requests\.|http\.client|httplib|https?\.request|https?\.get|\bfetch\s*\(|XMLHttpRequest|\bsocket\b|Net::HTTP|LWP|HTTP::Tiny|IO::Socket|net\.connect|createConnection|axios|smtplib|ftplib|paramiko|Invoke-WebRequest|Invoke-RestMethod|WebClient/;
const READS_PRIVATE = /\bopen\s*\(|readFile|File\.read|IO\.read|\benviron\b|process\.env|\bENV\b|%ENV|getenv|\.ssh|\.aws|\.kube|\.netrc|expanduser|homedir|Dir\.home|\$HOME|~\/|Get-Content|\$env:/;
const WRITES = /\bopen\s*\([^)]*['"][wax]\+?b?['"]|writeFile|appendFile|File\.write|IO\.write|write_text|write_bytes|createWriteStream|copyfile|shutil\.(copy|move)|Set-Content|Out-File|\bopen\s*\(\s*(my\s+)?\$?\w+\s*,\s*['"]?\+?>/;
const DELETES = /\b(os\.remove|os\.unlink|unlinkSync|fs\.unlink|File\.delete|unlink|os\.rmdir|rmdir|Remove-Item)\b/;
const SYSTEM_PATH = /['"](\/etc|\/boot|\/usr|\/bin|\/sbin|\/lib|\/var\/lib|\/dev\/(sd|nvme|hd|vd)|\/root|\/)['"/]/;

export const CODE_RULES: CodeRule[] = [
  { id: 'fork', allOf: [/\bfork\b/], level: 'dangerous', reason: 'creates processes in a loop from inline code (a fork bomb)' },
  { id: 'decoded-code', allOf: [/\b(exec|eval|compile|Function|instance_eval|class_eval|Invoke-Expression|iex)\b/, /b64decode|b32decode|a85decode|unhexlify|fromhex|decode\(|decompress|\batob\b|Buffer\.from|fromCharCode|unpack|rot13|codecs|marshal|zlib|FromBase64String|\\x[0-9a-f]{2}/i], level: 'dangerous', reason: 'runs code decoded at run time, which cannot be checked' },
  { id: 'dynamic-code', allOf: [/\b(exec|eval|compile|instance_eval|Invoke-Expression|iex)\s*\(?\s*[^'"\s(]/], level: 'dangerous', reason: 'evaluates code built at run time, which cannot be checked', languages: ['python', 'javascript', 'perl', 'ruby', 'php', 'lua', 'powershell'] },
  { id: 'delete-tree', allOf: [/rmtree|rmSync|rm_rf|rm_r\b|remove_tree|rimraf|rmdirSync|\bfs\.rm\b|fs\.promises\.rm|FileUtils\.rm|File::Path|Remove-Item.*-Recurse|deltree|shutil\.rmtree/], level: 'dangerous', reason: 'deletes directory trees from inline code' },
  { id: 'exfiltrate', allOf: [NETWORK, READS_PRIVATE], level: 'dangerous', reason: 'sends files or the environment to another host from inline code' },
  { id: 'system-files', allOf: [new RegExp(`${WRITES.source}|${DELETES.source}`), SYSTEM_PATH], level: 'dangerous', reason: 'changes system files from inline code' },
  { id: 'secret', allOf: [READS_PRIVATE, /\.ssh\/id_|\.aws\/credentials|\.kube\/config|\.netrc|\/etc\/shadow|\.env\b|\.pem\b|\.key\b/], level: 'admin', reason: 'prints secret material from inline code' },
  { id: 'delete', allOf: [DELETES], level: 'admin', reason: 'deletes files from inline code' },
  { id: 'permissions', allOf: [/\b(chmod|chown|setuid|setgid|seteuid|setreuid|lchown)\b/], level: 'admin', reason: 'changes ownership or permissions from inline code' },
  { id: 'signals', allOf: [/\bos\.kill|process\.kill|Process\.kill|\bkill\s*\(|Stop-Process/], level: 'admin', reason: 'stops processes from inline code' },
  { id: 'send', allOf: [/requests\.(post|put|patch|delete)|method\s*[:=]\s*['"](POST|PUT|PATCH|DELETE)|urlopen\([^)]*data\s*=|smtplib|Invoke-RestMethod.*-Method\s+(Post|Put|Delete)/i], level: 'write', reason: 'sends data to a server from inline code' },
  { id: 'write', allOf: [WRITES], level: 'write', reason: 'writes files from inline code' },
  { id: 'write', allOf: [/\b(makedirs|mkdir|mkdirSync|rename|renameSync|symlink|symlinkSync|truncate|utime|New-Item)\b/], level: 'write', reason: 'creates or moves files from inline code' },
];

/**
 * Calls that run a shell command from inline code. Group 1 holds `[` for an argument list,
 * group 3 the command when it is a string literal; group 4 is set when it is not a literal.
 */
export const SHELL_CALLS = /(?:os\.popen|subprocess\.\w+|commands\.getoutput|execSync|execFileSync|child_process\.exec|spawnSync|\bspawn|\bsystem|\bpopen|Popen|Open3\.\w+|shell_exec|passthru|proc_open|os\.execute|Start-Process|Invoke-Expression)\s*\(?\s*(\[?\s*)(?:(['"])((?:\\.|(?!\2).)*)\2|([^'"\s)]))/g;

/** Backticks and `qx{}` run a shell command in Perl, Ruby and PHP. */
export const BACKTICK_CALLS = /`([^`]*)`|\bqx\{([^}]*)\}|%x\{([^}]*)\}/g;

export const CODE_VERDICTS = {
  readOnly: { level: 'read', reason: 'inline code that only computes and prints' },
  unknownCommand: { level: 'admin', reason: 'runs a program from inline code with a command that is not a literal' },
  runsCommand: 'runs a shell command from inline code',
  file: { level: 'admin', reason: 'runs a script or program file (project code), which can do anything' },
  module: { level: 'admin', reason: 'runs a module or package by name, which can do anything' },
  interactive: { level: 'admin', reason: 'opens an interactive interpreter' },
} as const;

/** awk programs: commands they run and files they write. */
export const AWK_EFFECTS = {
  system: /\bsystem\s*\(\s*(?:"((?:\\.|[^"])*)"\s*\)|([^)]*)\))/g,
  pipeTo: /\|\s*&?\s*"((?:\\.|[^"])*)"/g,
  commandInput: /"((?:\\.|[^"])*)"\s*\|\s*getline/g,
  writeTo: />>?\s*"((?:\\.|[^"])*)"/g,
  /** `getline line < "/etc/shadow"`: reads (and usually prints) that file. */
  readFrom: /getline\b[^<;}]*<\s*"((?:\\.|[^"])*)"/g,
};

/** sed commands that write a file (`w FILE`, `s/…/…/w FILE`) or run one (`e`). */
export const SED_EFFECTS = {
  writeTo: /(?:^|[;\n{}]|[\d$/])\s*[wW]\s+([^;\n}]+)|s([^\w\s\\])(?:\\.|(?!\2).)*\2(?:\\.|(?!\2).)*\2[gpiImMe\d]*w\s*([^;\n]+)/g,
  // `e` after an address too (`1e id`, `/x/e cmd`), but not the `e` that starts a word (`/error/p`).
  runs: /(?:^|[;\n{}]|[\d$/])\s*e(?=[\s;}]|$)(?:\s+([^;\n}]+))?|s([^\w\s\\])(?:\\.|(?!\2).)*\2(?:\\.|(?!\2).)*\2[gpiImMw\d]*e/g,
};
