import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeDocker } from '../src/tools/docker/testing.js';
import { docker, labelled, reign, sandbox } from './reign.js';

/** The sandbox's settings map `nginx` to the local test image `reign-test/nginx:1`. */
describe('the preview under image settings', () => {
  it('shows the image that will run: the command names it and a note says what it replaces', () => {
    const box = sandbox();
    const r = reign(['plan', 'run nginx on port 18931 named web'], box);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/1\. run-web .* docker run --detach --name web --publish 127\.0\.0\.1:18931:80 reign-test\/nginx:1\n/);
    expect(r.stderr).not.toMatch(/docker run .*nginx:1\.27/);
    expect(r.stderr).toContain('run-web: image nginx:1.27 → reign-test/nginx:1 (images: in config)');
  });

  it('gives the mapping in plan --json and in --emit sh', () => {
    const box = sandbox();
    const json = reign(['plan', '--json', 'run nginx on port 18931 named web'], box);
    expect(json.code, json.stderr).toBe(0);
    const { plan } = JSON.parse(json.stdout);
    expect(plan.steps[0].input.image).toBe('nginx:1.27');
    expect(plan.previews['run-web']).toMatchObject({
      command: 'docker run --detach --name web --publish 127.0.0.1:18931:80 reign-test/nginx:1',
      images: [{ asked: 'nginx:1.27', runs: 'reign-test/nginx:1' }],
    });
    expect(plan.previews['wait-web'].images).toBeUndefined();

    const sh = reign(['plan', '--emit', 'sh', 'run nginx on port 18931 named web'], box);
    expect(sh.stdout).toContain('# image nginx:1.27 → reign-test/nginx:1 (images: in config)\ndocker run --detach --name web --publish 127.0.0.1:18931:80 reign-test/nginx:1\n');
  });

  it('is what policy command rules match: a rule on the mapped image decides the step', () => {
    const box = sandbox('policy:\n  deny:\n    - command: "docker run * reign-test/nginx:1"\n      reason: the local nginx build is for tests only\n');
    const r = reign(['plan', '--json', 'run nginx on port 18931 named web'], box);
    const { review } = JSON.parse(r.stdout);
    expect(review.steps.find((s: { stepId: string }) => s.stepId === 'run-web')).toMatchObject({ decision: 'deny' });
  });
});

const runIdOf = (text: string) => text.match(/\br-[a-z0-9]+-[0-9a-f]{6}\b/)?.[0];
const created: string[] = [];
afterAll(() => {
  for (const runId of created) for (const c of labelled('container', runId)) docker(['rm', '-f', c]);
});

describeDocker('an image that cannot be pulled', () => {
  it('fails the run with a hint at the images: settings, and leaves no container (no network needed: the registry is 127.0.0.1:1)', () => {
    const box = sandbox();
    writeFileSync(join(box.home, 'config.yaml'), 'images:\n  nginx: 127.0.0.1:1/mirror/nginx:1.27\n');
    const name = `unpulled-${process.pid}`;
    const r = reign([`run nginx on port 18932 named ${name}`, '--yes'], box);
    const runId = runIdOf(r.stdout + r.stderr);
    if (runId) created.push(runId);

    expect(r.code, r.stderr).not.toBe(0);
    expect(r.stderr).toContain(`docker run --detach --name ${name} --publish 127.0.0.1:18932:80 127.0.0.1:1/mirror/nginx:1.27`);
    expect(r.stderr).toMatch(/image 127\.0\.0\.1:1\/mirror\/nginx:1\.27 is not present and could not be pulled: .*connection refused/);
    expect(r.stderr).toContain('hint: `images:` in reign.yaml or $REIGN_HOME/config.yaml maps nginx:1.27 to 127.0.0.1:1/mirror/nginx:1.27: point it at an image this machine can pull or has built');
    expect(docker(['ps', '-a', '--filter', `name=^${name}$`, '--format', '{{.Names}}']).stdout.trim()).toBe('');
    // Nothing was created, so nothing was rolled back: the run failed (exit 1, not 5).
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`run ${runId}: failed`);

    const shown = reign(['show', runId!], box);
    expect(shown.stdout).toContain('hint: `images:` in reign.yaml or $REIGN_HOME/config.yaml maps nginx:1.27 to 127.0.0.1:1/mirror/nginx:1.27');
    const json = JSON.parse(reign(['show', runId!, '--json'], box).stdout);
    expect(json.status).toBe('failed');
    expect(json.steps.find((s: { stepId: string }) => s.stepId === `run-${name}`).hint).toContain('maps nginx:1.27 to 127.0.0.1:1/mirror/nginx:1.27');
  });

  it('fails a Compose stack whose image cannot be pulled with the same hint, and rolls back what the run wrote', () => {
    const box = sandbox();
    writeFileSync(join(box.home, 'config.yaml'), 'images:\n  redis: 127.0.0.1:1/mirror/redis:7\n  postgres: reign-test/postgres:15\n');
    const r = reign(['spin up postgres and redis for local dev', '--yes'], box);
    const runId = runIdOf(r.stdout + r.stderr);
    if (runId) created.push(runId);

    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toContain('hint: `images:` in reign.yaml or $REIGN_HOME/config.yaml maps redis:7 to 127.0.0.1:1/mirror/redis:7: point it at an image this machine can pull or has built');
    expect(reign(['show', runId!], box).stdout).toContain('hint: `images:` in reign.yaml or $REIGN_HOME/config.yaml maps redis:7 to 127.0.0.1:1/mirror/redis:7');
    expect(labelled('container', runId!)).toEqual([]);
  });

  it('fails a saved plan that pulls an image that is not mapped with a hint to map it', () => {
    const box = sandbox();
    const plan = {
      id: 'p-pull', request: 'pull an image from a registry that does not answer', createdAt: new Date().toISOString(),
      steps: [{ id: 'pull', action: 'docker.image.pull', title: 'pull', input: { image: '127.0.0.1:1/reign-absent:1' } }],
    };
    writeFileSync(join(box.cwd, 'plan.json'), JSON.stringify(plan));
    const r = reign(['apply', 'plan.json', '--yes'], box);
    const runId = runIdOf(r.stdout + r.stderr);
    if (runId) created.push(runId);

    expect(r.code, r.stderr).not.toBe(0);
    expect(r.stderr).toContain('hint: map 127.0.0.1:1/reign-absent to an image this machine can pull or has built, under `images:` in reign.yaml or $REIGN_HOME/config.yaml');
  });
});
