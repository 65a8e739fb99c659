// From a request to every service healthy: `reign "set up postgres and redis for local dev" --yes`
// against what a person would type for the same generated project — `docker-compose up -d`, then
// a loop asking the engine for each container's health every 100 ms (the interval Reign polls
// at). Runs alternate (Reign, baseline, Reign, …) on fresh directories and volumes; teardown is
// not timed. Needs `npm run build` and the local test images (.ci/test-images.sh).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './lib.mjs';

const REIGN = fileURLToPath(new URL('../bin/reign', import.meta.url));
const REQUEST = 'set up postgres and redis for local dev';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const home = mkdtempSync(join(tmpdir(), 'reign-bench-compose-home-'));
writeFileSync(join(home, 'config.yaml'), 'images:\n  redis: reign-test/redis:7\n  postgres: reign-test/postgres:15\n');
const env = { ...process.env, REIGN_HOME: home, NO_COLOR: '1', CI: '1' };

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const compose = (dir, project, args) => run('docker-compose', ['-p', project, '-f', join(dir, 'compose.yaml'), '-f', join(dir, '.compose.reign.yaml'), ...args], { cwd: dir });
const projectOf = (dir) => basename(dir).toLowerCase();

/** Reign: the request, planned, reviewed, written and started; it exits once all is healthy. */
function reignOnce() {
  const dir = mkdtempSync(join(tmpdir(), 'reign-bench-compose-'));
  const start = process.hrtime.bigint();
  run(process.execPath, [REIGN, REQUEST, '--yes'], { cwd: dir, env });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, dir };
}

/** The baseline: the same files (and image mapping), brought up by hand and polled for health. */
function baselineOnce(template) {
  const dir = mkdtempSync(join(tmpdir(), 'reign-bench-compose-'));
  for (const file of ['compose.yaml', '.env', '.compose.reign.yaml']) copyFileSync(join(template, file), join(dir, file));
  const project = projectOf(dir);
  const start = process.hrtime.bigint();
  compose(dir, project, ['up', '-d']);
  const ids = compose(dir, project, ['ps', '-q']).split('\n').filter(Boolean);
  while (true) {
    const states = run('docker', ['inspect', '--format', '{{.State.Health.Status}}', ...ids]).split('\n').filter(Boolean);
    if (states.every((s) => s === 'healthy')) break;
    spawnSync('sleep', ['0.1']);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, dir };
}

function teardown(dir) {
  compose(dir, projectOf(dir), ['down', '-v']);
  rmSync(dir, { recursive: true, force: true });
}

// Warm-up: one of each, one at a time (both publish the same ports); Reign's project is the
// template the baseline copies.
const warm = reignOnce();
const template = mkdtempSync(join(tmpdir(), 'reign-bench-compose-template-'));
for (const file of ['compose.yaml', '.env', '.compose.reign.yaml']) writeFileSync(join(template, file), readFileSync(join(warm.dir, file)));
teardown(warm.dir);
teardown(baselineOnce(template).dir);

const reignMs = [];
const baselineMs = [];
const ratios = [];
for (let i = 0; i < RUNS; i++) {
  const a = reignOnce();
  teardown(a.dir);
  const b = baselineOnce(template);
  teardown(b.dir);
  reignMs.push(a.ms);
  baselineMs.push(b.ms);
  ratios.push(a.ms / b.ms);
}
rmSync(template, { recursive: true, force: true });
rmSync(home, { recursive: true, force: true });
console.log(
  `request → postgres and redis healthy: reign ${median(reignMs).toFixed(0)} ms vs docker-compose up -d + health loop ${median(baselineMs).toFixed(0)} ms ` +
    `(median of ${RUNS}) → ratio ${median(ratios).toFixed(2)} (goal ≤ 1.10)`,
);
