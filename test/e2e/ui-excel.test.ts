import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parseAddress } from '../../src/excel/selection';
import { columnLetters } from '../../src/file/cell-ref';
import { readXlsx } from '../../src/file/read-xlsx';
import { buildFakeOffice } from '../fake-office/build';
import { seedFromRawWerkboek } from '../fake-office/seed';
import { startHarness, type Harness } from './harness';
import { BLOCKED_LINE, DEMO, demoVerwachting, waitForAnalysis } from './ui-helpers';

type FakeWorkbook = { readTable(n: string): { sheet: string; address: string; headers: string[]; rows: unknown[][] }; selection?: { sheet: { name: string }; box: { row: number } }; edit(s: string, a: string, v: unknown[][]): void };
type FakeExcel = { fakeWorkbook: FakeWorkbook };
const table = (page: Page, name: string) =>
  page.evaluate((n) => (window as unknown as { Excel: FakeExcel }).Excel.fakeWorkbook.readTable(n), name);
const selectedRow = (page: Page) =>
  page.evaluate(() => {
    const s = (window as unknown as { Excel: FakeExcel }).Excel.fakeWorkbook.selection;
    // the fake's boxes are 0-based; Excel rows 1-based
    return s ? { sheet: s.sheet.name, row: s.box.row + 1 } : null;
  });
const waitForWrite = (page: Page) => page.locator('#app-status', { hasText: 'Geschreven naar blad' }).waitFor({ timeout: 60_000 });

describe('the task pane in Excel (fake office.js) on the demo workbook', () => {
  let harness: Harness;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'koppelkaart-fake-office-'));
    const officeJs = await buildFakeOffice(join(dir, 'office.js'));
    harness = await startHarness({ officeJs, viewport: { width: 320, height: 900 } });
    // the fake's workbook: the demo workbook's tables, each where it is in the file
    const seed = seedFromRawWerkboek(await readXlsx(readFileSync(DEMO)));
    await harness.context.addInitScript((s) => Object.assign(window, { __FAKE_OFFICE_SEED__: s }), seed);
    page = await harness.open('taskpane.html?achtergrond=uit');
    await waitForAnalysis(page);
    await waitForWrite(page);
  });
  afterAll(async () => {
    await harness?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('analyses the workbook and writes Meekoppelkansen, the Werken column and Controle into it', async () => {
    const { werkboek, paren } = await demoVerwachting();
    await harness.screenshot(page, 'ui-excel-taskpane');
    const mk = await table(page, 'Meekoppelkansen');
    expect(mk.rows).toHaveLength(paren.length);
    const id = mk.headers.indexOf('id');
    expect(mk.rows.map((r) => r[id]).sort()).toEqual(paren.map((p) => p.id).sort());
    expect(mk.rows.every((r) => r[mk.headers.indexOf('status')] === 'nieuw')).toBe(true);
    const werken = await table(page, 'Werken');
    expect(werken.headers).toContain('meekoppelkansen');
    const controle = await table(page, 'Controle');
    // an Excel table keeps one (empty) data row when there is nothing to report
    expect(controle.rows.filter((r) => r.some((v) => v !== '' && v !== null))).toHaveLength(werkboek.problems.length);
  });

  it('zooms the map to a pair when its row is selected in the sheet', async () => {
    const mk = await table(page, 'Meekoppelkansen');
    const id = String(mk.rows[3][mk.headers.indexOf('id')]);
    await page.evaluate(async () => {
      await Excel.run(async (context) => {
        const t = context.workbook.tables.getItem('Meekoppelkansen');
        t.getDataBodyRange().getRow(3).select();
        await context.sync();
      });
    });
    await page.waitForFunction((want) => window.__koppelkaart?.selectie()?.id === want, id, { timeout: 10_000 });
    await expect(page.locator('#paar-detail').getAttribute('data-paar')).resolves.toBe(id);
  });

  it('selects the row of a pair clicked on the map', async () => {
    const mk = await table(page, 'Meekoppelkansen');
    const id = String(mk.rows[0][mk.headers.indexOf('id')]);
    // zoom to it from the list, then click it on the map itself
    await page.locator(`#paren > li[data-paar="${id}"] .kk-lijst-kop`).click();
    await page.locator('#map').scrollIntoViewIfNeeded();
    const at = await page.evaluate((want) => window.__koppelkaart!.punt('paar', want), id);
    const box = (await page.locator('#map').boundingBox())!;
    await page.evaluate(async () => Excel.run(async (c) => {
      c.workbook.worksheets.getItem('Werken').getRange('A1').select();
      await c.sync();
    }));
    await page.mouse.click(box.x + at![0], box.y + at![1]);
    await page.waitForFunction(() => {
      const s = (window as unknown as { Excel: FakeExcel }).Excel.fakeWorkbook.selection;
      return s && s.sheet.name !== 'Werken';
    }, null, { timeout: 10_000 });
    const sel = await selectedRow(page);
    const mkSheet = await page.evaluate(() => (window as unknown as { Excel: FakeExcel }).Excel.fakeWorkbook.selection!.sheet.name);
    expect(sel?.sheet).toBe(mkSheet);
    const rowOf = mk.rows.findIndex((r) => r[mk.headers.indexOf('id')] === id);
    // the row under the header, as the table's address says (parseAddress is 0-based)
    expect(sel?.row).toBe(parseAddress(mk.address)!.row + 2 + rowOf);
  });

  it('analyses again after the planner edits Werken, and writes a status typed in the list into the sheet', async () => {
    const mk = await table(page, 'Meekoppelkansen');
    const id = String(mk.rows[1][mk.headers.indexOf('id')]);
    const item = page.locator(`#paren > li[data-paar="${id}"]`);
    await item.locator('select').selectOption('in overleg');
    await page.waitForFunction((want) => {
      const t = (window as unknown as { Excel: FakeExcel }).Excel.fakeWorkbook.readTable('Meekoppelkansen');
      return t.rows.some((r) => r[t.headers.indexOf('id')] === want && r[t.headers.indexOf('status')] === 'in overleg');
    }, id, { timeout: 10_000 });

    // a work's categorie made equal to its partner's: that pair no longer qualifies
    const werken = await table(page, 'Werken');
    const [a, b] = id.replace(/^MK-/, '').split(/-(?=[A-Z])/);
    const idCol = werken.headers.indexOf('id');
    const cat = werken.headers.indexOf('categorie');
    const rowA = werken.rows.findIndex((r) => r[idCol] === a);
    const catB = werken.rows.find((r) => r[idCol] === b)![cat];
    expect(rowA).toBeGreaterThanOrEqual(0);
    await page.locator('#app-status').evaluate((el) => (el.textContent = ''));
    const box = parseAddress(werken.address)!;
    const cell = `${columnLetters(box.col + 1 + cat)}${box.row + 2 + rowA}`;
    await page.evaluate(([sheet, address, value]) => {
      (window as unknown as { Excel: FakeExcel }).Excel.fakeWorkbook.edit(sheet, address, [[value]]);
    }, [werken.sheet, cell, catB] as const);
    await page.locator('#app-status', { hasText: 'opnieuw analyseren' }).waitFor({ timeout: 10_000 });
    await waitForWrite(page);
    const after = await table(page, 'Meekoppelkansen');
    // the planner typed a status, so the row stays, as vervallen
    const row = after.rows.find((r) => r[after.headers.indexOf('id')] === id)!;
    expect(row[after.headers.indexOf('status')]).toBe('vervallen');
  });

  it('logs no errors of its own', () => {
    expect(harness.consoleErrors.filter((e) => !BLOCKED_LINE.test(e))).toEqual([]);
    expect(harness.blockedRequests).toEqual([]);
  });
});
