#!/usr/bin/env node
// Entry of the `koppelkaart` command: runs the CLI compiled by `npm run build:cli` (npm's `prepare`, so `npm ci` builds it).
require('../dist/cli/cli/main.js').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err && err.stack ? err.stack : String(err)); process.exitCode = 2; },
);
