// Builds the web pages with webpack's Node API (production mode) into the folder given as argv[2].
// Run in its own node process by test/e2e/harness.ts: webpack inside Jest's module sandbox is slow
// and trips over cross-realm checks.
const path = require('node:path');
const webpack = require('webpack');
const makeConfig = require('../../webpack.config.js');

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node test/setup/build-web.js OUT_DIR');
  process.exit(2);
}

const config = makeConfig({}, { mode: 'production' });
config.output.path = path.resolve(outDir);
// the CI and the tests never want a browser window or dev-server chatter
config.infrastructureLogging = { level: 'error' };

webpack(config, (err, stats) => {
  if (err) {
    console.error(err.stack || String(err));
    process.exit(1);
  }
  if (stats.hasErrors()) {
    console.error(stats.toString('errors-only'));
    process.exit(1);
  }
  process.exit(0);
});
