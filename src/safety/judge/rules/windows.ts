import type { ToolTable } from './types.js';

/** A drive root or Windows' own directories. */
// Unquoted in bash, `C:\Windows` reads as `C:Windows`: the backslash is optional here.
const SYSTEM_TARGET = /^[a-z]:\\?\*?$|^[a-z]:\\?(windows|program files|programdata|users)(\\|$)|^\$env:(windir|systemroot|userprofile)/i;

/**
 * PowerShell and cmd.exe lines reach the judge too (pasted from docs, written by a model). They
 * are judged by the same kind of table; names are matched without regard to case.
 */
const deletions: ToolTable = {
  id: 'windows.delete',
  names: ['remove-item', 'ri', 'del', 'erase', 'rd', 'rmdir.exe', 'clear-content'],
  rules: [{ id: 'system', when: { word: SYSTEM_TARGET }, level: 'dangerous', reason: 'deletes a drive or Windows system directory' }],
  otherwise: { level: 'admin', reason: 'deletes files' },
};

/**
 * PowerShell and cmd.exe lines reach the judge too (pasted from docs, written by a model). They
 * are judged by the same kind of table; names are matched without regard to case.
 */
const changes: ToolTable = {
  id: 'windows',
  names: [
    'set-executionpolicy', 'stop-process', 'kill.exe', 'taskkill', 'reg', 'reg.exe', 'net', 'net.exe', 'set-content', 'add-content', 'out-file',
    'new-item', 'copy-item', 'move-item', 'start-process', 'set-itemproperty', 'new-localuser', 'add-localgroupmember', 'wmic',
  ],
  rules: [
    { id: 'admin-group', when: { word: /^administrators$/i }, level: 'dangerous', reason: 'grants administrator rights' },
    { id: 'shadow-copies', when: { word: /^(shadowcopy|shadows)$/i }, level: 'dangerous', reason: 'deletes the shadow copies backups rely on' },
  ],
  otherwise: { level: 'admin', reason: 'changes files, processes, users or settings on Windows' },
};

const readOnly: ToolTable = {
  id: 'windows.read',
  names: ['get-childitem', 'gci', 'get-content', 'gc', 'get-process', 'gps', 'get-service', 'get-item', 'get-location', 'select-string', 'sls', 'test-path', 'write-host', 'write-output', 'get-command', 'get-help', 'where.exe', 'dir.exe', 'type.exe', 'invoke-webrequest', 'iwr', 'invoke-restmethod', 'irm'],
  rules: [{ id: 'reads', level: 'read', reason: 'only reads and prints' }],
  otherwise: { level: 'read', reason: 'only reads and prints' },
};

const destructive: ToolTable = {
  id: 'windows.system',
  names: ['format', 'format.exe', 'diskpart', 'bcdedit', 'cipher', 'stop-computer', 'restart-computer', 'shutdown.exe', 'invoke-expression', 'iex', 'vssadmin', 'clear-recyclebin'],
  rules: [],
  otherwise: { level: 'dangerous', reason: 'formats disks, changes booting, shuts down, or runs code built at run time' },
};

export const WINDOWS_TABLES: ToolTable[] = [readOnly, destructive, deletions, changes];
