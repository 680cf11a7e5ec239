#!/usr/bin/env node
// Prints the final `N passed, N failed` line of .ci/run from jest's --json output.
// usage: node scripts/ci-summary.js JEST_JSON_FILE NPM_TEST_EXIT_STATUS
const fs = require('node:fs');

/**
 * The counts of one `npm test` run. A suite that failed to run at all (a syntax error, a throw in
 * beforeAll) counts as one failure, so a broken file cannot hide behind "0 failed".
 */
function summarise(jsonFile, exitStatus) {
  if (!fs.existsSync(jsonFile)) {
    // typecheck or lint failed before jest ran
    return { passed: 0, failed: 1, note: `npm test stopped before jest ran (exit ${exitStatus})` };
  }
  const results = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  const brokenSuites = results.testResults.filter(
    (suite) => suite.status === 'failed' && !suite.assertionResults.some((t) => t.status === 'failed'),
  );
  let failed = results.numFailedTests + brokenSuites.length;
  const notes = brokenSuites.map((suite) => `suite failed to run: ${suite.name}`);
  if (exitStatus !== 0 && failed === 0) {
    failed = 1;
    notes.push(`npm test exited with ${exitStatus} although jest reported no failing test`);
  }
  return { passed: results.numPassedTests, failed, note: notes.join('\n') };
}

if (require.main === module) {
  const [jsonFile, status = '0'] = process.argv.slice(2);
  if (!jsonFile) {
    console.error('usage: node scripts/ci-summary.js JEST_JSON_FILE NPM_TEST_EXIT_STATUS');
    process.exit(2);
  }
  const { passed, failed, note } = summarise(jsonFile, Number(status));
  if (note) console.log(note);
  console.log(`${passed} passed, ${failed} failed`);
}

module.exports = { summarise };
