import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REIGN, reign, sandbox } from './reign.js';

/**
 * Runs `bin/reign` on a real pseudo-terminal (util-linux `script`), answering each prompt when it
 * appears, as a person at a terminal would.
 */
function atTerminal(args: string[], box: { cwd: string; env: NodeJS.ProcessEnv }, answers: { when: RegExp; send: string }[]): Promise<{ code: number | null; screen: string }> {
  const { CI: _ci, ...env } = box.env;
  const command = [process.execPath, REIGN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: box.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let screen = '';
  const pending = [...answers];
  const onData = (chunk: Buffer) => {
    screen += chunk.toString();
    if (pending[0] && pending[0].when.test(screen)) child.stdin.write(`${pending.shift()!.send}\n`);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, screen })));
}

describe('at a terminal', () => {
  it('asks a clarifying question and continues the same request with the answer', async () => {
    const r = await atTerminal(['show me'], sandbox(), [{ when: /What should I look at/, send: 'the free disk space' }]);
    expect(r.screen).toContain('df -h');
    expect(r.code).toBe(0);
  });

  it('asks before a state-changing command, runs it on yes and nothing on no', async () => {
    const box = sandbox();
    const made = join(box.cwd, 'made-at-prompt');
    const declined = await atTerminal([`run: touch ${made}`], box, [{ when: /\[y\/N\]/, send: 'n' }]);
    expect(declined.code).toBe(4);
    expect(existsSync(made)).toBe(false);
    const accepted = await atTerminal([`run: touch ${made}`], box, [{ when: /\[y\/N\]/, send: 'y' }]);
    expect(accepted.code).toBe(0);
    expect(existsSync(made)).toBe(true);
  });

  it('remembers what a session was about across invocations, and a new session forgets it', () => {
    const box = sandbox();
    expect(reign(['plan', 'run redis named cache'], box).code).toBe(0);
    const logs = JSON.parse(reign(['plan', '--json', 'show its logs'], box).stdout);
    expect(logs.plan.steps[0].input.name).toBe('cache');
    expect(logs.interpretations[0].applied.join(' ')).toMatch(/cache/);
    const fresh = reign(['plan', '--new-session', 'show its logs'], box);
    expect(fresh.code).toBe(2);
  });
});

describe('a reading Reign is not sure of', () => {
  const unsure = 'redis thing for the team maybe';

  it('is shown and asked about at a terminal before anything changes; no runs nothing', async () => {
    const r = await atTerminal([unsure], sandbox(), [{ when: /is that right\? \[y\/N\]/, send: 'n' }]);
    expect(r.screen).toContain('I read this as: create · docker · services=redis — is that right?');
    expect(r.code).toBe(2);
  });

  it('is the answer without a terminal: exit 2 with the question, --yes or not, and the clarification object with --json', () => {
    const box = sandbox();
    for (const args of [[unsure], [unsure, '--yes']]) {
      const r = reign(args, box);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('I read this as: create · docker · services=redis — is that right? Nothing was run');
    }
    const json = reign([unsure, '--json'], box);
    expect(json.code).toBe(2);
    const body = JSON.parse(json.stdout) as { question: string; interpretations: { confidence: number }[] };
    expect(body.question).toMatch(/^I read this as: .* — is that right\?$/);
    expect(body.interpretations[0]!.confidence).toBeLessThan(0.7);
  });

  it('does not stop a plan, or a clear request', () => {
    const box = sandbox();
    expect(reign(['plan', unsure], box).code).toBe(0);
    expect(reign(['how much disk is free', '--json'], box).code).toBe(0);
  });
});
