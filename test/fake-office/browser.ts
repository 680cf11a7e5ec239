/**
 * The fake as a browser script, served in place of office.js in end-to-end tests. It defines the
 * globals `Office`, `Excel` and `OfficeExtension` over a fake workbook seeded from
 * `window.__FAKE_OFFICE_SEED__` (set it with an init script before the page loads), and exposes
 * that workbook as `window.__fakeOffice.workbook` for the test to read back.
 */
import { FakeWorkbook, type SeedWorkbook } from './model';
import { createFakeOffice } from './globals';

declare global {
  interface Window {
    __FAKE_OFFICE_SEED__?: SeedWorkbook;
    __fakeOffice?: { workbook: FakeWorkbook; readTable: FakeWorkbook['readTable']; sheetNames: () => string[] };
  }
}

const workbook = new FakeWorkbook(window.__FAKE_OFFICE_SEED__ ?? { sheets: [{ name: 'Blad1' }] });
Object.assign(window, createFakeOffice(workbook));
window.__fakeOffice = {
  workbook,
  readTable: (name) => workbook.readTable(name),
  sheetNames: () => workbook.sheets.map((s) => s.name),
};
