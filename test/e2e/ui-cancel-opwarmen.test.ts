/**
 * The analysis worker's life in the standalone page: made and warmed while the page is idle, taken
 * over by the first analysis (also one that comes while it still warms), ended by Annuleer, after
 * which the next analysis gets a fresh one. After each analysis the page warms another worker for
 * the next one (the shown result's worker keeps its data for saving).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { counts, DEMO, demoVerwachting, waitForAnalysis } from './ui-helpers';
import { generatedWorkbook } from './ui-perf';

const warmups = (page: Page) => page.evaluate(() => performance.getEntriesByName('kk-worker-warm').length);
const isWarm = async (page: Page) => (await warmups(page)) > 0;

async function until(check: () => Promise<boolean> | boolean, wat: string, ms = 30_000): Promise<void> {
  for (let waited = 0; !(await check()); waited += 50) {
    if (waited > ms) throw new Error(`waited ${ms} ms for ${wat}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

describe('the analysis worker of the standalone page', () => {
  let harness: Harness;
  let werkenInDemo: number;

  beforeAll(async () => {
    harness = await startHarness({ viewport: { width: 1280, height: 800 } });
    werkenInDemo = (await demoVerwachting()).werkboek.werken.length;
  });
  afterAll(() => harness?.close());

  it('is made and warmed while the page is idle, and the first workbook is analysed in it', async () => {
    const page = await harness.open('index.html?achtergrond=uit&leeg');
    await until(() => isWarm(page), 'the warm-up');
    expect(page.workers()).toHaveLength(1);
    const warm = page.workers()[0];
    await page.locator('#bestand').setInputFiles(DEMO);
    await waitForAnalysis(page);
    expect((await counts(page)).werken).toBe(werkenInDemo);
    // the warmed one did the work and now holds the result for saving (beside it, at most the
    // next analysis's worker, which the page starts warming once idle)
    expect(page.workers()[0]).toBe(warm);
    expect(page.workers().length).toBeLessThanOrEqual(2);
    await page.close();
  });

  it('takes a workbook opened while it still warms at once, ending the warm-up', async () => {
    const page = await harness.open('index.html?achtergrond=uit&leeg');
    await until(() => page.workers().length === 1, 'the worker');
    const worker = page.workers()[0];
    await page.locator('#bestand').setInputFiles(DEMO);
    // the warm-up runs for a second or more on a fresh worker: the file came well before its end
    expect(await isWarm(page)).toBe(false);
    await waitForAnalysis(page);
    expect((await counts(page)).werken).toBe(werkenInDemo);
    expect(page.workers()[0]).toBe(worker);
    // the warm-up stopped at its next step and never finished: the only warm-up that reports is the
    // one of the next worker, which the page makes after the analysis
    await until(() => page.workers().length === 2 && isWarm(page), 'the next worker\'s warm-up');
    await page.waitForTimeout(3000);
    expect(await warmups(page)).toBe(1);
    expect(page.workers()).toContain(worker);
    await page.close();
  });

  it('ends on Annuleer during the first analysis; the next analysis gets a fresh worker', async () => {
    const page = await harness.open('index.html?achtergrond=uit&leeg');
    await until(() => isWarm(page), 'the warm-up');
    const warm = page.workers()[0];
    const ended = new Promise<void>((ok) => warm.on('close', () => ok()));
    const file = join(mkdtempSync(join(tmpdir(), 'koppelkaart-opwarmen-')), 'groot.xlsx');
    // big enough that the analysis runs a few seconds
    writeFileSync(file, await generatedWorkbook(10_000));
    await page.locator('#bestand').setInputFiles(file);
    await page.locator('#voortgang').waitFor({ state: 'visible' });
    await page.locator('#annuleer').dispatchEvent('click');
    await page.locator('#app-status', { hasText: 'Analyse geannuleerd.' }).waitFor();
    await ended;
    expect(page.workers()).not.toContain(warm);
    await expect(page.evaluate(() => window.__koppelkaart!.state())).resolves.toBe('leeg');

    await page.locator('#bestand').setInputFiles(DEMO);
    await waitForAnalysis(page);
    expect((await counts(page)).werken).toBe(werkenInDemo);
    // a fresh worker did it (and the page may be warming the next one)
    expect(page.workers().length).toBeGreaterThanOrEqual(1);
    expect(page.workers()).not.toContain(warm);
    await page.close();
  });
});
