import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docker, reign, sandbox } from './reign.js';

interface PlannedStep {
  action: string;
  input: Record<string, unknown>;
  from?: string;
}

function planned(text: string, box = sandbox()): { code: number | null; steps: PlannedStep[]; error?: { message: string; unused?: { kind: string; words: string }[] } } {
  const r = reign(['plan', text, '--json'], box);
  const body = JSON.parse(r.stdout);
  return { code: r.code, steps: body.plan?.steps ?? [], error: body.error };
}

const unique = `sv${randomBytes(3).toString('hex')}`;
afterAll(() => {
  docker(['rm', '-f', `${unique}-db`]);
});

describe('values a request states are used or refused, never dropped', () => {
  it.each([['wéb', 'wéb'], ['nсweb (Cyrillic с)', 'nсweb'], ['日本', '日本'], ['of 300 letters', 'a'.repeat(300)]])('refuses the name %s with the rule it breaks instead of running another name', (_, name) => {
    const r = reign(['run nginx named ' + name, '--yes'], sandbox());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/request value .*(plain ASCII \(Docker names: letters, digits|at most 256 characters)/);
  });

  it('keeps an option after an environment value, and refuses one no recipe reads', () => {
    const r = planned('run nginx named web with env FOO=web1 --user=root');
    expect(r.code).toBe(0);
    expect(r.steps[0]!.input).toMatchObject({ env: { FOO: 'web1' }, user: 'root' });
    const privileged = planned('run nginx named web with env FOO=web1 --privileged');
    expect(privileged.code).toBe(2);
    expect(privileged.error?.unused).toEqual([{ kind: 'flag', words: '--privileged' }]);
  });

  it('refuses a value in a position no recipe reads instead of dropping it, and uses a directory it names', () => {
    for (const [text, words] of [
      ["run redis named cache with api'web of memory", /memory/],
      ['run redis named cache and then stop `id`', /id/],
    ] as const) {
      const r = planned(text);
      expect(r.code, text).toBe(2);
      expect(r.error?.message, text).toMatch(words);
    }
    const box = sandbox();
    const dir = planned('terraform plan in infra-1', box);
    expect(dir.code).toBe(0);
    expect(dir.steps.map((s) => s.input.dir)).toContain(join(box.cwd, 'infra-1'));
  });

  it('refuses a hostile value before asking a question about the request', () => {
    const r = reign(['plan', 'push the image web;id'], sandbox());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: request value "web;id": it holds shell syntax');
    expect(r.stdout + r.stderr).not.toMatch(/Which image/);
  });

  it('mounts a relative bind source from the working directory, written as -v or in words', () => {
    const box = sandbox();
    mkdirSync(join(box.cwd, 'site'));
    for (const text of ['run nginx named web -v ./site:/usr/share/nginx/html', 'run nginx named web and mount ./site at /usr/share/nginx/html']) {
      const r = planned(text, box);
      expect(r.code, text).toBe(0);
      expect(r.steps[0]!.input.volumes, text).toEqual([{ source: join(box.cwd, 'site'), target: '/usr/share/nginx/html', readOnly: false }]);
    }
  });

  it('refuses a stated password that is Reign\'s own placeholder, which would be swapped for a made one', () => {
    const r = planned("run postgres named db with password '<generated>'");
    expect(r.code).toBe(2);
    expect(r.error?.message).toContain('<generated> stands for a secret Reign makes when the step runs');
  });

  it('refuses an out-of-range port instead of publishing nothing', () => {
    const r = planned('run nginx on port 99999 named web');
    expect(r.code).toBe(2);
    expect(r.error?.message).toContain('ports are 1-65535');
  });

  it('refuses a plan that would leave a stated value unused, listing the words in --json', () => {
    const r = planned('run nginx named web and give it the token abc123secretvalue');
    expect(r.code).toBe(2);
    expect(r.error?.unused).toEqual([{ kind: 'secret', words: expect.stringMatching(/^token /) }]);
    expect(JSON.stringify(r)).not.toContain('abc123secretvalue');
  });

  it('refuses a plan that acts on something other than a path the request gives', () => {
    const canary = join(sandbox().cwd, 'canary');
    mkdirSync(canary);
    const r = planned(`run nginx named web; rm -rf ${canary}`);
    expect(r.code).toBe(2);
    expect(r.steps).toEqual([]);
    expect(existsSync(canary)).toBe(true);

    const usage = reign(['plan', 'show disk usage of /var/lib/docker'], sandbox());
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('I did not use "/var/lib/docker" from the request');
    expect(usage.stderr).toContain(`hint: nothing was run; for a file or machine task quote the command, e.g. reign 'run "du -sh /var/lib/docker"'`);
  });

  it('keeps every quoted value after a cue: a second quoted name is refused as unused, not dropped', () => {
    const r = planned('run nginx named "web" "api"');
    expect(r.code).toBe(2);
    expect(r.error?.unused).toEqual([{ kind: 'name', words: 'named web api' }]);
  });

  it('reads a request with a path of its own on its own, not as the last request\'s subject', () => {
    const box = sandbox();
    expect(reign(['plan', 'run redis named cache'], box).code).toBe(0);
    const after = planned('how much space is left on /', box);
    expect(after.steps.map((s) => s.action)).toEqual(['shell.run']);
    expect(after.steps[0]!.input.command).toBe('df -h');
  });

  it('records which words of the request each step came from', () => {
    const r = planned('create a network called backnet and then run nginx named web1 on the network backnet');
    expect(r.steps.map((s) => [s.action, s.from])).toEqual([
      ['docker.network.create', 'create a network called backnet'],
      ['docker.container.run', 'then run nginx named web1 on the network backnet'],
      ['docker.container.wait-healthy', 'then run nginx named web1 on the network backnet'],
    ]);
    expect(r.steps[1]!.input.network).toBe('backnet');
  });
});

describe('misreadings that used to run', () => {
  it('reads "on the network backend" as where the container runs, not a network to create', () => {
    const r = planned('run nginx named web on the network backend');
    expect(r.steps.map((s) => s.action)).toEqual(['docker.container.run', 'docker.container.wait-healthy']);
    expect(r.steps[0]!.input).toMatchObject({ name: 'web', network: 'backend' });
  });

  it('never falls back to building an image from a path the request did not ask to build', () => {
    const box = sandbox();
    const canary = join(box.cwd, 'canary');
    mkdirSync(canary);
    for (const text of ['run nginx named web && touch ' + join(canary, 'x'), 'run nginx@sha256:$(id)']) {
      expect(reign(['plan', text, '--json'], box).stdout, text).not.toContain('docker.image.build');
      const run = reign([text, '--yes'], box);
      expect(run.code, `${text}\n${run.stderr}`).toBe(2);
    }
    expect(reign(['plan', `run nginx named web from ${canary}`, '--json'], box).stdout).not.toContain('docker.image.build');
    expect(existsSync(join(canary, 'x'))).toBe(false);
  });

  it('keeps memory from carrying a misreading into a clear request: run nginx after a cron job is docker', () => {
    const box = sandbox();
    reign(['plan', 'write a cron job that rotates nginx logs weekly and compresses them'], box);
    const r = planned('run nginx on port 8080 named web', box);
    expect(r.code).toBe(0);
    expect(r.steps[0]!.action).toBe('docker.container.run');
  });

  it('does not make a refused request the subject of the next one', () => {
    const box = sandbox();
    expect(reign(['plan', 'run nginx named wéb'], box).code).toBe(2);
    const r = planned('show its logs', box);
    expect(JSON.stringify(r)).not.toContain('wéb');
  });
});

describe('a password stated in plain words (real engine)', () => {
  it('is the password the database gets, and appears in no record or output', () => {
    const box = sandbox();
    // Letters only: found as the stated value, not by a pattern.
    const password = `correcthorse${randomBytes(6).toString('hex').replace(/\d/g, 'q')}`;
    const request = `run postgres named ${unique}-db with password ${password}`;
    const run = reign([request, '--yes'], box);
    expect(run.code, run.stderr).toBe(0);
    const env = JSON.parse(docker(['inspect', `${unique}-db`, '--format', '{{json .Config.Env}}']).stdout) as string[];
    expect(env).toContain(`POSTGRES_PASSWORD=${password}`);

    const runs = reign(['runs', '--json'], box);
    const runId = JSON.parse(runs.stdout)[0].id as string;
    const show = reign(['show', runId, '--json'], box);
    const audit = reign(['audit', 'list', '--json'], box);
    const saved = reign(['plan', request, '--out', 'p.json'], box);
    const stored = ['reign.db', 'reign.db-wal'].map((f) => join(box.home, f)).filter(existsSync).map((f) => readFileSync(f).toString('latin1'));
    const everything = [run.stdout, run.stderr, runs.stdout, show.stdout, audit.stdout, saved.stdout, saved.stderr, readFileSync(join(box.cwd, 'p.json'), 'utf8'), ...stored].join('\n');
    expect(everything).toContain(`${unique}-db`);
    expect(everything).not.toContain(password);

    // A saved plan has no secret, so it cannot run with a placeholder in its place.
    const applied = reign(['apply', 'p.json', '--yes'], box);
    expect(applied.code).toBe(2);
    expect(applied.stderr).toContain('need a secret that saved plans do not keep');
    expect(reign(['rollback', runId, '--yes'], box).code).toBe(0);
  }, 180_000);
});
