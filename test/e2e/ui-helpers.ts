/**
 * Shared steps of the UI browser tests: wait for the analysis, read the test hook, and what the
 * demo workbook should give, computed in Node with the same engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { analyse } from '../../src/core/analysis/analyse';
import { readWerkboek } from '../../src/core/werkboek/read';
import { readXlsx } from '../../src/file/read-xlsx';
import type { Meekoppelkans, Werkboek } from '../../src/core/types';
import { startHarness, type Harness } from './harness';

export const DEMO = join(__dirname, '..', '..', 'assets', 'koppelkaart-demo-utrecht.xlsx');

/** The demo workbook read and analysed in Node: the numbers the page must show. */
export async function demoVerwachting(): Promise<{ werkboek: Werkboek; paren: Meekoppelkansen }> {
  const raw = await readXlsx(readFileSync(DEMO));
  const werkboek = readWerkboek(raw);
  return { werkboek, paren: analyse(werkboek.werken, werkboek.buurten, werkboek.regels) };
}
type Meekoppelkansen = Meekoppelkans[];

/**
 * The standalone page opened on the demo workbook at 1280×800, analysed, with what Node expects of it.
 * `query` is appended to index.html (e.g. `?achtergrond=uit`).
 */
export async function openDemoPage(query = ''): Promise<{ harness: Harness; page: Page; werkboek: Werkboek; paren: Meekoppelkansen }> {
  const { werkboek, paren } = await demoVerwachting();
  const harness = await startHarness({ viewport: { width: 1280, height: 800 } });
  const page = await harness.open(`index.html${query}`);
  await waitForAnalysis(page);
  return { harness, page, werkboek, paren };
}

/** Waits until the page's analysis has finished (state `klaar`), failing on `fout`. */
export async function waitForAnalysis(page: Page, timeout = 60_000): Promise<void> {
  const handle = await page.waitForFunction(
    () => {
      const s = window.__koppelkaart?.state();
      return s === 'klaar' || s === 'fout' ? s : null;
    },
    null,
    { timeout },
  );
  const state = await handle.jsonValue();
  if (state !== 'klaar') throw new Error(`analysis ended in state ${state}: ${await page.locator('#app-status').textContent()}`);
}

export const counts = (page: Page) => page.evaluate(() => window.__koppelkaart!.counts());
export const view = (page: Page) => page.evaluate(() => window.__koppelkaart!.view());

/** The browser's own line for a request the harness blocked (the base map tiles). */
export const BLOCKED_LINE = /Failed to load resource: net::ERR_BLOCKED_BY_CLIENT/;
