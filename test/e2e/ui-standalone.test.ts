import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Meekoppelkans, Werkboek } from '../../src/core/types';
import { ARTIFACTS, startHarness, type Harness } from './harness';
import { BLOCKED_LINE, counts, openDemoPage, view, waitForAnalysis } from './ui-helpers';
import { generatedWorkbook } from './ui-perf';

const DOCS = join(__dirname, '..', '..', 'docs');

describe('the standalone page on the demo workbook', () => {
  let harness: Harness;
  let page: Page;
  let werkboek: Werkboek;
  let paren: Meekoppelkans[];

  beforeAll(async () => {
    ({ harness, page, werkboek, paren } = await openDemoPage());
  });
  afterAll(() => harness?.close());

  it('draws every buurt, work, koppelkans and meekoppelkans of the workbook', async () => {
    await harness.screenshot(page, 'ui-standalone-overzicht');
    const placed = werkboek.koppelkansen.filter((k) => k.geometry || werkboek.buurten.some((b) => b.code === k.buurtcode));
    expect(paren.length).toBeGreaterThan(0);
    await expect(counts(page)).resolves.toEqual({
      buurten: werkboek.buurten.length,
      werken: werkboek.werken.length,
      koppelkansen: placed.length,
      meekoppelkansen: paren.length,
    });
    // the list's first page (src/ui/pair-list.ts PAGINA) holds all of the demo's pairs
    await expect(page.locator('#paren > li').count()).resolves.toBe(Math.min(150, paren.length));
  });

  it('follows the filters: leaving out a categorie drops its works and every pair that has one', async () => {
    const categorie = werkboek.werken[0].categorie;
    await page.locator('#sectie-filters > summary').click();
    await page.locator(`#filter-categorieen input[value="${categorie}"]`).uncheck();
    const c = await counts(page);
    expect(c.werken).toBe(werkboek.werken.filter((w) => w.categorie !== categorie).length);
    expect(c.meekoppelkansen).toBe(paren.filter((p) => p.categorieA !== categorie && p.categorieB !== categorie).length);
    await expect(page.locator('#tellingen').getAttribute('data-paren')).resolves.toBe(String(c.meekoppelkansen));
    await page.locator('#filter-reset').click();
    await expect(counts(page)).resolves.toMatchObject({ werken: werkboek.werken.length, meekoppelkansen: paren.length });
  });

  it('narrows to one wijk (Overvecht): its buurten, and only pairs whose shared part lies there', async () => {
    const overvecht = werkboek.buurten.filter((b) => b.wijknaam === 'Overvecht').map((b) => b.code);
    expect(overvecht.length).toBeGreaterThan(0);
    await page.locator('#filter-wijk').selectOption({ label: 'Overvecht' });
    const c = await counts(page);
    expect(c.buurten).toBe(overvecht.length);
    expect(c.meekoppelkansen).toBe(paren.filter((p) => p.buurten.some((b) => overvecht.includes(b))).length);
    expect(c.meekoppelkansen).toBeLessThan(paren.length);
    // the map moves to the wijk: the pairs there are in view (a shared part may stick out a little)
    const size = (await page.locator('#map').boundingBox())!;
    const m = 40;
    for (const p of paren.filter((x) => x.buurten.some((b) => overvecht.includes(b))).slice(0, 20)) {
      const [x, y] = (await page.evaluate((pid) => window.__koppelkaart!.punt('paar', pid), p.id))!;
      expect(x >= -m && x <= size.width + m && y >= -m && y <= size.height + m).toBe(true);
    }
    const heel = await view(page);
    await page.locator('#filter-wijk').selectOption('');
    await expect(view(page).then((v) => v.zoom)).resolves.toBeLessThan(heel.zoom);
    await page.locator('#filter-wijk').selectOption({ label: 'Overvecht' });
    // the planner's view of Overvecht: the README's picture
    await page.locator('#sectie-filters > summary').click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    const shot = await harness.screenshot(page, 'ui-standalone-overvecht');
    // the README's picture is refreshed on request only, so a test run leaves the tree clean
    if (process.env.REGEN === '1') {
      mkdirSync(DOCS, { recursive: true });
      copyFileSync(shot, join(DOCS, 'screenshot.png'));
    }
    await page.locator('#sectie-filters > summary').click();
    await page.locator('#filter-wijk').selectOption('');
  });

  it('zooms to a pair when its list item is clicked, and shows both works on a timeline', async () => {
    await page.evaluate(() => window.__koppelkaart!.toonAlles());
    const before = await view(page);
    const item = page.locator('#paren > li').nth(1);
    const id = await item.getAttribute('data-paar');
    await item.locator('.kk-lijst-kop').click();
    const after = await view(page);
    const paar = paren.find((p) => p.id === id)!;
    expect(after.zoom).toBeGreaterThan(before.zoom);
    await expect(page.locator('#paar-detail').getAttribute('data-paar')).resolves.toBe(id);
    await expect(page.locator('#paar-detail .kk-detail-werk').count()).resolves.toBe(2);
    await expect(page.locator('#paar-detail svg rect').count()).resolves.toBe(3);
    await expect(item.getAttribute('class')).resolves.toContain('kk-geselecteerd');
    // the shared part now lies inside the map's view
    expect(paar.werkA < paar.werkB).toBe(true);
    const at = await page.evaluate((pid) => window.__koppelkaart!.punt('paar', pid), id!);
    const size = await page.locator('#map').boundingBox();
    expect(at![0]).toBeGreaterThan(0);
    expect(at![0]).toBeLessThan(size!.width);
    expect(at![1]).toBeGreaterThan(0);
    expect(at![1]).toBeLessThan(size!.height);
    await harness.screenshot(page, 'ui-standalone-paar');
  });

  it('shows a work\'s fields as text and selects it when the work is clicked on the map', async () => {
    const alleen = werkboek.werken.find((w) => w.geometry.kind === 'line' && !paren.some((p) => p.werkA === w.id || p.werkB === w.id))!;
    await page.evaluate((id) => window.__koppelkaart!.toonWerk(id), alleen.id);
    await expect(page.evaluate(() => window.__koppelkaart!.selectie())).resolves.toBeNull();
    const [x, y] = (await page.evaluate((id) => window.__koppelkaart!.punt('werk', id), alleen.id))!;
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.click(box.x + x, box.y + y);
    await expect(page.evaluate(() => window.__koppelkaart!.selectie())).resolves.toEqual({ soort: 'werk', id: alleen.id });
    const popup = page.locator('.leaflet-popup-content .kk-popup');
    await expect(popup.locator('.kk-popup-titel').textContent()).resolves.toBe(alleen.titel || alleen.id);
    await expect(popup.locator('tr', { hasText: 'eigenaar' }).locator('td').textContent()).resolves.toBe(alleen.eigenaar);
    await harness.screenshot(page, 'ui-standalone-werk-popup');
  });

  it('keeps a status and a note through save and reopen', async () => {
    const item = page.locator('#paren > li').first();
    const id = (await item.getAttribute('data-paar'))!;
    await item.locator('select').selectOption('afgesproken');
    await item.locator('input.kk-notitie').fill('Samen open in 2027 <script>x</script>');
    await item.locator('input.kk-notitie').press('Enter');
    await item.locator('input.kk-notitie').blur();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#opslaan').click()]);
    expect(download.suggestedFilename()).toBe('koppelkaart-demo-utrecht-koppelkaart.xlsx');
    mkdirSync(ARTIFACTS, { recursive: true });
    const saved = join(ARTIFACTS, 'ui-opgeslagen.xlsx');
    await download.saveAs(saved);

    const fresh = await harness.open('index.html?leeg');
    await fresh.locator('#bestand').setInputFiles(saved);
    await waitForAnalysis(fresh);
    const reopened = await fresh.evaluate(() => window.__koppelkaart!.paren());
    expect(reopened.find((p) => p.id === id)).toEqual({ id, status: 'afgesproken', notitie: 'Samen open in 2027 <script>x</script>' });
    // the note is shown as text, not run as markup
    const row = fresh.locator(`#paren > li[data-paar="${id}"]`);
    await expect(row.locator('input.kk-notitie').inputValue()).resolves.toBe('Samen open in 2027 <script>x</script>');
    await expect(fresh.locator('script:not([src])').count()).resolves.toBe(0);
  });

  it('colours the buurten by a numeric column, with a legend of its classes', async () => {
    await page.locator('#sectie-lagen > summary').click();
    const kolommen = await page.locator('#choropleth option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(kolommen.length).toBeGreaterThan(0);
    await page.locator('#choropleth').selectOption(kolommen[0]);
    const klassen = page.locator('.kk-laag').first().locator('.kk-swatch-vlak');
    await expect(klassen.count()).resolves.toBeGreaterThanOrEqual(2);
    await harness.screenshot(page, 'ui-standalone-choropleet');
    await page.locator('#choropleth').selectOption('');
    await expect(klassen.count()).resolves.toBe(0);
  });

  it('stops a running analysis on Annuleer (its worker ends) and keeps showing, and saving, the last result', async () => {
    const before = await counts(page);
    // once the page is idle it has two workers: the shown result's (it holds the tables that saving
    // writes) and a warm one for the next analysis
    await aantalWorkers(page, 2);
    const closed = new Set<unknown>();
    for (const w of page.workers()) w.on('close', () => closed.add(w));
    const dir = mkdtempSync(join(tmpdir(), 'koppelkaart-annuleer-'));
    const file = join(dir, 'groot.xlsx');
    // big enough that the analysis runs a few seconds
    writeFileSync(file, await generatedWorkbook(10_000));
    await page.locator('#bestand').setInputFiles(file);
    await page.locator('#voortgang').waitFor({ state: 'visible' });
    // the warm one runs it: no third worker
    expect(page.workers()).toHaveLength(2);
    // a click event straight on the button: the bar moves while the analysis runs
    await page.locator('#annuleer').dispatchEvent('click');
    await page.locator('#app-status', { hasText: 'Analyse geannuleerd.' }).waitFor();
    await expect(page.locator('#voortgang').isHidden()).resolves.toBe(true);
    await expect(page.evaluate(() => window.__koppelkaart!.state())).resolves.toBe('klaar');
    await expect(counts(page)).resolves.toEqual(before);
    // the cancelled run's worker is gone, the shown result's is not: it still saves
    for (let waited = 0; closed.size < 1; waited += 50) {
      if (waited > 10_000) throw new Error('the cancelled analysis\'s worker did not end');
      await page.waitForTimeout(50);
    }
    expect(closed.size).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#opslaan').click()]);
    expect(download.suggestedFilename()).toMatch(/-koppelkaart\.xlsx$/);
  });

  it('contacts nothing but the base map (blocked), and logs no errors of its own', () => {
    for (const url of harness.blockedRequests) expect(url).toMatch(/^https:\/\/service\.pdok\.nl\/brt\/achtergrondkaart\//);
    expect(harness.consoleErrors.filter((e) => !BLOCKED_LINE.test(e))).toEqual([]);
  });
});

/** waits until the page has exactly `n` Web Workers (Playwright sees them start and end) */
async function aantalWorkers(page: Page, n: number): Promise<void> {
  for (let waited = 0; page.workers().length !== n; waited += 50) {
    if (waited > 10_000) throw new Error(`expected ${n} workers, the page has ${page.workers().length}`);
    await page.waitForTimeout(50);
  }
}

describe('the standalone page in a 320 px task pane', () => {
  it('fits the map, the toolbar and the list in the narrow width', async () => {
    const harness = await startHarness({ viewport: { width: 320, height: 720 } });
    try {
      const page = await harness.open('index.html?achtergrond=uit');
      await waitForAnalysis(page);
      await harness.screenshot(page, 'ui-standalone-320');
      const widths = await page.evaluate(() => ({
        doc: document.documentElement.scrollWidth,
        map: document.getElementById('map')!.getBoundingClientRect().width,
      }));
      expect(widths.doc).toBeLessThanOrEqual(320);
      expect(widths.map).toBeGreaterThan(250);
      // without a base map nothing is requested from outside at all
      expect(harness.blockedRequests).toEqual([]);
      expect(harness.consoleErrors).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});
