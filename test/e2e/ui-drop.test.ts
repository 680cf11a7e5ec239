/**
 * Drag and drop of an .xlsx onto the standalone page, in real headless Chromium: a DataTransfer
 * holding the demo workbook's bytes as a File is dragged over and dropped on the map, as a browser
 * does when a planner drops a file from the desktop.
 */
import { readFileSync } from 'node:fs';
import type { JSHandle, Page } from 'playwright-core';
import type { Meekoppelkans, Werkboek } from '../../src/core/types';
import type { Harness } from './harness';
import { startHarness } from './harness';
import { DEMO, counts, demoVerwachting, waitForAnalysis } from './ui-helpers';

const NAAM = 'koppelkaart-demo-utrecht.xlsx';

/** a DataTransfer in the page with one file: the bytes given, under `naam` */
function dataTransfer(page: Page, bytes: Buffer, naam: string): Promise<JSHandle<DataTransfer>> {
  return page.evaluateHandle(({ b64, naam }) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([data], naam, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    return dt;
  }, { b64: bytes.toString('base64'), naam });
}

describe('dropping an .xlsx on the standalone page', () => {
  let harness: Harness;
  let page: Page;
  let werkboek: Werkboek;
  let paren: Meekoppelkans[];

  beforeAll(async () => {
    ({ werkboek, paren } = await demoVerwachting());
    harness = await startHarness({ viewport: { width: 1280, height: 800 } });
    page = await harness.open('index.html?achtergrond=uit&leeg');
  });
  afterAll(() => harness?.close());

  it('marks the page as a drop target while a file is dragged over the map', async () => {
    await expect(page.locator('#analyseer').isDisabled()).resolves.toBe(true);
    const dt = await dataTransfer(page, readFileSync(DEMO), NAAM);
    await page.locator('#map').dispatchEvent('dragover', { dataTransfer: dt });
    await expect(page.locator('#app').evaluate((el) => el.classList.contains('kk-sleep'))).resolves.toBe(true);
    await page.locator('#map').dispatchEvent('dragleave', { dataTransfer: dt });
    await expect(page.locator('#app').evaluate((el) => el.classList.contains('kk-sleep'))).resolves.toBe(false);
  });

  it('opens the dropped workbook, analyses it and draws every layer', async () => {
    const dt = await dataTransfer(page, readFileSync(DEMO), NAAM);
    await page.locator('#map').dispatchEvent('dragover', { dataTransfer: dt });
    await page.locator('#map').dispatchEvent('drop', { dataTransfer: dt });
    await waitForAnalysis(page);
    await harness.screenshot(page, 'ui-drop-geopend');

    const placed = werkboek.koppelkansen.filter((k) => k.geometry || werkboek.buurten.some((b) => b.code === k.buurtcode));
    await expect(counts(page)).resolves.toEqual({
      buurten: werkboek.buurten.length,
      werken: werkboek.werken.length,
      koppelkansen: placed.length,
      meekoppelkansen: paren.length,
    });
    await expect(page.locator('#app-status').textContent()).resolves.toMatch(
      new RegExp(`^${paren.length} meekoppelkansen gevonden in ${werkboek.werken.length} werken[.;]`),
    );
    await expect(page.locator('#app').evaluate((el) => el.classList.contains('kk-sleep'))).resolves.toBe(false);
  });

  it('saves the dropped workbook under its own name', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#opslaan').click()]);
    expect(download.suggestedFilename()).toBe('koppelkaart-demo-utrecht-koppelkaart.xlsx');
    expect(harness.consoleErrors).toEqual([]);
    expect(harness.blockedRequests).toEqual([]);
  });
});
