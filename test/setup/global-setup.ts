// Jest global setup: one scratch folder per test run, where test/e2e/harness.ts builds the web
// pages once (lazily, on first use) for every test file that needs them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function globalSetup(): void {
  // workers are started after this and inherit the environment
  process.env.KOPPELKAART_BUILD_ROOT = mkdtempSync(join(tmpdir(), 'koppelkaart-build-'));
}
