/**
 * Issue 8, "Nothing leaks": cell text with HTML and script is shown as text everywhere, in the
 * standalone page and in the task pane, and nothing of it ever runs or becomes an element.
 * The hostile workbook and the probe live in test/fixtures/leaks/.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { readXlsx } from '../../src/file/read-xlsx';
import { buildFakeOffice } from '../fake-office/build';
import { seedFromRawWerkboek } from '../fake-office/seed';
import {
  ALL_PAYLOADS, BUURT1, BUURT2, H, KOPPELKANSEN, PAAR_W1_W2, PAAR_W3_W1, PAAR_W3_W2, PLAATS, W3, WERKEN, hostileWorkbook,
} from '../fixtures/leaks/make';
import { CLEAN, PROBE_SCRIPT, probe } from '../fixtures/leaks/probe';
import { startHarness, type Harness } from './harness';
import { counts, waitForAnalysis } from './ui-helpers';

type LonLat = readonly [number, number];

/** the hostile workbook on disk under a file name that is itself a payload */
function hostileFile(dir: string, bytes: Buffer): string {
  const file = join(dir, '<img src=x onerror="window.__xss=1">.xlsx');
  writeFileSync(file, bytes);
  return file;
}

/** Records dialogs, page errors and same-origin requests for `/x` (what `<img src=x>` would ask for). */
function watch(context: BrowserContext): { dialogs: string[]; strays: string[]; errors: string[] } {
  const seen = { dialogs: [] as string[], strays: [] as string[], errors: [] as string[] };
  context.on('page', (page) => {
    page.on('dialog', (d) => {
      seen.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => seen.errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && seen.errors.push(m.text()));
  });
  context.on('request', (r) => {
    if (/^javascript:/i.test(r.url()) || new URL(r.url()).pathname === '/x') seen.strays.push(r.url());
  });
  return seen;
}

/** Clicks the map at a WGS84 point (Web Mercator: x linear in lon, y in the Mercator ordinate). */
async function clickAt(page: Page, [lon, lat]: LonLat): Promise<void> {
  const { bounds } = await page.evaluate(() => window.__koppelkaart!.view());
  const [w, s, e, n] = bounds;
  const merc = (phi: number) => Math.log(Math.tan(Math.PI / 4 + (phi * Math.PI) / 360));
  const box = (await page.locator('#map').boundingBox())!;
  const x = ((lon - w) / (e - w)) * box.width;
  const y = ((merc(n) - merc(lat)) / (merc(n) - merc(s))) * box.height;
  await page.mouse.click(box.x + x, box.y + y);
}

/** Clicks a work or pair where the test hook says it is drawn. */
async function clickFeature(page: Page, soort: 'werk' | 'paar', id: string): Promise<void> {
  const at = await page.evaluate(([s, i]) => window.__koppelkaart!.punt(s as 'werk' | 'paar', i), [soort, id]);
  const box = (await page.locator('#map').boundingBox())!;
  await page.mouse.click(box.x + at![0], box.y + at![1]);
}

/** The open popup: its title and its field table as [th, td] text. */
async function popup(page: Page): Promise<{ titel: string; velden: [string, string][] }> {
  // the popup before fades out for a moment
  await page.waitForFunction(() => document.querySelectorAll('.leaflet-popup-content .kk-popup').length === 1);
  return page.locator('.leaflet-popup-content .kk-popup').evaluate((p) => ({
    titel: p.querySelector('.kk-popup-titel')!.textContent ?? '',
    velden: [...p.querySelectorAll('tr')].map((tr): [string, string] => [tr.querySelector('th')!.textContent ?? '', tr.querySelector('td')!.textContent ?? '']),
  }));
}

/** The list row of a pair, found by its data-paar attribute read as a value (never as a selector). */
async function row(page: Page, id: string) {
  const i = await page.locator('#paren > li').evaluateAll((lis, want) => lis.findIndex((li) => (li as HTMLElement).dataset.paar === want), id);
  expect(i).toBeGreaterThanOrEqual(0);
  return page.locator('#paren > li').nth(i);
}

const optionLabels = (page: Page, select: string) =>
  page.locator(`${select} option`).evaluateAll((os) => os.map((o) => o.textContent ?? ''));
const text = (page: Page, selector: string) => page.locator(selector).evaluateAll((es) => es.map((e) => e.textContent ?? '').join('\n'));

/** Each W-row's field by header, as the planner typed it. */
const werk = (id: string) => Object.fromEntries(WERKEN.headers.map((h, i) => [h, WERKEN.rows.find((r) => r[0] === id)![i]]));

/** Every place the UI shows cell text, opened one by one; after each, the probe must be clean. */
async function tour(page: Page, shot: string, harness: Harness, clean: () => Promise<void>): Promise<void> {
  await expect(counts(page)).resolves.toEqual({ buurten: 2, werken: 4, koppelkansen: 2, meekoppelkansen: 3 });
  await clean();
  await lijstEnDetail(page, shot, harness, clean);
  await popups(page, shot, harness, clean);
  await legendaEnFilters(page, shot, harness, clean);
  // the hostile text is there as text, and not only once
  const zichtbaar = await page.evaluate(() => document.body.innerText);
  for (const s of ALL_PAYLOADS) expect(zichtbaar).toContain(s);
}

/** The list of pairs and a pair's detail with its timeline. */
async function lijstEnDetail(page: Page, shot: string, harness: Harness, clean: () => Promise<void>): Promise<void> {
  // the list: categories, ids and buurten as text, the planner's status and note in their fields
  const lijst = await text(page, '#paren');
  for (const s of [`${H.img} + ${H.breakout}`, `riolering + ${H.img}`, `${W3} · W1 · ${BUURT1}`]) expect(lijst).toContain(s);
  const w1w2 = await row(page, PAAR_W1_W2);
  await expect(w1w2.locator('input.kk-notitie').inputValue()).resolves.toBe(H.img);
  await expect(w1w2.locator('select').inputValue()).resolves.toBe(H.js);
  await expect((await row(page, PAAR_W3_W1)).locator('input.kk-notitie').inputValue()).resolves.toBe(H.breakout);

  // a pair's detail with the timeline
  await w1w2.locator('.kk-lijst-kop').click();
  const detail = page.locator('#paar-detail');
  await expect(detail.locator('h3').textContent()).resolves.toBe(PAAR_W1_W2);
  await expect(detail.locator('strong').allTextContents()).resolves.toEqual([H.breakout, H.img]);
  await expect(detail.locator('.kk-detail-werk .kk-zacht').first().textContent()).resolves.toBe(`W1 · ${H.img} · ${H.script}`);
  await expect(detail.locator('svg > rect > title').allTextContents()).resolves.toEqual(
    expect.arrayContaining([`W1 (${H.img})`, `W2 (${H.breakout})`]));
  await (await row(page, PAAR_W3_W1)).locator('.kk-lijst-kop').click();
  await expect(detail.locator('h3').textContent()).resolves.toBe(PAAR_W3_W1);
  await expect(detail.locator('svg title').first().textContent()).resolves.toBe(`Tijdlijn: ${W3} (riolering) en W1 (${H.img})`);
  await expect(detail.locator('svg').getAttribute('data-marker')).resolves.toBe('tussen');
  await harness.screenshot(page, `${shot}-detail`);
  await clean();

}

/** The popups of a pair, a work, a buurt and a koppelkans, and the buurt labels. */
async function popups(page: Page, shot: string, harness: Harness, clean: () => Promise<void>): Promise<void> {
  // a pair's popup: whichever of the overlapping pairs is on top, its fields as text
  await clickFeature(page, 'paar', PAAR_W3_W1);
  const paar = await popup(page);
  const planner: Record<string, [string, string]> = { [PAAR_W1_W2]: [H.js, H.img], [PAAR_W3_W1]: [H.svg, H.breakout], [PAAR_W3_W2]: ['nieuw', ''] };
  expect(Object.keys(planner)).toContain(paar.titel);
  const [a, b] = paar.titel === PAAR_W1_W2 ? ['W1', 'W2'] : [W3, paar.titel.endsWith('W1') ? 'W1' : 'W2'];
  expect(paar.velden[0]).toEqual(['werken', `${a} (${werk(a).categorie}) + ${b} (${werk(b).categorie})`]);
  expect(paar.velden).toEqual(expect.arrayContaining([['status', planner[paar.titel][0]], ['buurten', BUURT1]]));
  await clean();

  // a work's popup, with the planner's own column
  await page.evaluate(() => window.__koppelkaart!.toonWerk('W4'));
  await clickFeature(page, 'werk', 'W4');
  const w4 = werk('W4');
  await expect(popup(page)).resolves.toEqual({
    titel: w4.titel,
    velden: [
      ['id', 'W4'], ['categorie', w4.categorie], ['eigenaar', w4.eigenaar], ['periode', '1-1-2027 – 31-12-2027'],
      ['buurten', BUURT2], ['status', w4.status], [H.svg, w4[H.svg]],
    ],
  });
  // zoomed in, the buurt names show as labels
  await expect(text(page, '.kk-buurtlabel')).resolves.toEqual(`${H.svg}\n${H.img}`);
  await harness.screenshot(page, `${shot}-werk-popup`);
  await clean();

  // a buurt's and a koppelkans's popup, clicked where they are
  await page.evaluate(() => window.__koppelkaart!.toonAlles());
  await clickAt(page, PLAATS.buurt1);
  await expect(popup(page)).resolves.toEqual({
    titel: H.svg,
    velden: [['buurtcode', BUURT1], ['wijk', H.js], [H.img, '1.200'], [H.breakout, H.iframe]],
  });
  await clickAt(page, PLAATS.koppelkans1);
  const k1 = KOPPELKANSEN.rows[0];
  await expect(popup(page)).resolves.toEqual({
    titel: k1[2],
    velden: [['id', 'K1'], ['soort', k1[3]], ['omschrijving', k1[4]], ['eigenaar', k1[5]], ['status', k1[6]], ['buurt', BUURT1]],
  });
  await harness.screenshot(page, `${shot}-koppelkans-popup`);
  await clean();

}

/** The legend with the choropleth, and the filters. */
async function legendaEnFilters(page: Page, shot: string, harness: Harness, clean: () => Promise<void>): Promise<void> {
  // the legend, with the buurten coloured by the column whose header is a payload
  await page.locator('#sectie-lagen > summary').click();
  await expect(optionLabels(page, '#choropleth')).resolves.toEqual(['alleen grenzen', H.img]);
  await page.locator('#choropleth').selectOption(H.img);
  await expect(page.locator('.kk-laag').first().locator('.kk-swatch-vlak').count()).resolves.toBe(2);
  const legenda = await text(page, '.kk-legenda');
  for (const s of [H.img, H.breakout, H.js, 'riolering', H.iframe]) expect(legenda).toContain(s);
  await harness.screenshot(page, `${shot}-legenda`);
  await clean();

  // the filters: payloads as choices, and choosing one filters
  await page.locator('#sectie-filters > summary').click();
  const dutch = (xs: string[]) => [...xs].sort((x, y) => x.localeCompare(y, 'nl'));
  await expect(page.locator('#filter-categorieen label').allTextContents()).resolves.toEqual(dutch([H.breakout, H.img, H.js, 'riolering']));
  await expect(optionLabels(page, '#filter-eigenaar')).resolves.toEqual(['Alle eigenaren', ...dutch([H.iframe, H.img, H.js, H.script])]);
  await expect(optionLabels(page, '#filter-wijk')).resolves.toEqual(expect.arrayContaining([H.js, H.iframe]));
  await expect(optionLabels(page, '#filter-buurt')).resolves.toEqual(expect.arrayContaining([H.svg, H.img]));
  await page.locator('#filter-eigenaar').selectOption({ label: H.script });
  await expect(counts(page).then((c) => c.werken)).resolves.toBe(1);
  await page.locator('#filter-reset').click();
  await page.locator('#filter-categorieen label', { hasText: H.img }).locator('input').uncheck();
  await expect(counts(page)).resolves.toMatchObject({ werken: 3, meekoppelkansen: 1 });
  await harness.screenshot(page, `${shot}-filters`);
  await page.locator('#filter-reset').click();
  await clean();

}

describe('hostile cell text in the standalone page', () => {
  let harness: Harness;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    harness = await startHarness({ viewport: { width: 1280, height: 900 } });
    dir = mkdtempSync(join(tmpdir(), 'koppelkaart-leaks-'));
    file = hostileFile(dir, await hostileWorkbook());
  }, 300_000);
  afterAll(async () => {
    await harness?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('catches markup that does get in: the probe is not blind', async () => {
    const context = await harness.context.browser()!.newContext({ bypassCSP: true });
    try {
      await context.addInitScript(PROBE_SCRIPT);
      const page = await context.newPage();
      await page.goto(`${harness.baseUrl}index.html?leeg&achtergrond=uit`);
      await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), `${H.img}${H.iframe}`);
      await page.waitForFunction(() => (window as { __xss?: number }).__xss === 1);
      const seen = await probe(page);
      expect(seen.xss).toBe(1);
      expect(seen.present).toEqual([expect.stringMatching(/^<img src="x"/), expect.stringMatching(/^<iframe src="javascript:/)]);
      expect(seen.added).toEqual(seen.present);
    } finally {
      await context.close();
    }
  });

  // the page's CSP would stop inline handlers on its own: with it bypassed, only the UI's text-only
  // rendering stands between the workbook and the page
  it.each([
    ['with its Content-Security-Policy', false],
    ['with the policy bypassed, so only the rendering protects it', true],
  ])('shows every payload as text and runs none, %s', async (_, bypassCSP) => {
    const context = bypassCSP
      ? await harness.context.browser()!.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })
      : harness.context;
    if (bypassCSP) await context.route('**/*', (r) => (new URL(r.request().url()).hostname === '127.0.0.1' ? r.continue() : r.abort()));
    await context.addInitScript(PROBE_SCRIPT);
    const seen = watch(context);
    try {
      const page = await context.newPage();
      await page.goto(`${harness.baseUrl}index.html?leeg&achtergrond=uit`);
      await page.locator('#bestand').setInputFiles(file);
      await waitForAnalysis(page);
      const clean = async () => {
        await expect(probe(page)).resolves.toEqual(CLEAN);
        expect(seen).toEqual({ dialogs: [], strays: [], errors: [] });
      };
      await tour(page, bypassCSP ? 'leaks-standalone-zonder-csp' : 'leaks-standalone', harness, clean);
      await harness.screenshot(page, bypassCSP ? 'leaks-standalone-zonder-csp' : 'leaks-standalone');
      await clean();
    } finally {
      if (bypassCSP) await context.close();
    }
    expect(harness.consoleErrors).toEqual([]);
    expect(harness.blockedRequests).toEqual([]);
  });
});

type FakeTable = { headers: string[]; rows: unknown[][] };
const table = (page: Page, name: string) =>
  page.evaluate((n) => (window as unknown as { Excel: { fakeWorkbook: { readTable(n: string): FakeTable } } }).Excel.fakeWorkbook.readTable(n), name);
/** a table's rows as objects by header */
const records = (t: FakeTable) => t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));

describe('hostile cell text in the task pane (fake office.js)', () => {
  let harness: Harness;
  let page: Page;
  let dir: string;
  let seen: ReturnType<typeof watch>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'koppelkaart-leaks-office-'));
    const officeJs = await buildFakeOffice(join(dir, 'office.js'));
    harness = await startHarness({ officeJs, viewport: { width: 1280, height: 900 } });
    const seed = seedFromRawWerkboek(await readXlsx(await hostileWorkbook()));
    await harness.context.addInitScript((s) => Object.assign(window, { __FAKE_OFFICE_SEED__: s }), seed);
    await harness.context.addInitScript(PROBE_SCRIPT);
    seen = watch(harness.context);
    page = await harness.open('taskpane.html?achtergrond=uit');
    await waitForAnalysis(page);
    await page.locator('#app-status', { hasText: 'Geschreven naar blad' }).waitFor({ timeout: 60_000 });
    // two webpack builds (the pages, the fake) on a shared machine
  }, 300_000);
  afterAll(async () => {
    await harness?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const clean = async () => {
    await expect(probe(page)).resolves.toEqual(CLEAN);
    expect(seen).toEqual({ dialogs: [], strays: [], errors: [] });
  };

  it('shows every payload as text and runs none', async () => {
    await clean();
    await tour(page, 'leaks-excel', harness, clean);
    await harness.screenshot(page, 'leaks-excel');
  });

  it('writes the payloads into Meekoppelkansen and Werken exactly as typed, planner columns kept', async () => {
    const mk = records(await table(page, 'Meekoppelkansen'));
    expect(mk.map((r) => r.id).sort()).toEqual([PAAR_W1_W2, PAAR_W3_W1, PAAR_W3_W2].sort());
    const w1w2 = mk.find((r) => r.id === PAAR_W1_W2)!;
    expect(w1w2).toMatchObject({
      werk_a: 'W1', werk_b: 'W2', categorie_a: H.img, categorie_b: H.breakout, eigenaar_a: H.script, eigenaar_b: H.iframe,
      titel_a: H.breakout, titel_b: H.img, status: H.js, notitie: H.img, [H.iframe]: H.script,
    });
    expect(mk.find((r) => r.id === PAAR_W3_W1)).toMatchObject({ werk_a: W3, status: H.svg, notitie: H.breakout, [H.iframe]: H.img });
    const werken = records(await table(page, 'Werken'));
    expect(werken.find((r) => r.id === 'W1')!.meekoppelkansen).toBe([PAAR_W1_W2, PAAR_W3_W1].sort().join(', '));
    // the planner's own column and the status column untouched
    expect(werken.map((r) => [r.id, r.status, r[H.svg]])).toEqual(WERKEN.rows.map((r) => [r[0], r[7], r[8]]));
  });

  it('logs no errors and contacts nothing', () => {
    expect(harness.consoleErrors).toEqual([]);
    expect(harness.blockedRequests).toEqual([]);
  });
});
