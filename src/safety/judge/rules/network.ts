import type { ToolTable } from './types.js';

/** A remote `host:path` (scp, rsync) rather than a local path. */
const REMOTE_PATH = /^([\w.-]+@)?[\w.-]+:(?!\/\/)|^rsync:\/\/|^(s3|gs|az):\/\//;

/** Instance metadata endpoints that hand out the machine's cloud credentials or tokens. */
const CLOUD_CREDENTIAL_URL = /(169\.254\.169\.254|\[fd00:ec2::254\])\/.*(security-credentials|identity-credentials|api\/token|metadata\/identity)|169\.254\.170\.2\/|metadata\.google\.internal\/.*(token|identity)/i;

const curl: ToolTable = {
  id: 'curl',
  names: ['curl', 'curlie'],
  bundles: true,
  valueFlags: [
    '-o', '--output', '-d', '--data', '--data-binary', '--data-raw', '--data-urlencode', '--data-ascii', '--json', '-F', '--form',
    '--form-string', '-T', '--upload-file', '-X', '--request', '-H', '--header', '-u', '--user', '-A', '--user-agent', '-e', '--referer',
    '-b', '--cookie', '-c', '--cookie-jar', '-w', '--write-out', '-m', '--max-time', '--connect-timeout', '-x', '--proxy', '--retry',
    '--cacert', '--cert', '--key', '-K', '--config', '--resolve', '-r', '--range', '--output-dir', '-D', '--dump-header', '-U',
    '--proxy-user', '-E', '-Y', '-y', '-z', '--time-cond', '--limit-rate', '--max-redirs', '--trace', '--trace-ascii', '--stderr', '--url',
  ],
  rules: [
    { id: 'cloud-credentials', when: { arg: CLOUD_CREDENTIAL_URL }, level: 'admin', reason: 'prints the machine\'s cloud credentials from the metadata service', traits: ['network', 'prints-secret'] },
    {
      id: 'upload',
      when: { anyFlag: ['-d', '--data', '--data-binary', '--data-raw', '--data-urlencode', '--data-ascii', '--json', '-F', '--form', '-T', '--upload-file'] },
      level: 'write',
      reason: 'sends data to a server',
      traits: ['network', 'sends-input'],
      effects: [
        { kind: 'send', on: { flag: '-d' } }, { kind: 'send', on: { flag: '--data' } }, { kind: 'send', on: { flag: '--data-binary' } },
        { kind: 'send', on: { flag: '--data-urlencode' } }, { kind: 'send', on: { flag: '-F' } }, { kind: 'send', on: { flag: '--form' } },
        { kind: 'send', on: { flag: '-T' } }, { kind: 'send', on: { flag: '--upload-file' } }, { kind: 'send', on: { flag: '--json' } },
      ],
    },
    { id: 'delete', when: { flagValue: { '-X': /^delete$/i } }, level: 'admin', reason: 'deletes something on a server', traits: ['network'] },
    { id: 'delete', when: { flagValue: { '--request': /^delete$/i } }, level: 'admin', reason: 'deletes something on a server', traits: ['network'] },
    { id: 'change', when: { flagValue: { '-X': /^(post|put|patch|delete)$/i } }, level: 'write', reason: 'sends a request that changes something on a server', traits: ['network'] },
    { id: 'change', when: { flagValue: { '--request': /^(post|put|patch|delete)$/i } }, level: 'write', reason: 'sends a request that changes something on a server', traits: ['network'] },
    {
      id: 'save',
      when: { anyFlag: ['-o', '--output', '-O', '--remote-name', '--remote-name-all', '-J', '--output-dir', '-c', '--cookie-jar', '-D', '--dump-header'] },
      level: 'write',
      reason: 'downloads to a file',
      traits: ['network'],
      effects: [{ kind: 'write', on: { flag: '-o' } }, { kind: 'write', on: { flag: '--output' } }, { kind: 'write', on: { flag: '--output-dir' } }],
      records: { fact: 'downloaded', from: { flag: '-o' } },
    },
    { id: 'fetch', level: 'read', reason: 'fetches a URL and prints it', traits: ['network', 'downloads'] },
  ],
  otherwise: { level: 'read', reason: 'fetches a URL and prints it' },
};

const wget: ToolTable = {
  id: 'wget',
  names: ['wget', 'wget2', 'aria2c', 'fetch', 'axel'],
  bundles: true,
  valueFlags: ['-O', '--output-document', '-o', '--output-file', '-P', '--directory-prefix', '--post-data', '--post-file', '--body-data', '--body-file', '--method', '--header', '-U', '--user-agent', '-t', '--tries', '-T', '--timeout', '--user', '--password', '-e', '--execute', '-i', '--input-file', '-l', '--level', '-A', '-R', '-d', '--dir'],
  rules: [
    { id: 'upload', when: { anyFlag: ['--post-data', '--post-file', '--body-data', '--body-file'] }, level: 'write', reason: 'sends data to a server', traits: ['network', 'sends-input'], effects: [{ kind: 'send', on: { flag: '--post-file' } }, { kind: 'send', on: { flag: '--body-file' } }] },
    { id: 'fetch', when: { flagValue: { '-O': /^-$/ } }, level: 'read', reason: 'fetches a URL and prints it', traits: ['network', 'downloads'] },
    { id: 'fetch', when: { flagValue: { '--output-document': /^-$/ } }, level: 'read', reason: 'fetches a URL and prints it', traits: ['network', 'downloads'] },
    { id: 'fetch', when: { anyFlag: ['--spider'] }, level: 'read', reason: 'checks that a URL exists', traits: ['network'] },
    {
      id: 'save',
      level: 'write',
      reason: 'downloads to a file',
      traits: ['network'],
      effects: [{ kind: 'write', on: { flag: '-O' } }, { kind: 'write', on: { flag: '--output-document' } }, { kind: 'write', on: { flag: '-P' } }],
      records: { fact: 'downloaded', from: { flag: '-O' } },
    },
  ],
  otherwise: { level: 'write', reason: 'downloads to a file' },
};

const netcat: ToolTable = {
  id: 'netcat',
  names: ['nc', 'ncat', 'netcat', 'socat', 'telnet', 'openssl-s_client', 'cryptcat', 'pwncat'],
  bundles: true,
  valueFlags: ['-p', '-s', '-w', '-i', '-q', '-x', '-X', '-e', '-c', '--exec', '--sh-exec', '--lua-exec', '-o', '-O'],
  rules: [
    { id: 'shell', when: { anyFlag: ['-e', '-c', '--exec', '--sh-exec', '--lua-exec'] }, level: 'dangerous', reason: 'connects a program or shell to the network (a remote shell)' },
    { id: 'shell', when: { word: /^(exec|system):/i }, level: 'dangerous', reason: 'connects a program or shell to the network (a remote shell)' },
    { id: 'scan', when: { anyFlag: ['-z'] }, level: 'read', reason: 'checks whether a port is open', traits: ['network'] },
    { id: 'listen', when: { anyFlag: ['-l', '--listen'] }, level: 'admin', reason: 'opens a port for others to connect to', traits: ['network'] },
    { id: 'send', level: 'write', reason: 'sends its input to another host', traits: ['network', 'sends-input'] },
  ],
  otherwise: { level: 'write', reason: 'sends its input to another host' },
};

const copyRemote: ToolTable = {
  id: 'remote-copy',
  names: ['scp', 'rsync', 'sftp', 'rclone', 'lftp', 'ftp', 'tftp', 'croc', 'magic-wormhole', 'wormhole', 'transfer'],
  bundles: true,
  valueFlags: ['-P', '-p', '-i', '-o', '-F', '-J', '-l', '-c', '-e', '--rsh', '--exclude', '--include', '--exclude-from', '--include-from', '--filter', '-f', '--port', '--password-file', '--log-file', '--rsync-path', '--bwlimit', '--chmod', '--chown', '--backup-dir', '--suffix', '-S'],
  rules: [
    { id: 'dry-run', when: { anyFlag: ['-n', '--dry-run', '--list-only'] }, level: 'read', reason: 'a dry run changes nothing' },
    { id: 'delete', when: { anyFlag: ['--delete', '--delete-before', '--delete-during', '--delete-after', '--delete-delay', '--delete-excluded', '--remove-source-files', '--del'] }, level: 'admin', reason: 'deletes files at the destination (or the source) to match', effects: [{ kind: 'delete', on: 'last', recursive: true }] },
    { id: 'upload', when: { last: REMOTE_PATH }, level: 'write', reason: 'copies files to another host', traits: ['network'], effects: [{ kind: 'send', on: 'all-but-last' }] },
    { id: 'upload', when: { sub: 'send|copy|sync|move|put' }, level: 'write', reason: 'copies files to another host', traits: ['network'], effects: [{ kind: 'send', on: 'args' }] },
    { id: 'copy', level: 'write', reason: 'copies files', effects: [{ kind: 'write', on: 'last' }] },
  ],
  otherwise: { level: 'write', reason: 'copies files' },
};

const probes: ToolTable = {
  id: 'network.probe',
  names: ['ping', 'ping6', 'dig', 'host', 'nslookup', 'drill', 'traceroute', 'traceroute6', 'tracepath', 'mtr', 'whois', 'arping', 'netstat', 'ss', 'nmap', 'httping', 'iperf', 'iperf3', 'speedtest', 'speedtest-cli', 'tcpdump', 'tshark', 'ngrep', 'mosh-client', 'http', 'https', 'xh', 'httpie', 'grpcurl', 'websocat', 'wscat'],
  bundles: true,
  valueFlags: ['-w', '--write', '-o'],
  rules: [
    { id: 'capture', when: { anyFlag: ['-w', '--write'] }, level: 'write', reason: 'captures network traffic into a file', effects: [{ kind: 'write', on: { flag: '-w' } }] },
    { id: 'probe', level: 'read', reason: 'looks up or probes hosts on the network', traits: ['network'] },
  ],
  otherwise: { level: 'read', reason: 'looks up or probes hosts on the network' },
};

const mail: ToolTable = {
  id: 'mail',
  names: ['mail', 'mailx', 'sendmail', 'mutt', 'msmtp', 'swaks', 'ssmtp'],
  valueFlags: ['-s', '-a', '-A', '-c', '-b', '-r', '-f', '--attach', '--body'],
  rules: [{ id: 'send', level: 'write', reason: 'sends mail', traits: ['network', 'sends-input'], effects: [{ kind: 'send', on: { flag: '-a' } }, { kind: 'send', on: { flag: '-A' } }, { kind: 'send', on: { flag: '--attach' } }] }],
  otherwise: { level: 'write', reason: 'sends mail' },
};

const sshTools: ToolTable = {
  id: 'ssh',
  names: ['ssh-keygen', 'ssh-add', 'ssh-keyscan', 'gpg', 'gpg2', 'age', 'sops', 'pass', 'keyctl', 'security'],
  bundles: true,
  valueFlags: ['-f', '-t', '-b', '-C', '-N', '-i', '-o', '--output', '-r', '--recipient', '-u', '--local-user', '-E', '-T', '-a', '-p', '-s'],
  rules: [
    { id: 'inspect', when: { anyFlag: ['-l', '-L', '-F', '-k', '--list-keys', '-K', '--list-secret-keys', '--fingerprint', '--verify', '--list-sigs', '--check-sigs', '-y', '-H'] }, level: 'read', reason: 'lists or checks keys' },
    { id: 'secret', when: { anyFlag: ['--export-secret-keys', '--export-secret-subkeys', '-d', '--decrypt', '--show-session-key'] }, level: 'admin', reason: 'prints secret or decrypted material', traits: ['prints-secret'] },
    { id: 'secret', when: { sub: 'show|decrypt|-d|exec|get|find-generic-password|find-internet-password|dump-keychain' }, level: 'admin', reason: 'prints secret or decrypted material', traits: ['prints-secret'] },
    { id: 'delete', when: { anyFlag: ['--delete-key', '--delete-keys', '--delete-secret-keys', '--delete-secret-and-public-key', '-D', '-d', '-R'] }, level: 'admin', reason: 'deletes keys' },
  ],
  otherwise: { level: 'write', reason: 'creates or changes keys' },
};

const sshAgent: ToolTable = {
  id: 'ssh-agent',
  names: ['ssh-agent', 'gpg-agent', 'keychain'],
  rules: [{ id: 'start', level: 'write', reason: 'starts a key agent and prints its shell setup', traits: ['prints-tool-setup'] }],
  otherwise: { level: 'write', reason: 'starts a key agent' },
};

const sshCopyId: ToolTable = {
  id: 'ssh-copy-id',
  names: ['ssh-copy-id'],
  rules: [],
  otherwise: { level: 'admin', reason: 'installs a key that grants access to another host' },
};

const openssl: ToolTable = {
  id: 'openssl',
  names: ['openssl'],
  valueFlags: ['-in', '-out', '-inform', '-outform', '-passin', '-passout', '-connect', '-servername', '-key', '-cert', '-CAfile', '-name', '-subj', '-days', '-config', '-newkey', '-keyout', '-k', '-kfile', '-pass', '-md'],
  rules: [
    { id: 'to-file', when: { anyFlag: ['-out', '-keyout'] }, level: 'write', reason: 'writes keys, certificates or converted files', effects: [{ kind: 'write', on: { flag: '-out' } }, { kind: 'write', on: { flag: '-keyout' } }] },
    { id: 'public-part', when: { sub: 'rsa|ec|pkey|dsa', anyFlag: ['-pubout', '-noout'], noFlag: ['-text'] }, level: 'read', reason: 'shows the public part of a key' },
    { id: 'public-part', when: { sub: 'rsa|ec|pkey|dsa', anyFlag: ['-pubout', '-check'], noFlag: ['-text'] }, level: 'read', reason: 'checks a key or shows its public part' },
    { id: 'private-key', when: { sub: 'rsa|ec|pkey|dsa|pkcs12|pkcs8' }, level: 'admin', reason: 'prints a private key or its parameters', traits: ['prints-secret'] },
    { id: 'decrypt', when: { sub: 'enc|base64|smime|cms|pkeyutl|rsautl', anyFlag: ['-d', '-decrypt'] }, level: 'read', reason: 'decrypts or decodes to its output', traits: ['decodes'] },
    { id: 'new-key', when: { sub: 'genrsa|genpkey|ecparam|gendsa|req|rand|passwd' }, level: 'read', reason: 'generates keys or random data to its output' },
    { id: 'inspect', level: 'read', reason: 'shows or checks certificates and keys', traits: ['network'] },
  ],
  otherwise: { level: 'read', reason: 'shows or checks certificates and keys' },
};

export const NETWORK_TABLES: ToolTable[] = [curl, wget, netcat, copyRemote, probes, mail, sshTools, sshAgent, sshCopyId, openssl];
