/**
 * An in-repo fake of the Excel JavaScript API subset Koppelkaart uses, faithful to office-js's
 * load / sync semantics, for unit tests and (as a browser script) for end-to-end tests.
 *
 * @example
 * const wb = new FakeWorkbook({ sheets: [{ name: 'Werken', tables: [{ name: 'Werken', headers: ['id'], rows: [['W1']] }] }] });
 * const { Excel } = createFakeOffice(wb);
 * await (Excel as typeof globalThis.Excel).run(async (context) => { ... });
 * wb.syncLog.length; // how many syncs the code made
 */
export { FakeWorkbook } from './model';
export type { SeedWorkbook, SeedSheet, SeedTable, SeedValue, SyncRecord, Snapshot } from './model';
export { createFakeOffice, installFakeOffice } from './globals';
export type { FakeOfficeGlobals } from './globals';
export { FakeOfficeError, ErrorCodes } from './errors';
export { FakeRequestContext } from './context';
