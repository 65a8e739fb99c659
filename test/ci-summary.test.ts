import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const VITEST = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const SUMMARY = fileURLToPath(new URL('../.ci/summary.mjs', import.meta.url));

describe('the closing line of .ci/run', () => {
  it('counts test files that failed to load or failed in a hook as failures, and names them', () => {
    // A real vitest report of files in a scratch project (globals, so they import nothing).
    const dir = mkdtempSync(join(tmpdir(), 'reign-ci-summary-'));
    writeFileSync(join(dir, 'tests.test.js'), "it('passes', () => {});\nit('also passes', () => {});\nit('fails', () => { expect(1).toBe(2); });\nit.skip('is skipped', () => {});\n");
    writeFileSync(join(dir, 'import.test.js'), "import './missing.js';\nit('never collected', () => {});\n");
    writeFileSync(join(dir, 'hook.test.js'), "afterAll(() => { throw new Error('cleanup failed'); });\nit('passes before its hook fails', () => {});\n");
    const report = join(dir, 'report.json');
    const run = spawnSync(process.execPath, [VITEST, 'run', '--root', dir, '--globals', '--reporter=json', `--outputFile.json=${report}`], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: '' } });
    expect(run.status, run.stderr).toBe(1);

    const summary = spawnSync(process.execPath, [SUMMARY, report], { cwd: dir, encoding: 'utf8' });

    expect(summary.status, summary.stderr).toBe(0);
    const lines = summary.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('3 passed, 3 failed (1 test, 1 file failed to load, 1 file failed outside its tests), 1 skipped');
    expect(lines).toContainEqual(expect.stringMatching(/^failed to load: import\.test\.js: .*missing\.js/));
    expect(lines).toContain('failed outside its tests: hook.test.js: cleanup failed');
  });

  it('says so when there is no report to count', () => {
    const summary = spawnSync(process.execPath, [SUMMARY, join(tmpdir(), 'reign-no-such-report.json')], { encoding: 'utf8' });
    expect(summary.status).toBe(1);
    expect(summary.stdout).toMatch(/^no test report .*: the build or the test runner stopped before the tests ran/);
  });
});
