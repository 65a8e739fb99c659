import { describe, expect, it } from 'vitest';
import { classifyPath } from './paths.js';
import { DYNAMIC, ITEM } from './script.js';

describe('classifyPath', () => {
  it('sees the root, home directories and system directories', () => {
    expect(classifyPath('/').location).toBe('root');
    expect(classifyPath('/*').location).toBe('root');
    expect(classifyPath('~').location).toBe('home');
    expect(classifyPath('/home/ana/').location).toBe('home');
    expect(classifyPath('/etc/hosts').location).toBe('system');
    expect(classifyPath('/usr/local/bin/tool').location).toBe('shared');
    expect(classifyPath('/tmp/x').location).toBe('temporary');
    expect(classifyPath('build/').location).toBe('local');
  });

  it('resolves .. so /tmp/../etc is /etc', () => {
    expect(classifyPath('/tmp/../etc').location).toBe('system');
  });

  it('treats a path that starts with an unknown value as unknown, and possibly empty', () => {
    const path = classifyPath(`${DYNAMIC}/*`);
    expect(path.location).toBe('unknown');
    expect(path.mayBeEmpty).toBe(true);
  });

  it('treats an item read at run time as never empty, under the directory before it', () => {
    expect(classifyPath(ITEM).location).toBe('local');
    expect(classifyPath(`/etc/${ITEM}`).location).toBe('system');
    expect(classifyPath(`/${ITEM}`).location).toBe('root');
    expect(classifyPath(ITEM).mayBeEmpty).toBe(false);
  });

  it('marks key and credential files secret, but not public keys', () => {
    expect(classifyPath('~/.ssh/id_rsa').secret).toBe(true);
    expect(classifyPath('/home/ana/.aws/credentials').secret).toBe(true);
    expect(classifyPath('.env').secret).toBe(true);
    expect(classifyPath('~/.ssh/id_rsa.pub').secret).toBe(false);
  });

  it('marks start-up, cron and access files', () => {
    expect(classifyPath('~/.bashrc').startup).toBe(true);
    expect(classifyPath('~/.ssh/authorized_keys').startup).toBe(true);
    expect(classifyPath('/etc/cron.d/job').startup).toBe(true);
    expect(classifyPath('notes.txt').startup).toBe(false);
  });

  it('tells harmless devices from disks and network sockets', () => {
    expect(classifyPath('/dev/null').location).toBe('discard');
    expect(classifyPath('/dev/sda').location).toBe('block-device');
    expect(classifyPath('/dev/tcp/10.0.0.1/80').location).toBe('network');
  });
});
