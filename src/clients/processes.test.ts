import { describe, expect, it } from 'vitest';
import { runProcess } from './processes.js';

describe('process runner', () => {
  it('passes arguments as an array, so shell syntax in them stays literal', async () => {
    const result = await runProcess('printf', ['%s', '$(id); rm -rf /']);
    expect(result.stdout).toBe('$(id); rm -rf /');
    expect(result.exitCode).toBe(0);
  });

  it('caps captured output and says it was truncated', async () => {
    const result = await runProcess('head', ['-c', '100000', '/dev/zero'], { maxOutputBytes: 1000 });
    expect(result.stdout.length).toBe(1000);
    expect(result.truncated).toBe(true);
  });

  it('kills the process tree at the timeout and reports it', async () => {
    const result = await runProcess('sh', ['-c', 'sleep 30 & sleep 30'], { timeoutMs: 100 });
    expect(result.timedOut).toBe(true);
    expect(result.signal).toBe('SIGKILL');
  });

  it('rejects with the abort reason when cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop')), 50);
    await expect(runProcess('sleep', ['30'], { signal: controller.signal })).rejects.toThrow('stop');
  });

  it('reports the exit code and stderr of a failing program', async () => {
    const result = await runProcess('ls', ['/no/such/path']);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toMatch(/No such file/);
  });
});
