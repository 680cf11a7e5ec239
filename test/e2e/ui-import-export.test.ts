/**
 * The toolbar's Importeren and Exporteren menus in real headless Chromium: the GeoJSON, CSV and
 * PNG downloads read back, a Windows-1252 CSV through the mapping step, nieuw werkboek and a
 * buurten import on the standalone page, and the CSV import in Excel with the fake office.js.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Download, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { readXlsx } from '../../src/file/read-xlsx';
import type { Meekoppelkans, Werkboek } from '../../src/core/types';
import { buildFakeOffice } from '../fake-office/build';
import { seedFromRawWerkboek } from '../fake-office/seed';
import { ARTIFACTS, TILE_ORIGIN, startHarness, type Harness } from './harness';
import { DEMO, counts, openDemoPage, waitForAnalysis } from './ui-helpers';

const BUURTEN = join(__dirname, '..', '..', 'assets', 'data', 'buurten.geojson');

/** a partner's export as older Excel saves it: Windows-1252, `;`, decimal commas, headers that need mapping */
const CSV_TEKST = [
  'Projectnr;Soort werk;Beheerder;Omschrijving;Begin;Gereed;X;Y;Kosten',
  'PX-1;elektriciteit;Stedin;Kabel Poëziestraat é;1-3-2027;30-9-2027;136603,38;455665,99;€ 12.500,50',
  'PX-2;gas;Stedin;Gasleiding Brûlékade;1-4-2027;1-10-2027;136700,5;455700,25;€ 8.000',
  'PX-3;gas;Stedin;Hoofdleiding café;1-1-2028;1-6-2028;136800;455800;',
  'PX-4;gas;Stedin;Eind voor start;1-6-2028;1-1-2028;136900;455900;',
].join('\r\n') + '\r\n';
const CSV = iconv.encode(CSV_TEKST, 'windows-1252');
const KOPPELING: Record<string, string> = {
  Projectnr: 'id', 'Soort werk': 'categorie', Beheerder: 'eigenaar', Omschrijving: 'titel', Begin: 'start', Gereed: 'eind', X: 'x', Y: 'y', Kosten: 'budget',
};

async function downloadVia(page: Page, menu: string, item: string): Promise<{ download: Download; bytes: Buffer }> {
  await page.locator(`#${menu} > summary`).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`#${item}`).click()]);
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

/** picks the CSV in the file chooser of "Werken importeren (CSV)…" and waits for the mapping step */
async function kiesCsv(page: Page): Promise<void> {
  await page.locator('#menu-importeren > summary').click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#import-werken').click()]);
  await chooser.setFiles({ name: 'stedin-export.csv', mimeType: 'text/csv', buffer: CSV });
  await page.locator('#import-dialoog').waitFor();
}

async function koppelEnImporteer(page: Page): Promise<void> {
  for (const [kolom, veld] of Object.entries(KOPPELING)) await page.locator(`#import-dialoog select[name="${kolom}"]`).selectOption(veld);
  await page.locator('#import-ok').click();
}

/** share of pixels that differ from white */
function nietWit(png: PNG): number {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] < 250 || png.data[i + 1] < 250 || png.data[i + 2] < 250) n++;
  return n / (png.width * png.height);
}

describe('import and export on the standalone page', () => {
  let harness: Harness;
  let page: Page;
  let werkboek: Werkboek;
  let paren: Meekoppelkans[];

  beforeAll(async () => {
    ({ harness, page, werkboek, paren } = await openDemoPage('?achtergrond=uit'));
  }, 600_000);
  afterAll(() => harness?.close());

  it('exports the meekoppelkansen as GeoJSON in WGS84: one feature per pair with its columns', async () => {
    const { download, bytes } = await downloadVia(page, 'menu-exporteren', 'export-meekoppelkansen');
    expect(download.suggestedFilename()).toMatch(/^meekoppelkansen-\d{4}-\d{2}-\d{2}\.geojson$/);
    const fc = JSON.parse(bytes.toString('utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(paren.length);
    expect(fc.features.map((f: { id: string }) => f.id).sort()).toEqual(paren.map((p) => p.id).sort());
    expect(fc.features[0].properties).toHaveProperty('status');
    const [lon, lat] = JSON.stringify(fc.features[0].geometry.coordinates).match(/-?\d+\.\d+/g)!.map(Number);
    expect(lon).toBeGreaterThan(4.9);
    expect(lon).toBeLessThan(5.3);
    expect(lat).toBeGreaterThan(51.9);
    expect(lat).toBeLessThan(52.2);
  });

  it('exports the works as GeoJSON in RD New when the RD box is ticked', async () => {
    await page.locator('#menu-exporteren > summary').click();
    await page.locator('#export-rd').check();
    await page.locator('#menu-exporteren > summary').click();
    const { download, bytes } = await downloadVia(page, 'menu-exporteren', 'export-werken');
    expect(download.suggestedFilename()).toMatch(/^werken-.*-rd\.geojson$/);
    const fc = JSON.parse(bytes.toString('utf8'));
    expect(fc.features).toHaveLength(werkboek.werken.length);
    expect(fc.crs.properties.name).toBe('urn:ogc:def:crs:EPSG::28992');
    const [x, y] = JSON.stringify(fc.features[0].geometry.coordinates).match(/-?\d+(\.\d+)?/g)!.map(Number);
    expect(x).toBeGreaterThan(120_000);
    expect(y).toBeGreaterThan(440_000);
    await page.locator('#menu-exporteren > summary').click();
    await page.locator('#export-rd').uncheck();
    await page.locator('#menu-exporteren > summary').click();
  });

  it('exports the Meekoppelkansen table as a CSV for Dutch Excel: BOM, semicolons, a row per pair', async () => {
    const { download, bytes } = await downloadVia(page, 'menu-exporteren', 'export-csv');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const regels = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(regels[0].split(';')).toEqual(expect.arrayContaining(['id', 'status']));
    expect(regels).toHaveLength(paren.length + 1);
  });

  it('saves the map view as a PNG of the map\'s size with the map, legend and scale bar on it', async () => {
    const box = (await page.locator('#map').boundingBox())!;
    const schaal = await page.locator('.leaflet-control-scale-line').textContent();
    expect(schaal).toMatch(/\d+ (m|km)/);
    const { download, bytes } = await downloadVia(page, 'menu-exporteren', 'export-png');
    expect(download.suggestedFilename()).toMatch(/^koppelkaart-\d{4}-\d{2}-\d{2}\.png$/);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'ui-export-kaart.png'), bytes);
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([Math.round(box.width), Math.round(box.height)]);
    // buurt outlines, works and pairs over the whole view: far from blank
    expect(nietWit(png)).toBeGreaterThan(0.03);
  });

  it('imports a Windows-1252 CSV through the mapping step: the works are added and the bad row is reported', async () => {
    const voor = await counts(page);
    await kiesCsv(page);
    await expect(page.locator('#import-ok').isDisabled()).resolves.toBe(true);
    await koppelEnImporteer(page);
    await page.locator('#app-status', { hasText: 'werken toegevoegd' }).waitFor({ timeout: 60_000 });
    await waitForAnalysis(page);
    await expect(page.locator('#app-status').textContent()).resolves.toContain('4 regels gelezen (gelezen als Windows-1252): 3 werken toegevoegd');
    await expect(counts(page)).resolves.toMatchObject({ werken: voor.werken + 3 });
    await expect(page.locator('#meldingen li').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringMatching(/^CSV stedin-export\.csv, regel 5/)]));
    // the accents and the euro amount arrived intact
    const { bytes } = await downloadVia(page, 'menu-exporteren', 'export-werken');
    const px1 = JSON.parse(bytes.toString('utf8')).features.find((f: { id: string }) => f.id === 'PX-1');
    expect(px1.properties).toMatchObject({ titel: 'Kabel Poëziestraat é', eigenaar: 'Stedin', budget: 12500.5 });
  });

  it('remembers the mapping for the source: a second import of the file is prefilled', async () => {
    await kiesCsv(page);
    for (const [kolom, veld] of Object.entries(KOPPELING)) {
      await expect(page.locator(`#import-dialoog select[name="${kolom}"]`).inputValue()).resolves.toBe(veld);
    }
    await page.locator('#import-annuleer').click();
    await page.locator('#app-status', { hasText: 'Import geannuleerd' }).waitFor();
  });

  it('leaves out a column set to "(niet overnemen)" that had a field, and remembers that choice', async () => {
    await kiesCsv(page);
    await page.locator('#import-dialoog select[name="Kosten"]').selectOption('');
    // the same file again: Stedin's rows are replaced, so the ids are free
    await page.locator('#import-vervang').check();
    await page.locator('#import-eigenaar').fill('Stedin');
    await page.locator('#import-ok').click();
    await page.locator('#app-status', { hasText: 'werken toegevoegd' }).waitFor({ timeout: 60_000 });
    await waitForAnalysis(page);
    const { bytes } = await downloadVia(page, 'menu-exporteren', 'export-werken');
    const px1 = JSON.parse(bytes.toString('utf8')).features.find((f: { id: string }) => f.id === 'PX-1');
    expect(px1.properties).toMatchObject({ titel: 'Kabel Poëziestraat é', eigenaar: 'Stedin' });
    expect(px1.properties.budget ?? null).toBeNull();
    await kiesCsv(page);
    await expect(page.locator('#import-dialoog select[name="Kosten"]').inputValue()).resolves.toBe('');
    await expect(page.locator('#import-dialoog select[name="Begin"]').inputValue()).resolves.toBe('start');
    await page.locator('#import-annuleer').click();
  });
});

describe('nieuw werkboek and a buurten import on an empty standalone page', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({ viewport: { width: 1024, height: 768 } });
  }, 600_000);
  afterAll(() => harness?.close());

  it('makes a new workbook, imports the Utrecht buurten GeoJSON into it and draws them', async () => {
    const page = await harness.open('index.html?achtergrond=uit&leeg');
    await page.locator('#menu-importeren > summary').click();
    await page.locator('#nieuw-werkboek').click();
    await page.locator('#app-status', { hasText: 'staan klaar' }).waitFor({ timeout: 60_000 });
    const aantal = JSON.parse(readFileSync(BUURTEN, 'utf8')).features.length;
    await page.locator('#menu-importeren > summary').click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#import-buurten').click()]);
    await chooser.setFiles(BUURTEN);
    await page.locator('#app-status', { hasText: 'overgenomen' }).waitFor({ timeout: 60_000 });
    await expect(page.locator('#app-status').textContent()).resolves.toContain(`${aantal} buurten (WGS84): ${aantal} overgenomen`);
    await expect(counts(page)).resolves.toMatchObject({ buurten: aantal, werken: 0 });
  });

  it('puts the base map tiles into the PNG when they loaded (served with CORS headers)', async () => {
    const tegel = new PNG({ width: 256, height: 256 });
    for (let i = 0; i < tegel.data.length; i += 4) tegel.data.set([40, 160, 90, 255], i);
    const body = PNG.sync.write(tegel);
    const page = await harness.context.newPage();
    // a page route wins over the harness's context route that blocks the tile host
    await page.route(`${TILE_ORIGIN}/**`, (route) => route.fulfill({ body, contentType: 'image/png', headers: { 'access-control-allow-origin': '*' } }));
    await page.goto(new URL('index.html', harness.baseUrl).href);
    await waitForAnalysis(page);
    await page.waitForFunction(() => document.querySelectorAll('.leaflet-tile-loaded').length > 0);
    const { bytes } = await downloadVia(page, 'menu-exporteren', 'export-png');
    const png = PNG.sync.read(bytes);
    let groen = 0;
    for (let i = 0; i < png.data.length; i += 4) if (Math.abs(png.data[i] - 40) < 8 && Math.abs(png.data[i + 1] - 160) < 8 && Math.abs(png.data[i + 2] - 90) < 8) groen++;
    expect(groen / (png.width * png.height)).toBeGreaterThan(0.3);
    await expect(page.locator('#app-status').textContent()).resolves.toContain('met achtergrondkaart');
  });
});

type FakeTable = { headers: string[]; rows: unknown[][] };
const table = (page: Page, name: string) =>
  page.evaluate((n) => (window as unknown as { Excel: { fakeWorkbook: { readTable(n: string): FakeTable } } }).Excel.fakeWorkbook.readTable(n), name);

describe('the CSV import in Excel (fake office.js)', () => {
  let harness: Harness;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'koppelkaart-import-office-'));
    const officeJs = await buildFakeOffice(join(dir, 'office.js'));
    harness = await startHarness({ officeJs, viewport: { width: 420, height: 900 } });
    const seed = seedFromRawWerkboek(await readXlsx(readFileSync(DEMO)));
    await harness.context.addInitScript((s) => Object.assign(window, { __FAKE_OFFICE_SEED__: s }), seed);
  }, 600_000);
  afterAll(async () => {
    await harness?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the mapped rows into Werken, the bad row into Controle and the mapping into KoppelkaartBronnen', async () => {
    const page = await harness.open('taskpane.html?achtergrond=uit');
    await waitForAnalysis(page);
    await page.locator('#app-status', { hasText: 'Geschreven naar blad' }).waitFor({ timeout: 60_000 });
    const voor = await table(page, 'Werken');
    const getekend = await counts(page);
    await kiesCsv(page);
    await koppelEnImporteer(page);
    await page.locator('#app-status', { hasText: 'werken toegevoegd' }).waitFor({ timeout: 60_000 });
    const werken = await table(page, 'Werken');
    expect(werken.rows).toHaveLength(voor.rows.length + 3);
    const id = werken.headers.indexOf('id');
    expect(werken.rows.slice(-3).map((r) => r[id])).toEqual(['PX-1', 'PX-2', 'PX-3']);
    const titel = werken.headers.indexOf('titel');
    expect(werken.rows.find((r) => r[id] === 'PX-1')![titel]).toBe('Kabel Poëziestraat é');
    const bronnen = await table(page, 'KoppelkaartBronnen');
    expect(bronnen.rows.map((r) => r[0])).toContain('stedin-export.csv');
    const controle = await table(page, 'Controle');
    expect(controle.rows.some((r) => r[0] === 'CSV stedin-export.csv' && r[1] === 5)).toBe(true);
    // analysed again: the map shows the new works
    await expect(counts(page)).resolves.toMatchObject({ werken: getekend.werken + 3 });
  });
});
