/**
 * The office-js adapter of Koppelkaart: the werkboek read out of the open workbook, the results
 * written back, and selection and change events. office.js is a global from its CDN script, never
 * imported; call these inside `Excel.run`.
 */
export { readWerkboekFromExcel, indexWorkbook, locateTables, readSources, readShape } from './read';
export type { TableSource, WorkbookIndex, Shape, ExcelRawTable } from './read';
export { writeResults } from './write';
export type { Results, WriteReport } from './write';
export { selectRow, onSelection, onWerkenChanged, parseAddress } from './selection';
export type { SelectableTable, RowSelection, Subscription } from './selection';
export { debounce } from './debounce';
export type { Debounced } from './debounce';
export { DEFAULT_MAX_READ_CELLS, DEFAULT_MAX_REQUEST_BYTES } from './batch';
export type { BatchOptions } from './batch';
export { createNieuwWerkboek } from './nieuw-werkboek';
export type { NieuwWerkboekReport } from './nieuw-werkboek';
export { applyWerkenImport, applyBuurtenImport } from './import';
export type { ImportReport, RowsImport } from './import';
export { saveBron, readBronnenFromExcel } from './bronnen';
export { excelValue } from './excel-value';
