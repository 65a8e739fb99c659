import type { EffectKind, Verdict } from './types.js';

/**
 * Where a path points. Home directories are written `~` before matching (`/home/ana/x` → `~/x`);
 * a path that starts with a value known only at run time is `unknown`.
 */
export type Location =
  | 'discard' // /dev/null and the standard streams
  | 'network' // bash's /dev/tcp and /dev/udp
  | 'block-device'
  | 'root'
  | 'home' // a home directory itself, or everything in it
  | 'temporary'
  | 'system'
  | 'shared' // /usr/local, /opt, /srv, /var, other mounts
  | 'unknown'
  | 'local'; // the working directory or the user's own files

/** First match wins. */
export const LOCATIONS: { location: Location; pattern: RegExp }[] = [
  { location: 'discard', pattern: /^\/dev\/(null|zero|u?random|full|stdin|stdout|stderr|tty|fd\/\d+)$/ },
  { location: 'network', pattern: /^\/dev\/(tcp|udp)\// },
  { location: 'block-device', pattern: /^\/dev\/(sd|hd|vd|xvd|nvme|mmcblk|disk|mapper\/|md\d|dm-|loop|sr\d|mtd|rdisk)/ },
  { location: 'root', pattern: /^\/+(\.{1,2}|\*|\.\*)?\/*$/ },
  { location: 'home', pattern: /^~[^/]*\/*(\*|\.\*|\.\[!.\]\*)?$/ },
  { location: 'home', pattern: /^\/home\/*\*?$/ },
  { location: 'temporary', pattern: /^\/(tmp|var\/tmp|dev\/shm)(\/|$)/ },
  { location: 'system', pattern: /^\/(etc|boot|bin|sbin|lib|lib32|lib64|libx32|sys|proc|dev|root|usr(?!\/local(\/|$)))(\/|$)/ },
  { location: 'system', pattern: /^\/var\/(lib|spool|cache|mail|backups)(\/|$)/ },
  { location: 'system', pattern: /^\/(System|Library|private\/etc)(\/|$)/ },
  { location: 'shared', pattern: /^\// },
];

/** Files whose content must not be shown or sent: keys, tokens, credentials. */
export const SECRET_FILES: RegExp[] = [
  /^~\/\.ssh\/?(\*)?$/,
  /(^|\/)id_(rsa|dsa|ecdsa|ed25519)(_sk)?$/,
  /^~\/\.ssh\/[^/]*(key|_rsa|_ed25519|_ecdsa)$/,
  /\.(pem|key|p12|pfx|jks|keystore|ppk|tfstate|tfstate\.backup)$/,
  /^~\/\.(aws|azure|gnupg|docker|kube)(\/|$)/,
  /^~\/\.config\/(gcloud|gh)(\/|$)/,
  /^~\/\.(netrc|git-credentials|pgpass|npmrc|pypirc|vault-token|my\.cnf)$/,
  /(^|\/)\.env(\.[\w.-]+)?$/,
  /(^|\/)(credentials|secrets?)(\.[a-z]+)?$/,
  /(^|\/)kubeconfig(\.ya?ml)?$/,
  /^\/etc\/(shadow|gshadow|sudoers)/,
  /^\/etc\/ssh\/ssh_host_\w+_key$/,
];

/** Files read or run whenever a person logs in, a shell starts, or a schedule fires. */
export const STARTUP_FILES: RegExp[] = [
  /^~\/\.(bashrc|bash_profile|bash_login|bash_logout|profile|zshrc|zprofile|zshenv|zlogin|kshrc|cshrc|tcshrc|inputrc|xinitrc|xprofile)$/,
  /^~\/\.config\/(fish|autostart|systemd)\//,
  /^~\/\.ssh\/(authorized_keys2?|rc|environment|config)$/,
  /^\/etc\/(profile|bash\.bashrc|environment|sudoers|crontab|cron\.|rc\.local|ld\.so\.preload|profile\.d)/,
  /^\/var\/spool\/cron/,
  /(^|\/)\.git\/hooks\//,
];

/** The level of doing something to a path, by where it points. */
export const LOCATION_EFFECTS: Record<EffectKind, Partial<Record<Location, Verdict>>> = {
  delete: {
    root: { level: 'dangerous', reason: 'deletes from the root of the filesystem' },
    home: { level: 'dangerous', reason: 'deletes a whole home directory' },
    system: { level: 'dangerous', reason: 'deletes system files' },
    'block-device': { level: 'dangerous', reason: 'deletes a disk device' },
    shared: { level: 'admin', reason: 'deletes files outside the working directory' },
    temporary: { level: 'admin', reason: 'deletes temporary files' },
    local: { level: 'admin', reason: 'deletes files' },
    unknown: { level: 'admin', reason: 'deletes a path only known at run time' },
  },
  write: {
    root: { level: 'dangerous', reason: 'writes to the root of the filesystem' },
    system: { level: 'dangerous', reason: 'writes into a system file' },
    'block-device': { level: 'dangerous', reason: 'writes raw data onto a disk device' },
    shared: { level: 'admin', reason: 'places a file outside the working directory (/usr/local, /opt, /srv, /var)' },
    unknown: { level: 'admin', reason: 'writes to a path only known at run time' },
    network: { level: 'write', reason: 'sends data over the network' },
    home: { level: 'write', reason: 'writes a file in the home directory' },
    temporary: { level: 'write', reason: 'writes a temporary file' },
    local: { level: 'write', reason: 'writes a file' },
  },
  mode: {
    root: { level: 'dangerous', reason: 'changes ownership or permissions from the root of the filesystem' },
    system: { level: 'dangerous', reason: 'changes ownership or permissions of system files' },
    'block-device': { level: 'dangerous', reason: 'changes permissions of a disk device' },
    home: { level: 'admin', reason: 'changes ownership or permissions of a whole home directory' },
    shared: { level: 'admin', reason: 'changes ownership or permissions outside the working directory' },
    unknown: { level: 'admin', reason: 'changes ownership or permissions of a path only known at run time' },
    temporary: { level: 'write', reason: 'changes ownership or permissions of a temporary file' },
    local: { level: 'write', reason: 'changes ownership or permissions of a file' },
  },
  print: {},
  send: {
    root: { level: 'dangerous', reason: 'sends the whole filesystem elsewhere' },
    home: { level: 'dangerous', reason: 'sends a home directory elsewhere' },
    system: { level: 'dangerous', reason: 'sends system files elsewhere' },
    'block-device': { level: 'dangerous', reason: 'sends a disk image elsewhere' },
    shared: { level: 'write', reason: 'uploads files to a named destination' },
    unknown: { level: 'write', reason: 'uploads files to a named destination' },
    temporary: { level: 'write', reason: 'uploads files to a named destination' },
    local: { level: 'write', reason: 'uploads files to a named destination' },
  },
};

/** Deleting recursively from a path that may be empty at run time can mean `/`. */
export const RECURSIVE_UNKNOWN_DELETE: Verdict = {
  level: 'dangerous',
  reason: 'deletes recursively from a path built from a variable or substitution; if it is empty this is /',
};

/** The level of doing something to a file by what it holds, on top of where it is. */
export const CONTENT_EFFECTS: Record<'secret' | 'startup', Partial<Record<EffectKind, Verdict>>> = {
  secret: {
    print: { level: 'admin', reason: 'shows secret material (keys, tokens or credentials)' },
    send: { level: 'dangerous', reason: 'sends secret material (keys, tokens or credentials) elsewhere' },
  },
  startup: {
    write: { level: 'dangerous', reason: 'writes into a start-up, cron, sudoers or authorized_keys file, which runs or grants access later' },
    mode: { level: 'admin', reason: 'changes permissions of a start-up or access file' },
  },
};
