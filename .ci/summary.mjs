// The closing line of `.ci/run` from vitest's JSON report. A test file that failed to load (an
// import or a top-level throw) or failed outside its tests (a hook) has no failed test of its own,
// so vitest's counts leave it out; here it counts as a failure and is named.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

const [reportPath] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(readFileSync(reportPath, 'utf8'));
} catch (error) {
  console.log(`no test report (${error.message}): the build or the test runner stopped before the tests ran`);
  process.exit(1);
}

const failedFiles = report.testResults.filter((file) => file.status === 'failed');
const notLoaded = failedFiles.filter((file) => file.assertionResults.length === 0);
const outsideTests = failedFiles.filter((file) => file.assertionResults.length > 0 && !file.assertionResults.some((test) => test.status === 'failed'));

const failed = report.numFailedTests + notLoaded.length + outsideTests.length;
const parts = [
  report.numFailedTests && `${report.numFailedTests} ${report.numFailedTests === 1 ? 'test' : 'tests'}`,
  notLoaded.length && `${notLoaded.length} ${notLoaded.length === 1 ? 'file' : 'files'} failed to load`,
  outsideTests.length && `${outsideTests.length} ${outsideTests.length === 1 ? 'file failed outside its tests' : 'files failed outside their tests'}`,
].filter(Boolean);
const breakdown = parts.length > 1 || (parts.length === 1 && !report.numFailedTests) ? ` (${parts.join(', ')})` : '';
const skipped = report.numPendingTests + report.numTodoTests;

const firstLine = (message) => (message || 'no message').split('\n')[0];
for (const file of notLoaded) console.log(`failed to load: ${relative(process.cwd(), file.name)}: ${firstLine(file.message)}`);
for (const file of outsideTests) console.log(`failed outside its tests: ${relative(process.cwd(), file.name)}: ${firstLine(file.message)}`);
console.log(`${report.numPassedTests} passed, ${failed} failed${breakdown}${skipped ? `, ${skipped} skipped` : ''}`);
